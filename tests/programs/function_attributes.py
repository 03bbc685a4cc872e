# Interpreted functions are host functions: attributes, __code__, annotations, defaults, dict.
def f(a: int, b: 'str' = 'x', *args: float, c: bool = True, **kw) -> list:
    """Doc of f."""
    return [a, b]
print(type(f).__name__, f.__name__, f.__qualname__, f.__module__, f.__doc__)
print(f.__defaults__, f.__kwdefaults__, f.__annotations__)
code = f.__code__
print(code.co_name, code.co_argcount, code.co_kwonlyargcount, code.co_varnames[:5],
      code.co_firstlineno, code.co_filename == __file__)
print(bool(code.co_flags & 0x04), bool(code.co_flags & 0x08), bool(code.co_flags & 0x20))
f.custom = 'attribute'
print(f.custom, f.__dict__)
f.__defaults__ = (1, 2)
print(f(0))
class C:
    def method(self):
        pass
    @classmethod
    def cm(cls):
        pass
print(C.method.__qualname__, type(C().method).__name__, C().method.__func__ is C.method)
print(C.cm.__self__ is C, C().method.__self__.__class__ is C)
g = lambda x, /, y=2: x + y
print(g.__name__, g.__qualname__, g(1), g.__defaults__, g.__code__.co_posonlyargcount)
def gen():
    yield
async def coro():
    pass
print(bool(gen.__code__.co_flags & 0x20), bool(coro.__code__.co_flags & 0x80))
def outer():
    x = 1
    def inner():
        return x
    return inner
print(outer()())
print(callable(f), f.__get__(5)() if False else 'bound ok', f.__call__(1, 2))
def no_doc():
    pass
print(no_doc.__doc__, no_doc.__annotations__, no_doc.__defaults__)
print(sorted(k for k in dir(f) if k.startswith('__') and k in ('__call__', '__get__', '__code__')))
def kw(**kw):
    return kw
print(kw(**{'self': 1, 'a-b': 2}))
print(repr(f).startswith('<function f at'), repr(g).startswith('<function <lambda> at'))
print(repr(C.method).startswith('<function C.method at'))
