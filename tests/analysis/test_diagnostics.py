"""Tests of interpreter.analysis.diagnostics: each code on small programs, `# noqa`, broken code,
and CPython as the oracle for undefined names and UnboundLocalError on generated programs.
"""

from __future__ import annotations

import random
import re
import sys
import threading

import pytest

from interpreter.analysis import analyse_module
from interpreter.analysis.diagnostics import CODES


def findings(source: str, filename: str = '/nonexistent/example.py', **options):
    return analyse_module(source, filename, **options).diagnostics


def codes(source: str, **options) -> list[tuple[str, int]]:
    return [(f.code, f.lineno) for f in findings(source, **options)]


def named(source: str, code: str, **options) -> list[str]:
    return [f.data['name'] for f in findings(source, **options) if f.code == code]


# -- syntax and compile-time errors ------------------------------------------------------------

def test_every_syntax_error_once():
    source = 'x = (1,\ny = 2\ndef f(:\n    pass\nz = 1 +\n'
    result = analyse_module(source, 'broken.py')
    syntax = [f for f in result.diagnostics if f.code == 'M001']
    assert len(syntax) == len({(d.message, d.lineno, d.col_offset)
                               for d in result.syntax_errors}) >= 2
    assert all(f.severity == 'error' for f in syntax)


@pytest.mark.parametrize(('source', 'code'), [
    ('return 1\n', 'M003'),
    ('class A:\n    return\n', 'M003'),
    ('yield 1\n', 'M004'),
    ('[(yield x) for x in y]\n', 'M004'),
    ('def f():\n    await g()\n', 'M005'),
    ('async with a: pass\n', 'M005'),
    ('def f(a, a): pass\n', 'M002'),
    ('nonlocal x\n', 'M002'),
])
def test_compile_time_errors_have_codes(source, code):
    found = findings(source)
    assert code in [f.code for f in found], found
    first = next(f for f in found if f.code == code)
    with pytest.raises(SyntaxError) as raised:
        compile(source, 'example.py', 'exec')
    assert raised.value.msg == first.message
    assert raised.value.lineno == first.lineno


def test_scope_errors_below_a_syntax_error():
    source = 'x = = 1\ndef f():\n    pass\nreturn 5\n'
    assert {'M001', 'M003'} <= {f.code for f in findings(source)}


def test_no_knock_on_errors_from_a_broken_def_header():
    # The header does not parse, so its body is read as module code: no "'return' outside
    # function" for it.
    source = 'def f(x) -> :\n    return x\n    yield 1\n'
    assert [f.code for f in findings(source)] == ['M001']


# -- undefined names ---------------------------------------------------------------------------

def test_undefined_names():
    source = ('import os\n'
              'def f(a):\n'
              '    return a + b + os.sep + len(__file__) + __name__\n'
              'class K:\n'
              '    attr = 1\n'
              '    def m(self):\n'
              '        return attr, __class__, K\n'
              '    q = __qualname__ + __module__\n'
              'print(missing)\n')
    assert named(source, 'M010') == ['b', 'attr', 'missing']


def test_undefined_names_below_a_syntax_error():
    source = ('import os\n'
              'def broken(:\n'
              '    pass\n'
              'x = (1 +\n'
              'print(nope)\n'
              'value = [1, 2\n'
              'def g():\n'
              '    return os.sep, value, typo_name\n')
    result = findings(source)
    assert 'M001' in {f.code for f in result}
    undefined = [f.data['name'] for f in result if f.code == 'M010']
    assert 'typo_name' in undefined
    # `value` is written in the broken statement: maybe bound there, never reported.
    assert 'value' not in undefined


def test_module_level_use_before_definition_and_after_del():
    source = 'print(early)\nearly = 1\nlate = 2\ndel late\nprint(late)\nlist = list\n'
    assert [(f.code, f.lineno) for f in findings(source)] == [('M010', 1), ('M010', 5)]


def test_comprehension_in_class_cannot_see_class_names():
    source = 'class A:\n    xs = [1]\n    ys = [x for x in xs]\n    zs = [xs for _ in xs]\n'
    assert [(f.code, f.lineno, f.data['name']) for f in findings(source)] == [
        ('M010', 4, 'xs')]


def test_global_and_nonlocal():
    source = ('def setup():\n'
              '    global configured\n'
              '    configured = True\n'
              'def use():\n'
              '    return configured\n'
              'def outer():\n'
              '    count = 0\n'
              '    def inc():\n'
              '        nonlocal count\n'
              '        count += 1\n'
              '    return inc\n')
    assert findings(source) == []


def test_name_error_guard_and_type_checking():
    source = ('from typing import TYPE_CHECKING\n'
              'if TYPE_CHECKING:\n'
              '    from collections import OrderedDict\n'
              'try:\n'
              '    unicode\n'
              'except NameError:\n'
              '    unicode = str\n'
              'def f(x: "OrderedDict") -> None:\n'
              '    return x\n'
              'try:\n'
              '    really_missing\n'
              'except Exception:\n'
              '    pass\n')
    assert named(source, 'M010') == ['really_missing']


def test_star_imports(tmp_path):
    (tmp_path / 'provider.py').write_text("__all__ = ['given']\ngiven = 1\nhidden = 2\n")
    (tmp_path / 'open_provider.py').write_text('public = 1\n_private = 2\n')
    source = ('from provider import *\nfrom open_provider import *\n'
              'print(given, public, hidden, _private)\n')
    path = str(tmp_path / 'user.py')
    result = findings(source, path, search_path=[str(tmp_path)])
    assert [f.data['name'] for f in result if f.code == 'M010'] == ['hidden', '_private']
    unresolvable = 'from no_such_module_here import *\nprint(anything)\n'
    result = findings(unresolvable, path, search_path=[str(tmp_path)])
    assert {f.code for f in result} == {'M030'}
    compiled = 'from math import *\nprint(anything)\n'
    assert {f.code for f in findings(compiled, path)} == {'M031'}


def test_dunder_all():
    source = "import os\n__all__ = ['os', 'defined', 'nothing']\ndefined = 1\n"
    assert [(f.code, f.data['name']) for f in findings(source)] == [('M011', 'nothing')]
    # A package's `__all__` may name submodules: not checked there.
    assert findings(source, '/nonexistent/pkg/__init__.py') == []


# -- UnboundLocalError -------------------------------------------------------------------------

def test_unbound_local_certain_cases_only():
    source = ('total = 0\n'
              'def f():\n'
              '    total += 1\n'
              'def g():\n'
              '    print(x)\n'
              '    x = 1\n'
              'def h(flag):\n'
              '    for i in range(3):\n'
              '        if i:\n'
              '            print(y)\n'
              '        y = i\n'
              'def k():\n'
              '    z = 1\n'
              '    del z\n'
              '    return z\n'
              'def guarded():\n'
              '    try:\n'
              '        w\n'
              '    except NameError:\n'
              '        pass\n'
              '    w = 1\n'
              '    return w\n')
    assert [(f.code, f.lineno) for f in findings(source) if f.code == 'M012'] == [
        ('M012', 3), ('M012', 5), ('M012', 15)]


# -- unused names and redefinitions ------------------------------------------------------------

def test_unused_imports():
    source = ('from __future__ import annotations\n'
              'import os, sys\n'
              'import os.path\n'
              'import xml.dom\n'
              'import json as j\n'
              'from collections import OrderedDict as OD, deque\n'
              '__all__ = ["deque"]\n'
              'def f():\n'
              '    import re\n'
              '    return sys\n'
              'class K:\n'
              '    import string\n')
    result = [f for f in findings(source) if f.code == 'M020']
    assert [f.message for f in result] == [
        "'os.path' imported but unused", "'xml.dom' imported but unused",
        "'json as j' imported but unused", "'collections.OrderedDict as OD' imported but unused",
        "'re' imported but unused"]
    assert all(f.severity == 'warning' and f.tags == {'unnecessary'} for f in result)
    first = result[0]
    assert (first.lineno, first.col, first.end_col) == (3, 7, 9)


def test_package_reexports():
    source = 'from .core import thing as thing\nfrom .core import other\n'
    names = named(source, 'M020', filename='/nonexistent/pkg/__init__.py')
    assert names == ['other']


def test_unused_local_variables():
    source = ('def f(arg):\n'
              '    unused = 1\n'
              '    _ = 2\n'
              '    a, b = arg\n'
              '    c, d = 1, 2\n'
              '    used = 3\n'
              '    with open(arg) as handle:\n'
              '        pass\n'
              '    for i in arg:\n'
              '        pass\n'
              '    try:\n'
              '        pass\n'
              '    except Exception as error:\n'
              '        pass\n'
              '    if (found := arg):\n'
              '        pass\n'
              '    return used\n'
              'def g():\n'
              '    x = 1\n'
              '    return locals()\n'
              'module_level = 1\n')
    assert named(source, 'M021') == ['unused', 'c', 'd', 'handle', 'error', 'found']


def test_redefinitions():
    source = ('import os\n'
              'import os\n'
              'def f(): pass\n'
              'def f(): pass\n'
              'if os:\n'
              '    def g(): pass\n'
              'else:\n'
              '    def g(): pass\n'
              'def h(): pass\n'
              'h()\n'
              'def h(): pass\n'
              'from typing import overload\n'
              '@overload\n'
              'def o(x: int) -> int: ...\n'
              'def o(x): return x\n'
              'print(f, g, h, o)\n')
    result = [(f.lineno, f.data['name']) for f in findings(source) if f.code == 'M022']
    assert result == [(2, 'os'), (4, 'f')]


# -- imports -----------------------------------------------------------------------------------

def test_unresolved_imports(tmp_path):
    package = tmp_path / 'pkg'
    package.mkdir()
    (package / '__init__.py').write_text('')
    (package / 'mod.py').write_text('x = 1\n')
    source = ('import os, pkg.mod, pkg.nothing, nowhere_module\n'
              'from pkg import mod\n'
              'from . import mod as sibling\n'
              'from .mod import x\n'
              'from .missing import y\n'
              'try:\n'
              '    import optional_thing\n'
              'except ImportError:\n'
              '    optional_thing = None\n'
              "if sys.platform == 'win32':\n"
              '    import winreg_like_thing\n'
              'print(os, pkg, nowhere_module, mod, sibling, x, y, optional_thing)\n'
              'import sys\n')
    path = str(package / 'user.py')
    result = [(f.lineno, f.data['module']) for f in
              findings(source, path, search_path=[str(tmp_path)] + sys.path)
              if f.code == 'M030']
    assert result == [(1, 'pkg.nothing'), (1, 'nowhere_module'), (5, '.missing')]


# -- noqa --------------------------------------------------------------------------------------

def test_noqa():
    source = ('import os  # noqa\n'
              'import sys  # noqa: M020\n'
              'import re  # noqa: M010\n'
              'import json  # NOQA:M001, M020\n'
              'print(undefined)  # noqa:M010\n')
    assert codes(source) == [('M020', 3)]


def test_codes_are_documented():
    with open('memphis_lsp/README.md', encoding='utf-8') as readme:
        text = readme.read()
    section = text.split('## Diagnostic codes', 1)[1]
    for code, (severity, _, _) in CODES.items():
        assert f'| {code} |' in section and severity in section


def test_columns_are_characters():
    source = 's = "ünïcödé"; print(s, 𝔲ndefined)\n'
    (finding,) = findings(source)
    line = source.splitlines()[0]
    assert line[finding.col:finding.end_col] == '𝔲ndefined'


# -- CPython as the oracle ---------------------------------------------------------------------

_MODULE_STATEMENTS = ['a = 1', 'b = 2', 'print(a)', 'print(b)', 'del a', 'a += 1', 'b = a',
                      '[a for _ in (1,)]', 'print(c)', 'try:\n    print(c)\nexcept NameError:\n    pass',
                      'if b:\n    a = 1', 'for _ in (1, 2):\n    print(b)\n    b = 1',
                      'x: int', 'print(x)']
_FUNCTION_STATEMENTS = ['a = 3', 'print(a)', 'print(b)', 'del a', 'a += 1', 'b = a', 'c = 1',
                        'print(c)', '[a for _ in (1,)]', 'a: int',
                        'def g():\n    nonlocal a\n    a = 5\ng()',
                        'def g():\n    print(a)\ng()',
                        'if a:\n    c = 2', 'while c:\n    print(c)\n    c = 0']
_CLASS_STATEMENTS = ['a = 4', 'print(a)', 'del a', 'print(b)', 'b = a', 'c = [a for _ in (b,)]']


def _indented(text: str) -> list[str]:
    return ['    ' + line for line in text.split('\n')]


def _generated_program(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(2, 7)):
        shape = rng.random()
        if shape < 0.25:
            body = [rng.choice(_FUNCTION_STATEMENTS) for _ in range(rng.randint(1, 4))]
            if rng.random() < 0.2:
                body.insert(0, 'global a')
            lines.append('def f():')
            for statement in body:
                lines.extend(_indented(statement))
            lines.append('f()')
        elif shape < 0.35:
            body = [rng.choice(_CLASS_STATEMENTS) for _ in range(rng.randint(1, 3))]
            lines.append('class K:')
            for statement in body:
                lines.extend(_indented(statement))
        else:
            lines.extend(rng.choice(_MODULE_STATEMENTS).split('\n'))
    return '\n'.join(lines) + '\n'


def _run(source: str):
    """Run `source`; return (lines executed, (line, name, kind) of a NameError or None);
    None if it does not compile."""
    try:
        code = compile(source, '<generated>', 'exec')
    except SyntaxError:
        return None
    executed = set()

    def tracer(frame, event, arg):
        if frame.f_code.co_filename == '<generated>':
            if event == 'line':
                executed.add(frame.f_lineno)
            return tracer
        return None

    namespace = {'__name__': '__generated__', 'print': lambda *args: None}
    sys.settrace(tracer)
    try:
        exec(code, namespace)  # noqa: S102 - generated test programs, the oracle run
    except NameError as error:
        traceback = error.__traceback__
        while traceback.tb_next is not None:
            traceback = traceback.tb_next
        frame_name = traceback.tb_frame.f_code.co_name
        # UnboundLocalError has no `.name` in 3.11: the name is quoted in its message.
        name = error.name or re.search(r"'(\w+)'", str(error)).group(1)
        return executed, (traceback.tb_lineno, name, type(error).__name__, frame_name)
    except Exception as error:  # noqa: BLE001 - any error ends the program: note where
        traceback = error.__traceback__
        while traceback.tb_next is not None:
            traceback = traceback.tb_next
        return executed, (traceback.tb_lineno, None, type(error).__name__,
                          traceback.tb_frame.f_code.co_name)
    finally:
        sys.settrace(None)
    return executed, None


def _uncertain(analysis, lineno: int, name: str) -> bool:
    """Whether the read is one the checks leave alone by design: in a loop, or of a name
    bound or deleted in a branch or by a function (through `global`)."""
    for occurrence in analysis.bindings.occurrences:
        if occurrence.lineno != lineno or occurrence.name != name:
            continue
        if occurrence.loops:
            return True
        symbol = occurrence.symbol
        if symbol is None:
            continue
        if any(b.loops or b.flags & {'conditional', 'in-function'} for b in symbol.bindings):
            return True
        if any(o.ctx == 'del' and ('conditional' in o.flags or o.scope is not symbol.scope)
               for o in symbol.occurrences):
            return True
    return False


@pytest.mark.slow
def test_undefined_and_unbound_agree_with_cpython():
    """No false positives: a reported line that runs must raise that NameError there; and
    every NameError CPython raises in a module or class body, or as UnboundLocalError, is
    reported."""
    rng = random.Random(20261123)
    raised = 0
    for _ in range(2000):
        source = _generated_program(rng)
        outcome = _run(source)
        if outcome is None:
            continue
        executed, error = outcome
        analysis = analyse_module(source, '/nonexistent/generated.py')
        reported = {(f.lineno, f.data['name']) for f in analysis.diagnostics
                    if f.code in ('M010', 'M012')}
        for lineno, _name in reported:
            if lineno in executed:
                # (Several names may be reported on one line: the first one read raises, or
                # something else on the line fails before any is read.)
                assert error is not None and error[0] == lineno, (source, error)
                assert error[1] is None or (error[0], error[1]) in reported, (source, error)
        if error is not None and error[1] is not None:
            raised += 1
            lineno, name, kind, frame_name = error
            if ((frame_name in ('<module>', 'K') or kind == 'UnboundLocalError')
                    and not _uncertain(analysis, lineno, name)):
                assert (lineno, name) in reported, (source, error, reported)
    assert raised > 300


# -- robustness --------------------------------------------------------------------------------

@pytest.mark.parametrize('source', [
    'x = ' + ' + '.join(['a'] * 20000) + '\n',
    'x = a' + '.b' * 20000 + '\n',
    'f = ' + 'lambda: ' * 2000 + 'undefined_here\n',
    'x = ' + '(' * 3000 + '1' + ')' * 3000 + '\n',
    'x = [' + '1, ' * 100000 + ']\n',
    '',
    '\n\n# only a comment\n',
], ids=['long-sum', 'long-attribute-chain', 'nested-lambdas', 'nested-parens', 'long-line',
        'empty', 'comment'])
def test_deep_or_big_code_never_raises(source):
    """On a worker thread, as the server runs it: findings or nothing, never an exception."""
    outcome = {}

    def analyse():
        try:
            analysis = analyse_module(source, '/nonexistent/deep.py')
            outcome['findings'] = analysis.diagnostics
            outcome['complete'] = analysis.bindings.complete
        except BaseException as error:  # noqa: BLE001 - the test reports any escape
            outcome['error'] = error

    worker = threading.Thread(target=analyse)
    worker.start()
    worker.join()
    assert 'error' not in outcome, outcome.get('error')
    if outcome['complete'] and 'undefined_here' in source:
        assert [f.data['name'] for f in outcome['findings'] if f.code == 'M010'] == [
            'undefined_here']
