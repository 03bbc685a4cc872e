"""A class body that declares `nonlocal __class__`: its own statements use the enclosing
function's variable, but its methods (and lambdas) close over the implicit class cell, so
`__class__` and zero-argument `super()` in them are the class. (A comprehension in such a body
gets one or the other in CPython depending on the hash seed: not tested.)"""


def outer():
    __class__ = 'outer value'

    class Base:
        def describe(self):
            return 'base'

    class C(Base):
        nonlocal __class__
        seen_in_body = __class__

        def method(self):
            return __class__

        lam = lambda self: __class__  # noqa: E731

        def describe(self):
            return 'C over ' + super().describe()

        __class__ = 'rebound in the body'

    return C, __class__


C, value = outer()
print(C.seen_in_body, value)
print(C().method() is C, C().lam() is C, C().describe())
print(C.method.__code__.co_freevars, C.method.__closure__[0].cell_contents is C)
