"""Differential tests of interpreter.parser against the host's `ast.parse` on valid code."""

from __future__ import annotations

import ast

import pytest

from interpreter.nodes import to_ast
from interpreter.parser import parse

CORPUS = {
    'simple_statements': '''
pass; break_ = 1
x = 1
x = y = z = 0
x, y = y, x
[a, *b] = c
(a, b), c = d
a.b.c = d[e][f:g] = h
x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 2; x **= 2; x @= m
x >>= 1; x <<= 1; x &= 1; x |= 1; x ^= 1
x: int
x: int = 5
(x): int = 5
a.b: str
a[0]: float = 1.0
del a, b[0], c.d
del (a, b), [c]
assert x
assert x, "message"
raise
raise E
raise E from cause
global g1, g2
import a
import a.b.c as d, e
from . import x
from .. import y as z
from ...pkg.mod import (a, b as c,)
from mod import *
return_ = 3
''',
    'functions': '''
def f(): pass
def f(a, b, /, c, d=1, *args, e, f=2, **kwargs) -> int:
    return a
def f(a=1, /, b=2, *, c, d=3): return
def f(*, a): ...
def f(a: int, *b: str, c: float = 1.0, **d: bool): pass
def f(*args: *Ts): pass
@dec
@dec.attr(1, x=2)
@(lambda f: f)
def f(x):
    nonlocal_ = 1
    def g():
        nonlocal x
        global y
        return (yield)
    yield x
    yield from g()
    x = yield 1, 2
    return 1, *rest
async def h():
    await x
    async for a in b: pass
    async with a as b, c: pass
    return [i async for i in aiter() if await i]
lambda: 0
lambda x, /, y=1, *a, z, **k: x + y
lambda *, k=1: k
''',
    'classes': '''
class A: pass
class B(A, metaclass=M, **kw):
    """doc"""
    x: int = 0
    def m(self): return self.x
@decorator
class C(*bases): pass
class D(): pass
''',
    'control_flow': '''
if a: pass
elif b: pass
elif c:
    pass
else: pass
while x:
    break
else:
    continue
for i in range(10): print(i)
else: pass
for x, (y, z) in items: pass
for [a, *b] in c: pass
for x in 1, 2, *rest: pass
try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* ValueError as eg:
    pass
except* (TypeError, KeyError):
    pass
with open(f) as g: pass
with a, b as c, d as (e, f): pass
with (a as b, c as d,): pass
with (a, b): pass
with (a): pass
with (yield x): pass
with (a, b) as c: pass
with (x for x in y) as g: pass
''',
    'expressions': '''
a or b or c and d and not e
not not x
a < b <= c == d != e > f >= g is h is not i in j not in k
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
-a + +b - ~c ** -d
a ** b ** c
await_ = x if y else z
x = lambda: (yield)
f(a)(b)[c].d
f(*args, **kwargs)
f(a, *b, c=1, *d, **e, f=2)
f(x for x in y)
f((x for x in y), z)
f(a := 1)
(y := f(x))
[y := 1, y**2]
x[1:2], x[::], x[1:], x[:2], x[::3], x[a:b:c]
x[1:2, 3], x[1, 2], x[(1, 2)], x[*a], x[*a, b], x[a, b,]
x[y := 1]
a.b.c.d
...
None, True, False
1, 1.5, 1e10, 1j, 0x1F, 0o17, 0b101, 1_000_000, 1.5e-3j, 0.0, 00
(), (1,), (1, 2), [], [1], [1, 2,], {}, {1}, {1: 2}, {**a, 'b': 1, **c}
{*a, *b}
[*a, *b]
[x for x in y]
[x for x in y if x if not x for z in x]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
[x async for x in y]
[(x, y) for x in range(3) for y in range(x)]
x = *a, *b
print(*a, sep='')
a if b else c if d else e
(a)
((a))
(a).b
(a)(b)
(-1) ** 2
-1
- 1
x = (
    1 +
    2
)
''',
    'strings_plain': '''
s = 'a'
s = "b" 'c'
s = b'bytes'
s = u'unicode'
s = r'raw\\n'
s = """triple
quoted"""
s = ('implicit'
     'concatenation')
''',
    'match': '''
match x:
    case 1: pass
    case -1: pass
    case 1.5 | -2j | 1 + 2j | -1 - 2j: pass
    case "s" "t": pass
    case b"b": pass
    case None: pass
    case True | False: pass
    case _: pass
    case y: pass
    case a.b.c: pass
    case [a, b, *rest]: pass
    case (a, b, *_): pass
    case (): pass
    case []: pass
    case (a): pass
    case a, b: pass
    case a, *b: pass
    case *a, b: pass
    case {"k": v, 1: w, a.b: c, **rest}: pass
    case {}: pass
    case Point(x=0, y=0): pass
    case Point(1, 2, z=3): pass
    case a.B(): pass
    case [Point(x=0, y=0) as p, *_] if p.x > 0: pass
    case (1 | 2) as z: pass
    case {None: 1, True: 2}: pass
match (a, b):
    case (1, 2):
        pass
match a, b:
    case _: pass
match -x:
    case _: pass
match = 1
match.group(1)
match(x)
case = 2
''',
    'soft_keywords_as_names': '''
_ = 1
match, case = 1, 2
print(match, case)
type = 3
''',
    'unicode': '''
é = 1
x = é + 'ü' + é
ｆｕｌｌ = 2
def ñ(ü=1): return ü
s = 'ñ'; t = ñ
class Ä: pass
''',
    'decorators_and_nesting': '''
class A:
    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, value):
        if value:
            for i in value:
                while i:
                    try:
                        with i:
                            pass
                    except Exception:
                        i -= 1
        self._x = value
''',
    'comments_and_continuations': '''
x = 1 + \\
    2  # comment
if (a and
        b):  # comment
    pass
# trailing comment
''',
}


def dump(tree) -> str:
    return ast.dump(tree, include_attributes=True)


@pytest.mark.parametrize('name', sorted(CORPUS))
def test_corpus_matches_ast(name):
    source = CORPUS[name]
    result = parse(source)
    assert result.errors == []
    assert dump(to_ast(result.tree)) == dump(ast.parse(source))


def test_eval_mode():
    result = parse('a + b * c', mode='eval')
    assert result.errors == []
    assert dump(to_ast(result.tree)) == dump(ast.parse('a + b * c', mode='eval'))


def test_single_mode():
    result = parse('x = 1\n', mode='single')
    assert result.errors == []
    assert dump(to_ast(result.tree)) == dump(ast.parse('x = 1\n', mode='single'))


def test_bytes_source_with_coding():
    data = '# -*- coding: latin-1 -*-\nx = "\xe9"\n'.encode('latin-1')
    result = parse(data)
    assert result.errors == []
    assert dump(to_ast(result.tree)) == dump(ast.parse(data))


def test_empty_and_blank_sources():
    for source in ('', '\n', '# only a comment\n', '\n\n  \n'):
        result = parse(source)
        assert result.errors == []
        assert dump(to_ast(result.tree)) == dump(ast.parse(source))


def test_errors_are_empty_list_and_tree_is_module():
    result = parse('x = 1\n')
    assert type(result.tree).__name__ == 'Module'
    assert result.errors == []


def test_single_mode_with_compound_statement():
    source = 'if x:\n    pass\n\n'
    result = parse(source, mode='single')
    assert result.errors == []
    assert dump(to_ast(result.tree)) == dump(ast.parse(source, mode='single'))


def test_invalid_escape_warnings_are_reported_not_raised():
    import warnings
    source = 'x = "\\d"\ny = "\\("\n'
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        compile(source, 'f', 'exec')
    expected = [(str(w.message), w.lineno) for w in caught]
    assert len(expected) == 2
    result = parse(source)
    assert result.errors == []
    assert result.warnings == expected
