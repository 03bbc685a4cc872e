"""type(f)(f.__code__, globals): a function of an interpreted function's code, whose builtins
are its globals' or, without them, the calling frame's."""
import textwrap
def func(s): return len(s)
ns = {}
func2 = type(func)(func.__code__, ns)
print(func2.__globals__ is ns, func2.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else func2.__builtins__ is __builtins__)
print(func2("abc"), ns)
code = textwrap.dedent("""
    def func3(s): pass
    func4 = type(func3)(func3.__code__, {})
""")
safe_builtins = {'None': None}
ns = {'type': type, '__builtins__': safe_builtins}
exec(code, ns)
print(ns['func3'].__builtins__ is safe_builtins, ns['func4'].__builtins__ is safe_builtins, ns['func3'].__globals__['__builtins__'] is safe_builtins, '__builtins__' in ns['func4'].__globals__)


def adder(a, b=2):
    """doc"""
    return a + b


made = type(adder)(adder.__code__, {'__builtins__': {'len': len}}, 'renamed', (5,))
print(made(1), made.__name__, made.__doc__, made.__defaults__, made.__builtins__)
try:
    type(adder)(adder.__code__, [])
except TypeError as error:
    print(error)


def outer():
    x = 1

    def inner():
        return x
    return inner


inner = outer()
try:
    type(inner)(inner.__code__, {})
except TypeError as error:
    print(error)
print(type(inner)(inner.__code__, {}, None, None, inner.__closure__)())
