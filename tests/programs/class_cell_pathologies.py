"""The implicit __class__ cell: shadowed, global or nonlocal __class__, and a metaclass
that drops __classcell__ (RuntimeError), as CPython's __build_class__."""
class A:
    def f(self):
        return 'A'
class X(A):
    def f(self):
        return super().f()
    __class__ = 413
x = X()
print(x.f(), x.__class__)
class X:
    x = __class__ if False else 1
    def f():
        __class__
print(X.x)
try:
    exec("""class X:
    __class__
    def f():
        __class__""", globals(), {})
except NameError as e:
    print(type(e).__name__, e)
class X:
    global __class__
    __class__ = 42
    def f():
        __class__
print(globals()["__class__"])
del globals()["__class__"]
print("__class__" in X.__dict__)
def outer():
    __class__ = 0
    class X:
        nonlocal __class__
        __class__ = 42
        def f():
            __class__
    print(__class__)
outer()
class Meta(type):
    def __new__(cls, name, bases, namespace):
        namespace.pop('__classcell__', None)
        return super().__new__(cls, name, bases, namespace)
class WithoutClassRef(metaclass=Meta):
    pass
try:
    class WithClassRef(metaclass=Meta):
        def f(self):
            return __class__
except RuntimeError as e:
    print(e)

