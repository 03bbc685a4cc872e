"""M032, `from m import name` where module m has no such name: differential against CPython
(each reported import fails there, each import CPython runs is not reported) and precision on
the standard library."""

from __future__ import annotations

import glob
import importlib
import json
import os
import subprocess
import sys
import sysconfig
import textwrap

import pytest

from interpreter.analysis import analyse_module
from interpreter.analysis.imports import module_attributes
from interpreter.imports.locate import locate, locate_in
from interpreter.source import decode_source

# A package whose modules bind names every way the checker must understand.
_PACKAGE = {
    'pkg/__init__.py': '''
        from .plain import thing
        from . import helpers as _helpers
        VALUE = 1
        if VALUE:
            BRANCH = 2
        try:
            from json import loads as TRIED
        except ImportError:
            TRIED = None
        for LOOPED in range(1):
            pass
        with open(__file__) as OPENED:
            pass
        class Klass: pass
        def function(): global LATER; LATER = 1
        ANNOTATED_ONLY: int
        import os.path
    ''',
    'pkg/plain.py': 'thing = 2\n_private = 3\n__all__ = ["thing"]\n',
    'pkg/helpers.py': 'def helper(): pass\n',
    'pkg/sub/__init__.py': '',
    'pkg/sub/leaf.py': 'LEAF = 1\n',
    'pkg/starred.py': 'from .plain import *\nfrom .helpers import *\nOWN = 1\n',
    'pkg/unknown_star.py': 'from math import *\nOWN = 1\n',
    'pkg/lazy.py': 'def __getattr__(name):\n    if name == "made": return 1\n    raise AttributeError(name)\n',
    'pkg/writes_globals.py': 'for n in ("g1", "g2"):\n    globals()[n] = n\n',
    'pkg/reads_globals.py': 'R = globals()["__name__"]\nNAMES = [n for n in globals()]\n',
    'pkg/sets_own_attributes.py': 'import sys\nsetattr(sys.modules[__name__], "set1", 1)\n',
    'pkg/aliased_module.py': ('import sys\n_me = sys.modules[__name__]\n_me.aliased = 1\n'),
    'pkg/reads_own_module.py': ('import sys\n_me = sys.modules[__name__]\nX = hasattr(_me, "X")\n'),
    'pkg/module_exec.py': 'exec("EXECUTED = 1")\n',
    'pkg/hooked/__init__.py': ('import sys\nclass Finder:\n    def find_spec(self, name, path, '
                               'target=None):\n        if name == __name__ + ".virtual":\n'
                               '            import importlib.util\n'
                               '            return importlib.util.spec_from_loader(name, Loader())\n'
                               'class Loader:\n    def create_module(self, spec): return None\n'
                               '    def exec_module(self, module): module.X = 1\n'
                               'sys.meta_path.append(Finder())\n'),
    'pkg/enum_export.py': ('import enum\nclass Holder:\n    RED = 1\n'
                           'enum.IntEnum._convert_("Shade", __name__, lambda n: n == "RED", '
                           'source=Holder)\n'),
    'pkg/relative.py': '''
        from . import VALUE, helpers, sub, plain, no_such_name
        from .plain import thing, nope
        from .sub import leaf, not_a_leaf
        from .sub.leaf import LEAF, NOT_LEAF
    ''',
}

# (module, name, whether Memphis can know whether the module binds the name).
_IMPORTS = [
    ('pkg', 'VALUE', True), ('pkg', 'BRANCH', True), ('pkg', 'TRIED', True),
    ('pkg', 'LOOPED', True), ('pkg', 'OPENED', True), ('pkg', 'Klass', True),
    ('pkg', 'function', True), ('pkg', 'thing', True), ('pkg', 'plain', True),
    ('pkg', 'helpers', True), ('pkg', 'sub', True), ('pkg', 'os', True),
    # LATER is bound only if `function` runs: a superset counts it as bound.
    ('pkg', 'ANNOTATED_ONLY', True), ('pkg', 'LATER', False), ('pkg', 'missing', True),
    ('pkg', '_helpers', True),
    ('pkg.plain', 'thing', True), ('pkg.plain', 'other', True), ('pkg.plain', '_private', True),
    ('pkg.starred', '_private', True),
    ('pkg.sub', 'leaf', True), ('pkg.sub', 'nothing', True),
    ('pkg.sub.leaf', 'LEAF', True), ('pkg.sub.leaf', 'leaf', True),
    ('pkg.starred', 'thing', True), ('pkg.starred', 'helper', True),
    ('pkg.starred', 'OWN', True), ('pkg.starred', 'absent', True),
    ('pkg.unknown_star', 'sqrt', False), ('pkg.unknown_star', 'absent', False),
    ('pkg.lazy', 'made', False), ('pkg.lazy', 'absent', False),
    ('pkg.writes_globals', 'g1', False), ('pkg.writes_globals', 'absent', False),
    ('pkg.reads_globals', 'R', True), ('pkg.reads_globals', 'absent', True),
    ('pkg.sets_own_attributes', 'set1', False), ('pkg.sets_own_attributes', 'absent', False),
    ('pkg.aliased_module', 'aliased', False), ('pkg.aliased_module', 'absent', False),
    ('pkg.reads_own_module', 'X', True), ('pkg.reads_own_module', 'absent', True),
    ('pkg.module_exec', 'EXECUTED', False), ('pkg.module_exec', 'absent', False),
    ('pkg.enum_export', 'RED', False), ('pkg.enum_export', 'absent', False),
    ('pkg.hooked', 'virtual', False), ('pkg.hooked', 'absent', False),
    ('json', 'loads', True), ('json', 'decoder', True), ('json', 'nothere', True),
    ('collections', 'OrderedDict', True), ('collections', 'abc', True),
    ('collections', 'Mapping', True), ('typing', 'Any', True), ('typing', 'Anyy', True),
    ('math', 'sqrt', False), ('math', 'nosuch', False),
]


def _write_package(root) -> None:
    for path, text in _PACKAGE.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text))


def _cpython_failures(root, imports) -> set[tuple[str, str]]:
    """The (module, name) pairs whose `from module import name` raises ImportError."""
    program = textwrap.dedent('''
        import json, sys
        failed = []
        for module, name in json.loads(sys.argv[1]):
            try:
                exec(f"from {module} import {name}", {})
            except ImportError:
                failed.append([module, name])
        print(json.dumps(failed))
    ''')
    pairs = json.dumps([[module, name] for module, name in imports])
    result = subprocess.run([sys.executable, '-c', program, pairs], cwd=root,
                            capture_output=True, text=True, check=True)
    return {tuple(pair) for pair in json.loads(result.stdout)}


def _reported(analysis) -> set[tuple[str, str]]:
    return {(finding.data['module'], finding.data['name'])
            for finding in analysis.diagnostics if finding.code == 'M032'}


def test_reports_agree_with_cpython(tmp_path):
    _write_package(tmp_path)
    source = ''.join(f'from {module} import {name}\n' for module, name, _ in _IMPORTS)
    main = tmp_path / 'main.py'
    main.write_text(source)
    reported = _reported(analyse_module(source, str(main)))
    failing = _cpython_failures(tmp_path, [(module, name) for module, name, _ in _IMPORTS])
    knowable = {(module, name) for module, name, known in _IMPORTS if known}
    # Every report is an import CPython refuses; every refused import of a module whose names
    # can be read from its source is reported.
    assert reported <= failing
    assert reported == failing & knowable
    assert ('pkg', 'ANNOTATED_ONLY') in reported and ('pkg.plain', 'other') in reported


def test_relative_imports_agree_with_cpython(tmp_path):
    _write_package(tmp_path)
    path = tmp_path / 'pkg' / 'relative.py'
    reported = _reported(analyse_module(path.read_text(), str(path)))
    assert reported == {('.', 'no_such_name'), ('.plain', 'nope'), ('.sub', 'not_a_leaf'),
                        ('.sub.leaf', 'NOT_LEAF')}
    imports = [('pkg', 'VALUE'), ('pkg', 'helpers'), ('pkg', 'sub'), ('pkg', 'plain'),
               ('pkg', 'no_such_name'), ('pkg.plain', 'thing'), ('pkg.plain', 'nope'),
               ('pkg.sub', 'leaf'), ('pkg.sub', 'not_a_leaf'), ('pkg.sub.leaf', 'LEAF'),
               ('pkg.sub.leaf', 'NOT_LEAF')]
    assert _cpython_failures(tmp_path, imports) == {
        ('pkg', 'no_such_name'), ('pkg.plain', 'nope'), ('pkg.sub', 'not_a_leaf'),
        ('pkg.sub.leaf', 'NOT_LEAF')}


def test_guarded_future_and_type_checking_imports_are_not_checked():
    source = ('from __future__ import annotations\n'
              'from typing import TYPE_CHECKING\n'
              'if TYPE_CHECKING:\n    from json import StubOnly\n'
              'try:\n    from json import guarded\nexcept ImportError:\n    guarded = None\n'
              'import sys\n'
              'if sys.platform == "win32":\n    from json import windows_only\n'
              'print(guarded, windows_only, StubOnly)\n')
    assert _reported(analyse_module(source, '<test>')) == set()


def test_noqa_and_message():
    source = 'from json import nothere  # noqa: M032\nfrom json import absent\nprint(nothere, absent)\n'
    (finding,) = [f for f in analyse_module(source, '<test>').diagnostics if f.code == 'M032']
    assert (finding.message, finding.severity, finding.lineno, finding.col, finding.end_col) == (
        "cannot import name 'absent' from 'json'", 'warning', 2, 17, 23)


_STDLIB_MODULES = ['json', 'collections', 'typing', 're', 'enum', 'functools', 'logging',
                   'argparse', 'pathlib', 'asyncio', 'string', 'threading', 'warnings',
                   'traceback', 'types', 'weakref', 'dataclasses', 'email.message', 'subprocess',
                   'textwrap', 'contextlib', 'copy', 'heapq', 'bisect', 'random', 'fractions',
                   'statistics', 'tempfile', 'shutil', 'glob', 'fnmatch', 'inspect',
                   'linecache', 'tokenize', 'ast', 'pprint', 'reprlib', 'queue', 'selectors',
                   'socket', 'http.client', 'urllib.parse', 'base64', 'csv', 'unittest',
                   'doctest', 'os', 'io', 'abc', 'operator', 'datetime', 'decimal', 'hashlib',
                   'struct', 'sqlite3', 'concurrent.futures', 'xml.etree.ElementTree', 'ssl',
                   'signal', 'email', 'importlib', 'zipfile', 'tarfile', 'uuid', 'numbers']


@pytest.mark.parametrize('name', _STDLIB_MODULES)
def test_stdlib_attributes_cover_what_cpython_binds(name):
    """Every attribute CPython's module has is a name Memphis reads from its source (or a
    submodule), unless Memphis says the names cannot be known."""
    module = importlib.import_module(name)
    location = locate(name)
    attributes = module_attributes(location, tuple(path for path in sys.path if path))
    if attributes is None:
        return
    missing = [attribute for attribute in dir(module)
               if attribute not in attributes
               and not (attribute.startswith('__') and attribute.endswith('__'))
               and not (location.is_package
                        and locate_in(attribute, location.submodule_search_locations))]
    assert missing == []


# The modules of the list whose names cannot be read from their source, and why.
_UNKNOWABLE = {
    'star import of a compiled module': ['heapq', 'bisect', 'ast', 'socket', 'os', 'io',
                                         'operator', 'datetime', 'decimal', 'hashlib', 'struct',
                                         'sqlite3', 'xml.etree.ElementTree', 'ssl', 'signal'],
    'module __getattr__': ['urllib.parse', 'unittest', 'concurrent.futures'],
    'writes through globals()': ['http.client', 'inspect'],
    '@enum.global_enum at module level': ['re'],
}


def test_which_stdlib_modules_have_unknowable_names():
    path = tuple(p for p in sys.path if p)
    unknown = {name for name in _STDLIB_MODULES if module_attributes(locate(name), path) is None}
    assert unknown == {name for names in _UNKNOWABLE.values() for name in names}


@pytest.mark.slow
def test_stdlib_has_no_missing_names():
    """The standard library outside its tests imports only names that exist."""
    stdlib = sysconfig.get_paths()['stdlib']
    reports = []
    for path in sorted(glob.glob(os.path.join(stdlib, '**', '*.py'), recursive=True)):
        relative = os.path.relpath(path, stdlib)
        if relative.startswith(('test', 'site-packages', 'idlelib' + os.sep + 'idle_test',
                                'lib2to3' + os.sep + 'tests')):
            continue
        try:
            with open(path, 'rb') as file:
                source = decode_source(file.read(), path)
        except (SyntaxError, UnicodeDecodeError):
            continue
        analysis = analyse_module(source, path)
        reports += [(relative, f.lineno, f.message) for f in analysis.diagnostics
                    if f.code == 'M032']
    assert reports == []
