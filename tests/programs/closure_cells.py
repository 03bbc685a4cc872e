"""`__closure__` and `co_freevars` of interpreted functions: exactly the free variables, in
CPython's (sorted) order; empty cells; a def's functions sharing their code."""

import types


def outer(a, b):
    zeta = 1
    alpha = 2
    def inner(c, d=3):
        return a + zeta + alpha + c + d
    def unset():
        return late
    def writer():
        nonlocal zeta
        zeta += 10
        return zeta
    print(inner.__code__.co_freevars, [c.cell_contents for c in inner.__closure__])
    print(unset.__code__.co_freevars)
    try:
        print(unset.__closure__[0].cell_contents)
    except ValueError as error:
        print('ValueError', error)
    try:
        unset()
    except NameError as error:
        print('NameError', error)
    print(writer(), inner(0), [c.cell_contents for c in inner.__closure__])
    late = 5
    print(unset(), unset.__closure__[0].cell_contents)
    print(outer.__closure__, outer.__code__.co_freevars)
    return inner


f1 = outer(1, 2)
f2 = outer(1, 2)
print(f1.__closure__[0] is not f2.__closure__[0], f1.__code__.co_name, f1.__code__.co_argcount)


class C:
    def method(self):
        return __class__, super().__init__

print(C.method.__code__.co_freevars, C.method.__closure__[0].cell_contents is C)
g = lambda: 0
h = lambda: 0
print(g.__closure__, g.__code__.co_freevars)
def maker():
    def one(): return 1
    return one
print(maker().__code__ is maker().__code__)
print(type(f1.__closure__[0]) is types.CellType, f1.__closure__[0].cell_contents)
def gen_outer():
    x = 1
    def gen():
        yield x
    async def coro():
        return x
    async def agen():
        yield x
    return gen, coro, agen
for fn in gen_outer():
    print(fn.__name__, fn.__code__.co_freevars, [c.cell_contents for c in fn.__closure__])
