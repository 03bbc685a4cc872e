"""Tests for interpreter.scopes: tables against the host's `symtable`, errors against `compile()`."""

from __future__ import annotations

import ast
import symtable as host_symtable

import pytest

from interpreter import scopes
from interpreter.scopes import build_symtable
from interpreter.scopes.snapshot import describe

# -- tables -----------------------------------------------------------------------------------

TABLE_SNIPPETS = {
    'module': 'import os.path, sys as system\nfrom a import b as c\nx = 1\ndel y\nprint(x)\n',
    'function': 'def f(a, /, b, *args, c, d=1, **kw):\n    e = a + b\n    return e\n',
    'closure': 'def f():\n    x = 1\n    def g():\n        return x\n    return g\n',
    'deep_closure': ('def f():\n    x = 1\n    class C:\n        def m(self):\n'
                     '            return x\n    return C\n'),
    'class_free_shadow': ('def f():\n    x = 1\n    class C:\n        x = 2\n'
                          '        def m(self):\n            return x\n'),
    'global': 'def f():\n    global g\n    g = 1\n    def h():\n        return g\n',
    'global_module': 'global x\nx = 1\n',
    'nonlocal': 'def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n',
    'class': ('class C(Base, metaclass=M):\n    a = 1\n    def m(self):\n        return a\n'
              '    def __private(self):\n        self.__x = __y\n    class __Inner:\n'
              '        __z = 1\n'),
    'super': 'class C:\n    def m(self):\n        super().m()\n        return lambda: super()\n',
    'dunder_class': 'class C:\n    def m(self):\n        return __class__\n',
    'comprehensions': ('a = [x for x in y if x]\nb = {x for x in y}\nc = {k: v for k, v in d}\n'
                       'g = (x for x in y for z in x)\n'),
    'listcomp_name': 'listcomp = [listcomp for listcomp in listcomp]\n',
    'nested_comprehension': 'def f(n):\n    return [[i * j for j in range(n)] for i in range(n)]\n',
    'walrus_module': '[y := x for x in z]\nprint(y)\n',
    'walrus_function': 'def f():\n    [y := x for x in z]\n    return y\n',
    'walrus_global': 'def f():\n    global y\n    [y := x for x in z]\n',
    'walrus_lambda': 'lambda: [y := x for x in z]\n',
    'walrus_nested': 'def f():\n    [[(y := 1) for a in b] for c in d]\n',
    'lambda': 'f = lambda a, *b, c=1, **d: a + e\ng = lambda: (yield)\n',
    'annotations': ('x: int\ny: List[int] = []\n(z): str = 1\nobj.attr: int = 2\n'
                    'def f(a: A, *b: B, c: C, **d: D) -> R:\n    v: V = 1\n    w: W\n'),
    'future_annotations': ('from __future__ import annotations\nx: int\n'
                           'def f(a: A, b: (lambda: 1)) -> R:\n    v: V = 1\n'),
    'star_import': 'from os import *\n',
    'except': 'try:\n    pass\nexcept E as e:\n    pass\nelse:\n    f = 1\nfinally:\n    g = 2\n',
    'match': ('match p:\n    case [a, *rest]:\n        pass\n    case {"k": v, **kw}:\n'
              '        pass\n    case Point(x=px, y=0) | Point(px, _):\n        pass\n'
              '    case str() as s if s:\n        pass\n    case _:\n        pass\n'),
    'with': 'with open(f) as (a, b), g() as c:\n    pass\n',
    'async': ('async def f():\n    async with a as b:\n        async for c in d:\n'
              '            await e\n    return [x async for x in y]\n'),
    'decorators_order': ('@(lambda: 1)\ndef f(a=lambda: 2, *, b=lambda: 3) -> (lambda: 4):\n'
                         '    pass\n'),
    'try_order': 'try:\n    a = lambda: 1\nexcept E:\n    b = lambda: 2\nelse:\n    c = lambda: 3\n',
    'dictcomp_order': '{(lambda: k)(): (lambda: v)() for k, v in d}\n',
    'augassign': 'def f():\n    x += 1\n    y.z += 1\n    w[0] += 1\n',
    'del_in_function': 'def f():\n    del x\n',
    'method_named_top': 'class C:\n    def top(self, a):\n        return a\n',
    'fstring': 'def f(x):\n    return f"{x!r:{width}}"\n',
    'slices': 'a[b:c:d]\na[b, *c]\n',
    'class_in_class_comprehension': 'class C:\n    x = [a for a in range(3)]\n    y = [x for _ in x]\n',
    'type_comment_ignored': 'def f(a):  # type: (int) -> int\n    return a\n',
    'global_in_class': 'class C:\n    global g\n    g = 1\n    def m(self):\n        return g\n',
    'free_via_class': ('def f():\n    a = 1\n    class C:\n        global a\n'
                       '        def m(self):\n            return a\n'),
    # Symbols see a try's `else` before its handlers, even where CPython compiles it after.
    'try_star_else': 'def f():\n    try:\n        a\n    except* E:\n        b = 1\n'
                     '    else:\n        c = 1\n',
}


@pytest.mark.parametrize('name', sorted(TABLE_SNIPPETS))
def test_tables_match_host_symtable(name):
    source = TABLE_SNIPPETS[name]
    expected = host_symtable.symtable(source, 'snippet.py', 'exec')
    table, diagnostics = build_symtable(ast.parse(source), 'snippet.py', compiler_checks=False)
    assert diagnostics == []
    assert describe(table) == describe(expected)


@pytest.mark.parametrize('name', sorted(TABLE_SNIPPETS))
def test_public_symtable_matches_host(name):
    source = TABLE_SNIPPETS[name]
    expected = host_symtable.symtable(source, 'snippet.py', 'exec')
    assert describe(scopes.symtable(source, 'snippet.py', 'exec')) == describe(expected)


@pytest.mark.parametrize('mode, source', [('eval', 'lambda x: [y for y in x]'),
                                          ('single', 'x = [y for y in z]\n')])
def test_other_modes(mode, source):
    expected = host_symtable.symtable(source, 'snippet.py', mode)
    assert describe(scopes.symtable(source, 'snippet.py', mode)) == describe(expected)


def test_api_details():
    source = ('import a.b\nclass C:\n    def m(self):\n        return super().m()\n'
              '    def n(self): pass\n    n = 1\ndef f(p, *, q):\n    global g\n'
              '    r = [p for p in q]\n    def inner():\n        return r\n')
    top = scopes.symtable(source, 'mod.py', 'exec')
    assert top.get_type() == 'module' and top.get_name() == 'top' and top.get_lineno() == 0
    assert repr(top) == '<SymbolTable for module mod.py>'
    assert not top.is_optimized() and not top.is_nested() and top.has_children()
    assert sorted(top.get_identifiers()) == ['C', 'a', 'f', 'g']
    assert top.lookup('a').is_imported() and not top.lookup('a').is_assigned()
    assert top.lookup('g').is_declared_global()

    cls = top.lookup('C').get_namespace()
    assert isinstance(cls, scopes.Class) and repr(cls) == '<Class SymbolTable for C in mod.py>'
    assert cls.get_methods() == ('m', 'n')
    assert cls.lookup('n').is_namespace() and cls.lookup('n').is_assigned()
    method = cls.get_children()[0]
    assert method.get_frees() == ('__class__',)
    assert method.is_nested() is False and method.is_optimized()

    func = top.lookup('f').get_namespace()
    assert isinstance(func, scopes.Function)
    assert func.get_parameters() == ('p', 'q')
    assert func.get_globals() == ('g',) and func.get_nonlocals() == ()
    assert set(func.get_locals()) == {'p', 'q', 'r', 'inner'}
    comp, inner = func.get_children()
    assert comp.get_name() == 'listcomp' and comp.get_parameters() == ('.0',)
    assert comp.is_nested() and inner.get_frees() == ('r',)
    assert top.get_children()[0] is cls  # one object per table, like the stdlib's memo
    with pytest.raises(ValueError):
        top.lookup('a').get_namespace()
    with pytest.raises(KeyError):
        top.lookup('missing')
    assert isinstance(top.get_id(), int) and top.get_id() != cls.get_id()


def test_memphis_nodes_accepted():
    """The builder runs on interpreter.nodes trees too (converted from the host's here)."""
    from interpreter import nodes

    def convert(value):
        if isinstance(value, ast.AST):
            cls = getattr(nodes, type(value).__name__)
            result = cls.__new__(cls)
            for field in cls._fields:
                setattr(result, field, convert(getattr(value, field, None)))
            for attribute in cls._attributes:
                setattr(result, attribute, getattr(value, attribute, None))
            return result
        if isinstance(value, list):
            return [convert(item) for item in value]
        return value

    source = TABLE_SNIPPETS['class'] + TABLE_SNIPPETS['walrus_function'] + TABLE_SNIPPETS['match']
    table, diagnostics = build_symtable(convert(ast.parse(source)), 'n.py')
    assert diagnostics == []
    assert describe(table) == describe(host_symtable.symtable(source, 'n.py', 'exec'))


def test_error_nodes_are_walked():
    from interpreter import nodes

    name = nodes.Name('x', nodes.STORE, 1, 0, 1, 1)
    use = nodes.Name('y', nodes.LOAD, 1, 4, 1, 5)
    tree = nodes.Module([nodes.ErrorStmt([name, nodes.ErrorExpr([use], 1, 4, 1, 5)], 1, 0, 1, 5)],
                        [])
    table, diagnostics = build_symtable(tree, 'e.py')
    assert diagnostics == []
    assert table.lookup('x').is_assigned() and table.lookup('y').is_referenced()


# -- compile-time errors ------------------------------------------------------------------------

BAD_SNIPPETS = [
    'return 1\n',
    'class C:\n    return\n',
    'x = 1\nyield x\n',
    'class C:\n    yield\n',
    'await x\n',
    'def f():\n    await x\n',
    'lambda: await x\n',
    'async def f():\n    class C:\n        await x\n',
    'async def f():\n    lambda: await x\n',
    'nonlocal x\n',
    'def f():\n    nonlocal x\n',
    'def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n',
    'def f(x):\n    global x\n',
    'def f(x):\n    nonlocal x\n',
    'def f():\n    x = 1\n    global x\n',
    'def f():\n    print(x)\n    global x\n',
    'def f():\n    x: int\n    global x\n',
    'def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n',
    'def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n',
    'def f():\n    global x\n    x: int = 1\n',
    'def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int\n',
    'def f(a, b, a): pass\n',
    'def f(a, *, a): pass\n',
    'lambda a, a: 1\n',
    'def f(a, **a): pass\n',
    '[i := 0 for i in range(3)]\n',
    '[[(j := 0) for i in x] for j in y]\n',
    'class C:\n    [y := 1 for x in z]\n',
    '[x for x in (y := z)]\n',
    '[x for x in [(lambda: (y := 1))]]\n',
    '[x for a in b for x in (y := z)]\n',
    '[(y := 1) for y in z]\n',
    'def f():\n    from os import *\n',
    'class C:\n    from os import *\n',
    'break\n',
    'continue\n',
    'for x in y:\n    pass\nelse:\n    break\n',
    'while x:\n    def f():\n        break\n',
    'while x:\n    class C:\n        continue\n',
    '[(yield x) for x in y]\n',
    '{(yield x) for x in y}\n',
    '{x: (yield) for x in y}\n',
    '((yield x) for x in y)\n',
    'def f():\n    [(yield from x) for x in y]\n',
    'def f():\n    return [x async for x in y]\n',
    'def f():\n    return [await x for x in y]\n',
    '[x async for x in y]\n',
    'async def f():\n    yield 1\n    return 2\n',
    'async def f():\n    return 2\n    yield 1\n',
    'async def f():\n    yield from x\n',
    'import os\nfrom __future__ import annotations\n',
    'import os; from __future__ import annotations\n',
    '"""doc"""\nimport os\nfrom __future__ import division\n',
    'def f():\n    from __future__ import division\n',
    'from __future__ import nope\n',
    'from __future__ import division, nope\n',
    'from __future__ import braces\n',
    'from __future__ import annotations\ndef f(x: (yield)): pass\n',
    'from __future__ import annotations\nx: (y := 1)\n',
    'from __future__ import annotations\nasync def f(x: await y): pass\n',
    '__debug__ = 1\n',
    'del __debug__\n',
    'x.__debug__ = 1\n',
    '__debug__ += 1\n',
    '(x.__debug__, y) = 1, 2\n',
    'with a as x.__debug__: pass\n',
    '__debug__: int = 1\n',
    '__debug__: int\n',
    'x.__debug__: int = 1\n',
    'from a import __debug__\n',
    'def f(*, __debug__=1): pass\n',
    'class C(__debug__=1): pass\n',
    'try: pass\nexcept E as __debug__: pass\n',
    'match x:\n case __debug__: pass\n',
    'match x:\n case [*__debug__]: pass\n',
    'match x:\n case {**__debug__}: pass\n',
    '(__debug__ := 1)\n',
    '[__debug__ for __debug__ in x]\n',
    'lambda __debug__: 1\n',
    'def f(__debug__): pass\n',
    'lambda *, __debug__: 1\n',
    'f(__debug__=1)\n',
    'import a as __debug__\n',
    'for __debug__ in x: pass\n',
    'def __debug__(): pass\n',
    'class __debug__: pass\n',
    '*a = 1\n',
    'x = *a\n',
    '*a\n',
    'a, *b, *c = x\n',
    'for *a in b: pass\n',
    'try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n',
    'async for x in y: pass\n',
    'async with x: pass\n',
    'def f():\n    async with x: pass\n',
    'match x:\n    case a:\n        pass\n    case b:\n        pass\n',
    'match x:\n    case _:\n        pass\n    case b:\n        pass\n',
    "x = 'éé'; return 1\n",
    'def f():\n    [i for i in range(5) if (j := 0) for j in range(5)]\n',
    'class C:\n    def m(self):\n        [i for i in range(5) if (__j := 0) for __j in range(5)]\n',
    'for x in y:\n    try:\n        pass\n    except* E:\n        break\n',
    'def f():\n    try:\n        pass\n    except* E:\n        return\n',
    'try:\n    break\nfinally:\n    x = *a\n',
    'for x in y:\n    try:\n        continue\n    finally:\n        x = *a\n',
    'def f():\n    try:\n        return (yield from x)\n    finally:\n        y = *a\n',
    'try:\n    return\nfinally:\n    x = *a\n',
    'f(a=1, a=2)\n',
    'class C(a=1, a=2): pass\n',
    'o.m(a=1, b=2, a=3)\n',
    '{1: (yield), (await x): 2}\n',
    'for (yield).a in (await b):\n    pass\n',
    'class C((yield)):\n    x = *a\n',
    '@(yield)\ndef f(a=(await b)):\n    pass\n',
    'x: (yield) = (await b)\n',
    '[(yield) for x in (await y)]\n',
    'match v:\n    case [a, b] as a: pass\n',
    'match v:\n    case [a, a]: pass\n',
    'match v:\n    case {1: a, 1: b}: pass\n',
    'match v:\n    case {1: a, True: b}: pass\n',
    'match v:\n    case {-1: a, -1: b}: pass\n',
    'match v:\n    case {"k": a, **a}: pass\n',
    'match v:\n    case C(x=a, x=b): pass\n',
    'match v:\n    case C(__debug__=a): pass\n',
    'match v:\n    case a | b: pass\n',
    'match v:\n    case 1 | a: pass\n',
    'match v:\n    case (1 | [a]) | [b]: pass\n',
    'match v:\n    case [a, (1 | 2 | (a))]: pass\n',
    'match v:\n    case [*a, *b]: pass\n',
    'match v:\n    case (a as b) | c: pass\n    case 1: pass\n',
    'match v:\n    case _ | 1: pass\n',
    'match v:\n    case (_ as x): pass\n    case 1: pass\n',
    'match v:\n    case a if a: pass\n    case [x, y, x]: pass\n',
    'match v:\n    case [x, [y, z, [q]], x]: pass\n',
    'match v:\n    case [1, [2, [x]]] | [y]: pass\n',
    'match v:\n    case [x, *_] | [*_, y]: pass\n',
    'match v:\n    case {1: x, 1.0: y}: pass\n',
    'match v:\n    case {"a" "b": x, "ab": y}: pass\n',
    'match v:\n    case C(a, b=[c, c]): pass\n',
    'match v:\n    case [_, *_, a] | [b, _]: pass\n',
    'match v:\n    case (a | b) | c: pass\n',
    'match v:\n    case [a, *_, a]: pass\n',
    'match v:\n    case {1 - 2j: x, 1 - 2j: y}: pass\n',
    'def f():\n    x = 1\n    class C:\n        nonlocal y\n',
    'def f(a):\n    def g():\n        nonlocal a, b\n',
    'class C:\n    x = 1\n    global x\n',
    'x = 1\nglobal x\n',
    'def f():\n    [i for i in range(3) if (i := 1)]\n',
    'def f():\n    [x for i in (j for j in (k := 1))]\n',
]


def _compile_error(source: str):
    try:
        compile(source, 'bad.py', 'exec', dont_inherit=True)
    except SyntaxError as exc:
        return exc
    return None


@pytest.mark.parametrize('source', BAD_SNIPPETS)
def test_errors_match_compile(source):
    expected = _compile_error(source)
    assert expected is not None, 'snippet must be rejected by compile()'
    _, diagnostics = build_symtable(ast.parse(source), 'bad.py')
    assert diagnostics, f'no error found; compile() says {expected.msg!r}'
    first = diagnostics[0]
    assert (first.message, first.lineno, first.offset) == \
        (expected.msg, expected.lineno, expected.offset)
    if expected.end_offset is not None:
        assert (first.end_lineno, first.end_offset) == (expected.end_lineno, expected.end_offset)


@pytest.mark.parametrize('source', BAD_SNIPPETS)
def test_public_symtable_raises_like_host(source):
    try:
        host_symtable.symtable(source, 'bad.py', 'exec')
        expected = None
    except SyntaxError as exc:
        expected = (exc.msg, exc.lineno, exc.offset)
    if expected is None:
        from interpreter.parser import parse

        # What only the compiler rejects, the parser accepts (as ast.parse does).
        assert parse(source, 'bad.py').errors == []
        scopes.symtable(source, 'bad.py', 'exec')  # code-generator errors are not its business
        return
    with pytest.raises(SyntaxError) as info:
        scopes.symtable(source, 'bad.py', 'exec')
    assert (info.value.msg, info.value.lineno, info.value.offset) == expected


GOOD_SNIPPETS = [
    'def f():\n    return 1\n',
    'def f():\n    yield\n',
    'async def f():\n    await x\n    return [y async for y in z]\n',
    'async def f():\n    yield 1\n    return\n',
    'async def f():\n    return [[a async for a in b] for c in d]\n',
    'async def f():\n    return [await x for x in y]\n',
    '(await x for x in y)\n',
    'def f():\n    return (await x for x in y)\n',
    'for x in y:\n    try:\n        continue\n    finally:\n        break\n',
    'while x:\n    with y:\n        break\n    if z:\n        continue\n',
    'class C:\n    def f(self):\n        return\n',
    'def f():\n    x: (await y)\n',
    'from __future__ import annotations\nfrom __future__ import division\nx: int\n',
    '"""doc"""\nfrom __future__ import annotations\n',
    'global x\nx: int = 1\n',
    'def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n',
    'match x:\n    case a if a:\n        pass\n    case b:\n        pass\n',
    'a, *b = c\n[*a] = b\nf(*a, *b)\nx = [*a, *b]\ny = {*a}\nz = (*a,)\n',
    'print(x.__debug__, __debug__)\n',
    'del x.__debug__\nx.__debug__ += 1\nglobal __debug__\n',
    'try:\n    pass\nexcept E:\n    pass\nexcept:\n    pass\n',
    'lambda: (yield)\n',
    'def f(*args: *Ts): pass\n',
    'try:\n    pass\nexcept* E:\n    for x in y:\n        break\n',
    'try:\n    pass\nexcept* E:\n    def f():\n        return\n',
    'match v:\n    case [1, [2, [x]]] | [x]: pass\n',
    'match v:\n    case {a.b: x, a.b: y}: pass\n',
    'match v:\n    case {1: _, **rest} | {2: rest}: pass\n',
    'match v:\n    case {1 - 2j: x, -1 - 2j: y}: pass\n',
    'match v:\n    case {**a}: pass\n    case 2: pass\n',
    'match v:\n    case x if x: pass\n    case _: pass\n',
    'match v:\n    case [x, *_] | [*_, x]: pass\n',
    'def f():\n    [x for x in y]\n    global x\n    x = 1\n    return 1\n',
    'def f():\n    if 0:\n        return\n    yield\n    return 1\n',
    'def f():\n    [[i for i in a] for j in b if (i := 1)]\n',
]


@pytest.mark.parametrize('source', GOOD_SNIPPETS)
def test_valid_code_has_no_errors(source):
    assert _compile_error(source) is None
    _, diagnostics = build_symtable(ast.parse(source), 'good.py')
    assert diagnostics == []


def test_all_errors_reported():
    """The LSP wants every error, not only the first compile() would stop at."""
    source = 'return 1\ndef f(a, a):\n    nonlocal q\nbreak\n'
    _, diagnostics = build_symtable(ast.parse(source), 'many.py')
    messages = [diag.message for diag in diagnostics]
    assert messages == ["duplicate argument 'a' in function definition",
                        "no binding for nonlocal 'q' found",
                        "'return' outside function",
                        "'break' outside loop"]


def test_compiler_checks_can_be_left_out():
    _, diagnostics = build_symtable(ast.parse('return 1\n'), 'x.py', compiler_checks=False)
    assert diagnostics == []
    assert scopes.symtable('return 1\n', 'x.py', 'exec').get_name() == 'top'


def test_bad_compile_type():
    with pytest.raises(ValueError):
        scopes.symtable('x', 'x.py', 'func_type')


# -- generated differential: every statement in every context ----------------------------------

CONTEXTS = [
    '{}',
    'class C:\n{}',
    'def f():\n{}',
    'async def f():\n{}',
    'class C:\n    def f(self):\n{}',
    'async def f():\n    class C:\n{}',
    'for i in x:\n{}',
    'for i in x:\n    pass\nelse:\n{}',
    'def f():\n    while x:\n{}',
    'while x:\n    try:\n        pass\n    finally:\n{}',
    'async def f():\n    with a:\n{}',
    'def g():\n    x = 1\n    def f():\n{}',
    'async def f():\n    yield 1\n{}',
    'def f(x):\n{}',
    'def f():\n    [x for x in y]\n{}',
    'x = 1\nclass C:\n    x = 2\n    def f(self):\n{}',
]

STATEMENTS = [
    'return', 'return 1', 'yield', 'yield from x', 'await x', 'async for a in b: pass',
    'async with a: pass', 'break', 'continue', 'nonlocal x', 'global x', 'from os import *',
    '[y := 1 for a in b]', '[x := 1 for a in b]', '[a async for a in b]', '[await a for a in b]',
    '(await a for a in b)', 'x = 1; global x', 'print(x); nonlocal x', 'lambda: await x',
    'x: int = 1', 'from __future__ import division', '{(yield) for a in b}', 'del x',
    '[[a async for a in b] for c in d]', 'x = super()', '__debug__ = 1', 'x = *y',
    'global x; x: int', 'nonlocal x; x = 2', 'def h(x): global x',
    '[i for i in (j := 1)]', 'lambda: (yield)', 'try: pass\n    except: pass\n    except E: pass',
]


def _generated():
    cases = []
    for context in CONTEXTS:
        depth = context.count('\n') and len(context.rsplit('\n', 2)[-2]) - \
            len(context.rsplit('\n', 2)[-2].lstrip()) + 4
        for statement in STATEMENTS:
            indent = ' ' * depth if context != '{}' else ''
            body = statement.replace('\n    ', '\n' + indent)
            source = context.format(indent + body) + '\n'
            try:
                ast.parse(source)
            except SyntaxError:
                continue
            cases.append(source)
    return cases


@pytest.mark.parametrize('source', _generated())
def test_generated_snippets_match_compile(source):
    expected = _compile_error(source)
    _, diagnostics = build_symtable(ast.parse(source), 'bad.py')
    got = (diagnostics[0].message, diagnostics[0].lineno, diagnostics[0].offset,
           diagnostics[0].end_lineno, diagnostics[0].end_offset) if diagnostics else None
    if expected is None:
        assert got is None
        return
    want = (expected.msg, expected.lineno, expected.offset, expected.end_lineno,
            expected.end_offset)
    if expected.end_offset is None:
        got, want = got and got[:3], want[:3]
    assert got == want


# -- seeded random programs: tables, symtable errors and compile errors all at once ------------

class _ProgramGenerator:
    """Small random programs dense in scoping constructs (and in the errors they can cause)."""

    NAMES = ('x', 'y', 'a', '__p', 'super', '__class__')

    def __init__(self, seed: int):
        import random

        self.random = random.Random(seed)

    def name(self) -> str:
        return self.random.choice(self.NAMES)

    def expr(self, depth: int = 0) -> str:
        r, n, e = self.random.random(), self.name(), lambda: self.expr(depth + 1)
        if depth > 2 or r < 0.3:
            return n
        choices = [
            lambda: f'[{e()} for {n} in {e()}]',
            lambda: f'{{{e()}: {e()} for {n} in {e()} if {e()}}}',
            lambda: f'({e()} for {n} in {e()} for {self.name()} in {e()})',
            lambda: f'({n} := {e()})',
            lambda: f'(lambda {n}, *, {self.name()}={e()}: {e()})',
            lambda: f'(yield {e()})',
            lambda: f'(yield from {e()})',
            lambda: f'(await {e()})',
            lambda: f'[{e()} async for {n} in {e()}]',
            lambda: f'{e()}({e()}, {n}={e()}, *{e()})',
            lambda: f'{{{e()}: {e()}, **{e()}}}',
            lambda: f'f"{{{e()}!r:{{{e()}}}}}"',
            lambda: f'super().{n}',
            lambda: f'{e()}.{n}',
        ]
        return self.random.choice(choices)()

    def pattern(self, depth: int = 0) -> str:
        r, p = self.random.random(), lambda: self.pattern(depth + 1)
        if depth > 2 or r < 0.35:
            return self.random.choice(self.NAMES[:4] + ('_', '1', 'None', 'a.b'))
        return self.random.choice([
            lambda: f'[{p()}, *{self.random.choice(("_", "x", "y"))}, {p()}]',
            lambda: f'{{1: {p()}, -1: {p()}, **{self.name()}}}',
            lambda: f'C({p()}, {self.name()}={p()}, {self.name()}={p()})',
            lambda: f'({p()} | {p()})',
            lambda: f'({p()} as {self.name()})',
        ])()

    def block(self, depth: int, indent: int) -> list[str]:
        lines: list[str] = []
        for _ in range(self.random.randint(1, 3)):
            lines += self.statement(depth, indent)
        return lines

    def statement(self, depth: int, indent: int) -> list[str]:
        pad, n, e = ' ' * indent, self.name(), self.expr
        nested = depth < 3
        r = self.random.random()
        if nested and r < 0.12:
            head = (f'{pad}{self.random.choice(("", "async "))}def '
                    f'{self.random.choice(("f", "__g"))}({n}={e(2)}, *{self.name()}: {e(2)}, '
                    f'{self.name()}=1, **{self.name()}) -> {e(2)}:')
            return [f'{pad}@{e(2)}', head] + self.block(depth + 1, indent + 4)
        if nested and r < 0.2:
            return [f'{pad}class {self.random.choice(("C", "__D"))}({e(2)}, k={e(2)}):'] + \
                self.block(depth + 1, indent + 4)
        if nested and r < 0.26:
            return ([f'{pad}{self.random.choice(("for", "async for"))} {n} in {e(1)}:']
                    + self.block(depth + 1, indent + 4) + [f'{pad}else:']
                    + self.block(depth + 1, indent + 4))
        if nested and r < 0.32:
            handler = self.random.choice(('except E as x:', 'except* E:', 'finally:'))
            return ([f'{pad}try:'] + self.block(depth + 1, indent + 4) + [pad + handler]
                    + self.block(depth + 1, indent + 4))
        if nested and r < 0.36:
            cases = []
            for _ in range(self.random.randint(1, 3)):
                guard = f' if {e(2)}' if self.random.random() < 0.3 else ''
                cases += [f'{pad}    case {self.pattern()}{guard}:']
                cases += self.block(depth + 1, indent + 8)
            return [f'{pad}match {e(1)}:'] + cases
        if nested and r < 0.4:
            return ([f'{pad}{self.random.choice(("with", "async with"))} {e(1)} as {n}:']
                    + self.block(depth + 1, indent + 4))
        simple = [
            f'global {n}', f'nonlocal {n}', f'{n} = {e()}', f'{n}: {e(1)} = {e(1)}',
            f'{n}: {e(1)}', f'import {n}.q as {self.name()}', f'del {n}', f'return {e()}',
            'break', 'continue', f'{n} += {e(1)}', f'*{n}, {self.name()} = {e(1)}',
            'from m import *', 'from __future__ import annotations', e(), e(),
        ]
        return [pad + self.random.choice(simple)]

    def program(self) -> str:
        prefix = 'from __future__ import annotations\n' if self.random.random() < 0.2 else ''
        return prefix + '\n'.join(self.block(0, 0)) + '\n'


def _first(diagnostics):
    return (diagnostics[0].message, diagnostics[0].lineno, diagnostics[0].offset) \
        if diagnostics else None


def _raised(function, *args):
    try:
        function(*args)
    except SyntaxError as exc:
        return exc.msg, exc.lineno, exc.offset
    return None


@pytest.mark.parametrize('seed', range(8))
def test_random_programs_match_host(seed):
    import warnings

    generator = _ProgramGenerator(seed)
    checked = 0
    for _ in range(150):
        source = generator.program()
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        checked += 1
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            expected = _raised(compile, source, 'r.py', 'exec', 0, True)
        assert _first(build_symtable(tree, 'r.py')[1]) == expected, source
        table, diagnostics = build_symtable(tree, 'r.py', compiler_checks=False)
        expected = _raised(host_symtable.symtable, source, 'r.py', 'exec')
        assert _first(diagnostics) == expected, source
        if expected is None:
            assert describe(table) == describe(host_symtable.symtable(source, 'r.py', 'exec')), \
                source
    assert checked > 50


# -- deep block nesting, jumps through `finally`, `with` and `except*` -------------------------

_BLOCK_HEADS = ('for x in y:', 'while x:', 'with a, b:', 'with a:', 'try:', 'try:', 'if x:',
                'async for x in y:', 'async with a:')


def _nested_program(seed: int) -> str:
    """An async function with 17-23 nested blocks: CPython allows 20 ("statically nested")."""
    import random

    rnd = random.Random(seed)
    depth = rnd.randint(17, 23)
    lines = ['async def g():']

    def block(indent: int, level: int) -> None:
        if level >= depth:
            lines.append(' ' * indent + rnd.choice(('pass', 'break', 'return', 'return x',
                                                    'continue', 'x = 1')))
            return
        head = rnd.choice(_BLOCK_HEADS)
        lines.append(' ' * indent + head)
        block(indent + 1, level + 1)
        if head == 'try:':
            kind = rnd.choice(('finally', 'except', 'both', 'star'))
            if kind in ('except', 'both', 'star'):
                lines.append(' ' * indent + ('except* E:' if kind == 'star' else 'except E:'))
                block(indent + 1, level + 1)
            if kind in ('finally', 'both'):
                lines.append(' ' * indent + 'finally:')
                block(indent + 1, level + 1)

    block(1, 0)
    return '\n'.join(lines) + '\n'


@pytest.mark.parametrize('seed', range(400))
def test_deep_nesting_matches_compile(seed):
    source = _nested_program(seed)
    expected = _raised(compile, source, 'n.py', 'exec', 0, True)
    assert _first(build_symtable(ast.parse(source), 'n.py')[1]) == expected, source


def _in_loops(loops: int, body: str, head: str = 'def f():') -> str:
    """`body` under `loops` nested `while` loops in a function."""
    lines = [head] + [' ' * (level + 1) + 'while x:' for level in range(loops)]
    lines += [' ' * (loops + 1) + line for line in body.split('\n')]
    return '\n'.join(lines) + '\n'


def _finally_chain(tries: int, leaf: str) -> str:
    """`tries` try statements each in the previous one's `finally` body."""
    lines = []
    for level in range(tries):
        lines += [' ' * level + 'try:', ' ' * level + ' pass', ' ' * level + 'finally:']
    return '\n'.join(lines + [' ' * tries + leaf])


_ASYNC_CLAUSES = ' '.join(f'async for a{i} in b' for i in range(21))
_JUMP_THROUGH_FINALLY = ('try:\n try:\n  return x\n finally:\n  with a:\n   with a, b:\n'
                         '    pass\nfinally:\n with a:\n  pass')

BLOCK_SNIPPETS = {
    # A `for` loop's block is pushed before its iterable is compiled, an `async for`'s after.
    'for_iterable': _in_loops(20, 'for x in [a async for a in b]: pass'),
    'async_for_iterable': _in_loops(20, 'async for x in [a async for a in b]: pass'),
    # An `except*` statement's `else` is compiled after its handlers.
    'try_star_else': _in_loops(18, 'try:\n pass\nexcept* E:\n pass\nelse:\n'
                                   ' [a async for a in b]\nfinally:\n pass'),
    # A return's constant value positions what leaving the blocks reports.
    'return_constant': 'def f():\n try:\n  pass\n except* E:\n  return  1\n',
    'return_constant_below': 'def f():\n try:\n  pass\n except* E:\n  return (\n1)\n',
    # Each `async for` clause of a comprehension takes a block.
    'async_clauses_21': 'async def f():\n    x = [a ' + _ASYNC_CLAUSES + ']\n',
    'async_clauses_20': 'async def f():\n    x = [a ' + _ASYNC_CLAUSES.rsplit(' async for', 1)[0]
                        + ']\n',
    # The exceptional-path compile of each `finally` body sits one block deeper than the last.
    'finally_chain': _in_loops(10, _finally_chain(11, 'pass')),
    'finally_chain_with': _in_loops(9, _finally_chain(11, 'with a: pass')),
    'finally_chain_with_fits': _in_loops(8, _finally_chain(11, 'with a: pass')),
    # A jump out of a `finally` body nested in another re-compiles bodies at their own depth.
    'jump_through_finally': _in_loops(16, _JUMP_THROUGH_FINALLY),
    'jump_through_finally_fits': _in_loops(15, _JUMP_THROUGH_FINALLY),
    # A function in a `finally` body has a block stack of its own.
    'function_in_finally': 'async def g():\n try:\n  pass\n finally:\n' + '\n'.join(
        '  ' + line for line in _in_loops(19, 'with a: pass', 'def h():').splitlines()) + '\n',
}


@pytest.mark.parametrize('name', sorted(BLOCK_SNIPPETS))
def test_block_accounting_matches_compile(name):
    source = BLOCK_SNIPPETS[name]
    expected = _raised(compile, source, 'b.py', 'exec', 0, True)
    assert _first(build_symtable(ast.parse(source), 'b.py')[1]) == expected, source


def test_diagnostics_count_characters_but_keep_cpython_offsets():
    from interpreter.parser import parse

    source = 'def f():\n    x = "é€"; nonlocal zz\n'
    expected = _raised(compile, source, 'u.py', 'exec', 0, True)
    diagnostic = build_symtable(parse(source).tree, 'u.py', source=source)[1][0]
    assert diagnostic.col_offset == source.splitlines()[1].index('nonlocal')
    assert (diagnostic.message, diagnostic.lineno, diagnostic.offset) == expected
