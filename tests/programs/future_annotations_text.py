# The text of annotations under `from __future__ import annotations` is CPython's C
# unparser's: boolean operations, `not`, calls of one generator expression, precedence.
from __future__ import annotations


def f1() -> Name1 or Name2 and Name3: pass
def f2() -> a and b or c and d: pass
def f3() -> ~int and not v1 ^ 123 + v2 | True: pass
def f4() -> f(x for x in a): pass
def f5() -> f((x for x in a), b): pass
def f6() -> (a or b) and c: pass
def f7() -> not (a and b): pass
def f8() -> a if b or c else d and e: pass
def f9() -> lambda x: x or y and z: pass
def f10() -> [x for x in y if a or b and c]: pass
def f11() -> f(x for x in a if b)(y for y in c): pass
def f12(a: dict[str, int | None] = None, *b: a and (b or c), **c: -(x ** 2)) -> x: pass


for function in (f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12):
    print(function.__name__, function.__annotations__)
