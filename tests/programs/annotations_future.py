"""`from __future__ import annotations`: annotations are strings, never evaluated."""
from __future__ import annotations

x: undefined_module_level = 1
y: list[undefined_item]


class C:
    a: undefined_in_class | None = None
    b: int
    c: 'already a string'

    def method(self: C, p: Undefined = 3) -> Returned[int]:
        local: NeverEvaluated = p
        return local


def f(p: undefined_param, *args: Star, k: Kw = 1, **kw: DoubleStar) -> undefined_return:
    y: undefined_local = 2
    return y


class Target:
    pass


t = Target()
t.attr: NotEvaluatedEither = 5            # complex targets: the annotation is not evaluated
d = {}
d['key']: NorThis = 6
print(__annotations__)
print(C.__annotations__, C.method.__annotations__)
print(f.__annotations__, f(1))
print(t.attr, d)
lam = lambda q: q  # noqa: E731
print(lam.__annotations__)
try:
    undefined_object.attr: int   # the target's object is still evaluated
except NameError as error:
    print('NameError', error)
