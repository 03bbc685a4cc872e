"""Memphis's import system against CPython: packages, relative, star and circular imports, errors.

Each scenario writes a small tree of modules into a temporary folder and runs its `main.py`
under python3 and under Memphis from that folder; stdout, stderr (tracebacks included) and the
exit status must be identical. Tests after the scenarios check what has no CPython counterpart:
the pure locator, the separation of Memphis's sys.modules from the host's, and the refusals.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from interpreter.bridge.modules import REFUSED, WITHHELD
from interpreter.imports.locate import ModuleLocation, locate, locate_in

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 120


def _env() -> dict:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get('PYTHONPATH', '')) if p)
    return dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8', PYTHONPATH=path)


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, timeout=TIMEOUT, env=_env(),
                          check=False)


def write_tree(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))


def assert_same_as_cpython(root: Path, args: tuple[str, ...] = ('main.py',)) -> str:
    expected = run([sys.executable, *args], root)
    actual = run([sys.executable, '-m', 'interpreter', *args], root)
    assert actual.stderr.decode() == expected.stderr.decode()
    assert actual.stdout.decode() == expected.stdout.decode()
    assert actual.returncode == expected.returncode
    return expected.stdout.decode()


SCENARIOS = {
    'packages_and_relative_imports': {
        'pkg/__init__.py': """
            print('pkg', __name__, __package__, __spec__.name, __spec__.parent)
            from . import mod
            from .sub import deep
            X = 1
        """,
        'pkg/mod.py': "print('mod', __name__, __package__); Y = 2\n",
        'pkg/sub/__init__.py': '',
        'pkg/sub/deep.py': """
            from .. import mod
            from ..mod import Y
            from . import sibling
            Z = Y + sibling.S
        """,
        'pkg/sub/sibling.py': 'S = 10\n',
        'main.py': """
            import os, sys
            import pkg, pkg.sub.deep as d
            import pkg.sub.sibling
            print(pkg.X, d.Z, pkg.mod.Y, pkg.sub.sibling.S)
            print(sorted(k for k in sys.modules if k.startswith('pkg')))
            here = os.getcwd()
            print(pkg.__file__ == os.path.join(here, 'pkg', '__init__.py'))
            print(pkg.__path__ == [os.path.join(here, 'pkg')], pkg.__package__, d.__package__)
            print(d.__cached__ == os.path.join(here, 'pkg', 'sub', '__pycache__',
                                               'deep.cpython-311.pyc'))
            print(d.__spec__.origin == d.__file__, d.__spec__.submodule_search_locations)
            print(pkg.__spec__.submodule_search_locations == pkg.__path__)
            print(type(d.__builtins__).__name__, type(__builtins__).__name__)
            print(__name__, __spec__, __package__, sys.modules['__main__'] is sys.modules[__name__])
            print(hasattr(d, '__loader__'), d.__loader__ is d.__spec__.loader)
            print(sys.path[0] == here)
        """,
    },
    'import_forms': {
        'a/__init__.py': 'A = 1\n',
        'a/b/__init__.py': 'B = 2\n',
        'a/b/c.py': 'C = 3\n',
        'main.py': """
            import a.b.c
            print(a.A, a.b.B, a.b.c.C)
            import a.b.c as c
            print(c.C)
            from a.b import c as c2, B
            print(c2 is c, B)
            from a import b
            print(b.c.C)
            m = __import__('a.b.c')
            print(m.__name__)
            m = __import__('a.b.c', fromlist=['C'])
            print(m.__name__)
            m = __import__('a.b', fromlist=['c', 'missing_sub'])
            print(m.__name__)
        """,
    },
    'star_imports': {
        'with_all.py': "__all__ = ['a', '_hidden']\na = 1\nb = 2\n_hidden = 3\n",
        'without_all.py': 'a = 1\nb = 2\n_private = 3\nimport os\n',
        'spkg/__init__.py': "__all__ = ['one', 'two']\ntwo = 2\n",
        'spkg/one.py': 'ONE = 1\n',
        'bad_all.py': "__all__ = ['nothere']\n",
        'main.py': """
            def names(module):
                space = {}
                exec(f'from {module} import *', space)
                return sorted(k for k in space if k != '__builtins__')
            print(names('with_all'))
            print(names('without_all'))
            print(names('spkg'))
            import spkg
            print(spkg.one.ONE)
            from bad_all import *
        """,
    },
    'circular_working': {
        'a.py': 'import b\nX = 1\ndef f():\n    return b.Y\n',
        'b.py': 'import a\nY = 2\ndef g():\n    return a.X\n',
        'p/__init__.py': 'from . import q\nP = q.Q\n',
        'p/q.py': 'from . import r\nQ = 5\n',
        'p/r.py': 'import p\nR = 6\n',
        'main.py': """
            import a
            print(a.f(), a.b.g())
            import p
            print(p.P, p.r.R)
        """,
    },
    'circular_failing': {
        'c1.py': 'from c2 import g\ndef f(): pass\n',
        'c2.py': 'from c1 import f\ndef g(): pass\n',
        'main.py': 'import sys\nimport c1\n',
    },
    'module_not_found': {
        'plain.py': 'X = 1\n',
        'broken.py': "print('running broken')\n1 / 0\n",
        'rel/__init__.py': '',
        'rel/inner.py': 'from ... import nothing\n',
        'main.py': """
            import sys
            def attempt(code):
                try:
                    exec(code, {'__name__': 'x'})
                except ImportError as e:
                    print(type(e).__name__, e, repr(e.name))
                except (TypeError, ValueError) as e:
                    print(type(e).__name__, e)
            attempt('import nosuch')
            attempt('import nosuch.sub')
            attempt('import plain.sub')
            attempt('from plain import missing')
            attempt('from . import x')
            attempt('import rel.inner')
            attempt("__import__('')")
            attempt("__import__('plain', level=-1)")
            attempt('__import__(5)')
            sys.modules['blocked'] = None
            attempt('import blocked')
            for _ in range(2):
                try:
                    import broken
                except ZeroDivisionError as e:
                    print('failed:', e, 'broken' in sys.modules)
            import nosuch_at_top
        """,
    },
    'relative_from_main_fails': {
        'main.py': 'from . import anything\n',
    },
    'namespace_packages': {
        'first/ns/one.py': 'ONE = 1\n',
        'second/ns/two.py': 'TWO = 2\n',
        'second/ns/deeper/three.py': 'THREE = 3\n',
        'main.py': """
            import os, sys
            sys.path[1:1] = ['first', 'second']
            import ns.one, ns.two, ns.deeper.three
            print(ns.one.ONE, ns.two.TWO, ns.deeper.three.THREE)
            print([os.path.relpath(p) for p in ns.__path__])
            print(ns.__spec__.origin, getattr(ns, '__file__', 'no file'), ns.__package__)
            print(ns.__spec__.name, ns.__spec__.parent, ns.deeper.__name__)
        """,
    },
    'module_replaces_itself': {
        'swap.py': 'import sys\nsys.modules[__name__] = 42\n',
        'main.py': 'import swap\nprint(swap)\n',
    },
    'sys_state_is_the_programs': {
        'main.py': """
            import sys, importlib
            print(type(sys.modules).__name__, 'sys' in sys.modules, 'builtins' in sys.modules)
            print(sys.modules['sys'] is sys, sys.modules['builtins'].len is len)
            print(sys.argv)
            print(all(hasattr(f, 'find_spec') for f in sys.meta_path))
            print(type(sys).__name__)
            sys.path.insert(0, 'later')
            import os
            os.makedirs('later', exist_ok=True)
            with open('later/added.py', 'w') as handle:
                handle.write('VALUE = 7\\n')
            importlib.invalidate_caches()
            import added
            print(added.VALUE)
        """,
    },
    'importlib_over_memphis': {
        'pkg/__init__.py': '',
        'pkg/mod.py': "print('running mod'); Y = 2\n",
        'main.py': """
            import importlib, importlib.util, sys
            m = importlib.import_module('pkg.mod')
            print(m.__name__, m is sys.modules['pkg.mod'])
            print(importlib.import_module('.mod', 'pkg') is m)
            print(importlib.util.find_spec('pkg.mod').name, importlib.util.find_spec('nosuch'))
            m.Y = 99
            print(importlib.reload(m) is m, m.Y)
            try:
                importlib.import_module('pkg.nosuch')
            except ModuleNotFoundError as e:
                print(e, e.name)
        """,
    },
}


@pytest.mark.parametrize('scenario', sorted(SCENARIOS))
def test_scenario_matches_cpython(scenario: str, tmp_path: Path) -> None:
    write_tree(tmp_path, SCENARIOS[scenario])
    assert_same_as_cpython(tmp_path, ('main.py', 'arg1'))


def test_dash_c_path_and_imports(tmp_path: Path) -> None:
    write_tree(tmp_path, {'here.py': 'X = 3\n'})
    code = 'import sys, here; print(sys.path[0] == "", here.X, here.__file__, sys.argv)'
    assert_same_as_cpython(tmp_path, ('-c', code, 'a'))


def test_threads_importing_one_module_wait_for_it(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        'slow.py': """
            import time
            print('slow starts')
            time.sleep(0.2)
            DONE = True
        """,
        'main.py': """
            import threading
            seen = []
            def worker():
                import slow
                seen.append(slow.DONE)
            threads = [threading.Thread(target=worker) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            print(seen)
        """,
    })
    assert assert_same_as_cpython(tmp_path) == 'slow starts\n[True, True, True, True]\n'


STDLIB_PROGRAM = """
import json, re, collections, functools, dataclasses, enum, typing, textwrap
print(json.dumps({'k': [1, 2.5, None]}), re.findall(r'\\d+', 'a1b22'))
@dataclasses.dataclass
class P:
    x: int
    y: typing.List[int] = dataclasses.field(default_factory=list)
class C(enum.Enum):
    A = 1
print(P(1), C.A, collections.Counter('aab').most_common(1), functools.reduce(max, [3, 9, 2]))
print(textwrap.shorten('hello wide world', 12))
"""


def test_sys_modules_are_separate_from_the_hosts(tmp_path: Path) -> None:
    """Run Memphis inside a host script and look at both module tables afterwards."""
    write_tree(tmp_path, {'prog.py': STDLIB_PROGRAM, 'mine.py': 'X = 1\n'})
    host_script = textwrap.dedent("""
        import sys
        from interpreter.imports.system import import_state
        from interpreter.runtime.entry import run_main
        from interpreter.runtime.functions import memphis_code_of
        with open('prog.py') as handle:
            source = handle.read() + 'import mine, colorsys\\n'
        assert 'colorsys' not in sys.modules and 'mine' not in sys.modules
        status = run_main(source, 'prog.py', ['prog.py'])
        modules = import_state().modules
        print(status, 'mine' in modules and 'colorsys' in modules, 'mine' in sys.modules,
              'colorsys' in sys.modules)
        print(modules['json'] is not sys.modules.get('json'))
        print(memphis_code_of(modules['json'].dumps) is not None)
        print(memphis_code_of(modules['dataclasses'].dataclass) is not None)
        print(modules['_sre'] is sys.modules['_sre'], '__main__' in modules)
        print(sys.modules['__main__'].__name__ == '__main__', modules['__main__'].__spec__)
    """)
    result = run([sys.executable, '-c', host_script], tmp_path)
    assert result.stderr.decode() == ''
    lines = result.stdout.decode().splitlines()
    assert lines[-6:] == ['0 True False False', 'True', 'True', 'True', 'True True',
                          'True None']


def test_stdlib_program_matches_cpython(tmp_path: Path) -> None:
    write_tree(tmp_path, {'main.py': STDLIB_PROGRAM})
    assert_same_as_cpython(tmp_path)


# What each refused module's pure-Python fallback looks like under Memphis (under CPython these
# print False or differ: the C accelerator is in use there).
REFUSAL_FALLBACKS = {
    '_pickle': (('import pickle; print(pickle.Pickler is pickle._Pickler, '
                'pickle.loads(pickle.dumps([1, (2, 3)])))'), 'True [1, (2, 3)]'),
    '_warnings': (('import warnings; print(warnings.warn.__module__, '
                  'hasattr(warnings, "_filters_mutated_lock_held") or '
                  'warnings.filters is not None)'), 'warnings True'),
    '_asyncio': (('import asyncio; print(asyncio.Future is asyncio.futures._PyFuture, '
                 'asyncio.Task is asyncio.tasks._PyTask)'), 'True True'),
    '_elementtree': (('import xml.etree.ElementTree as ET; print(ET.XMLParser.__module__, '
                     'ET.tostring(ET.fromstring("<a>x</a>")))'),
                     "xml.etree.ElementTree b'<a>x</a>'"),
    '_datetime': (('import datetime, sys; print(type(datetime.date.today).__name__, '
                  'datetime.datetime.strptime("2020-01-02", "%Y-%m-%d"))'),
                  'method 2020-01-02 00:00:00'),
    '_decimal': (('import decimal, sys; print("_pydecimal" in sys.modules, '
                 'decimal.Decimal("1.1") + decimal.Decimal("2.2"))'), 'True 3.3'),
    '_zoneinfo': (('import zoneinfo, zoneinfo._zoneinfo as pure; '
                  'print(zoneinfo.ZoneInfo is pure.ZoneInfo)'), 'True'),
}


@pytest.mark.parametrize('name', sorted(REFUSED))
def test_refused_module_is_missing_and_its_fallback_runs(name: str, tmp_path: Path) -> None:
    fallback, expected = REFUSAL_FALLBACKS[name]
    probe = (f'try:\n    import {name}\nexcept ModuleNotFoundError as e:\n'
             f'    print(type(e).__name__, e, e.name)\n'
             f'try:\n    from {name} import something\nexcept ImportError as e:\n'
             f'    print("from-import fails")\n')
    if name == '_warnings':
        # CPython, too, has a `_warnings` in sys.modules from the start; Memphis's forwards to
        # warnings.py and lacks the C module's state, so warnings.py uses its own.
        probe = ('import _warnings\ntry:\n    from _warnings import filters\n'
                 'except ImportError as e:\n    print("from-import fails")\n')
    result = run([sys.executable, '-m', 'interpreter', '-c', probe + fallback], tmp_path)
    assert result.stderr.decode() == ''
    lines = result.stdout.decode().splitlines()
    if name != '_warnings':
        assert lines[0] == f"ModuleNotFoundError No module named '{name}' {name}"
    assert 'from-import fails' in lines
    assert lines[-1] == expected


def test_refused_warnings_module_reports_memphis_locations(tmp_path: Path) -> None:
    write_tree(tmp_path, {'main.py': """
        import warnings
        def f():
            warnings.warn('careful', UserWarning, stacklevel=2)
        f()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            f()
        print(len(caught), caught[0].lineno, caught[0].filename.endswith('main.py'))
    """})
    assert_same_as_cpython(tmp_path)


def test_every_refusal_has_a_reason() -> None:
    assert all(isinstance(reason, str) and len(reason) > 20 for reason in REFUSED.values())
    assert {'_pickle', '_warnings', '_asyncio', '_elementtree'} <= set(REFUSED)
    assert all(len(reason) > 20 for _, reason in WITHHELD.values())


def test_withheld_json_scanner_falls_back_and_keeps_the_c_encoder(tmp_path: Path) -> None:
    probe = textwrap.dedent('''
        import json, _json, json.decoder as d, json.scanner as s, json.encoder as e
        try:
            from _json import make_scanner
        except ImportError as error:
            print(type(error).__name__, error)
        print(s.make_scanner is s.py_make_scanner, d.scanstring is d.py_scanstring)
        print(e.c_make_encoder is _json.make_encoder, hasattr(_json, 'scanstring'))
        try:
            json.loads('{"a": }')
        except json.JSONDecodeError as error:
            print(error)
    ''')
    result = run([sys.executable, '-m', 'interpreter', '-c', probe], tmp_path)
    assert result.stderr.decode() == ''
    lines = result.stdout.decode().splitlines()
    assert lines[0].startswith("ImportError cannot import name 'make_scanner' from '_json' (")
    assert lines[1:] == ['True True', 'True False', 'Expecting value: line 1 column 7 (char 6)']


class TestLocate:
    """The pure locator agrees with the host's importlib.util.find_spec and imports nothing."""

    @pytest.mark.parametrize('name', ['json', 'json.decoder', 'os', 'email.mime.text', '_sre',
                                      'sys', 'math', '_json', 'xml.etree.ElementTree',
                                      'collections.abc', 'importlib.metadata'])
    def test_agrees_with_find_spec(self, name: str) -> None:
        import importlib.util

        before = set(sys.modules)
        found = locate(name, sys.path)
        assert set(sys.modules) == before or name in before
        spec = importlib.util.find_spec(name)
        assert found is not None
        if spec.origin in ('built-in', 'frozen'):
            assert found.kind in ('builtin', 'source', 'package')
        else:
            assert found.origin == spec.origin
        assert found.is_package == (spec.submodule_search_locations is not None)

    def test_missing_and_not_a_package(self) -> None:
        assert locate('no_such_module_xyz', sys.path) is None
        assert locate('json.no_such', sys.path) is None
        assert locate('json.decoder.x', sys.path) is None
        assert locate('', sys.path) is None

    def test_kinds(self, tmp_path: Path) -> None:
        write_tree(tmp_path, {'a/ns/x.py': '', 'b/ns/y.py': '', 'b/pkg/__init__.py': '',
                              'b/mod.py': '', 'b/both.py': '', 'b/both/__init__.py': ''})
        path = [str(tmp_path / 'a'), str(tmp_path / 'b')]
        assert locate('ns', path) == ModuleLocation(
            'ns', 'namespace', None, (str(tmp_path / 'a' / 'ns'), str(tmp_path / 'b' / 'ns')))
        assert locate('ns.y', path).origin == str(tmp_path / 'b' / 'ns' / 'y.py')
        assert locate('pkg', path).kind == 'package'
        assert locate('mod', path).kind == 'source'
        # A package directory wins over a module file of the same name, as in FileFinder.
        assert locate('both', path).kind == 'package'
        assert locate('sys', path).kind == 'builtin'
        assert locate_in('pkg.x', [str(tmp_path / 'b' / 'pkg')]) is None


STRPTIME_PROGRAM = """\
import sys, time, datetime
print(time.strptime('2024-03-05 10:11:12', '%Y-%m-%d %H:%M:%S'))
print(time.strptime('Tue Mar  5 10:11:12 2024'))
print(time.strptime.__name__, time.strptime.__module__, '_strptime' in sys.modules)
print(datetime.datetime.strptime('2024-03-05', '%Y-%m-%d'))
try:
    time.strptime('xx', '%Y')
except ValueError as error:
    print(type(error).__name__, error)
time.strptime('1', '%Q')
"""


def test_time_strptime_runs_the_interpreted_strptime(tmp_path: Path) -> None:
    """time.strptime (a SUBSTITUTED entry) matches CPython, traceback included, and no
    longer imports the host's `_strptime`."""
    write_tree(tmp_path, {'main.py': STRPTIME_PROGRAM})
    assert_same_as_cpython(tmp_path)
    host_script = textwrap.dedent("""
        import sys
        from interpreter.runtime.entry import run_main
        with open('main.py') as handle:
            status = run_main(handle.read(), 'main.py', ['main.py'])
        print(status, '_strptime' in sys.modules)
    """)
    result = run([sys.executable, '-c', host_script], tmp_path)
    assert result.stdout.decode().splitlines()[-1] == '1 False'
