# co_varnames, co_cellvars, co_freevars and co_nlocals as CPython lays them out: parameters
# first, cells that are not parameters only in co_cellvars (sorted), free variables only in
# co_freevars; NameError suggestions come from co_varnames.
def f(z, a):
    b = 1; y = 2; m = 3  # noqa: E702
    def g(): return a + b + y + z
    return g


def f2(q, c):
    y = 1; b = 2  # noqa: E702
    def g(): return y + b + q + c
    return g


def h(q):
    w = 1

    class C:
        def m(self): return w + q
    return [w for _ in range(1)], C


def comprehension():
    zz = [1]
    return [zz for x in range(2) if (lambda: x)]


class K:
    def m(self): return __class__


for code in (f.__code__, f(1, 2).__code__, f2.__code__, f2(1, 2).__code__, h.__code__,
             h(1)[1].m.__code__, comprehension.__code__, K.m.__code__):
    print(code.co_name, code.co_varnames, code.co_cellvars, code.co_freevars, code.co_nlocals)
print([const.co_varnames for const in comprehension.__code__.co_consts
       if hasattr(const, 'co_varnames')])


def suggest():
    counter = 1
    def inner(): return counter
    return countr  # noqa: F821


try:
    suggest()
except NameError as error:
    print(error)
