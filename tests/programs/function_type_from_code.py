"""types.FunctionType(f.__code__, ...) copies a function (networkx's copyfunc does)."""
import types


def scale(value, factor=2):
    """Doubles by default."""
    return value * factor


def copyfunc(f, name=None):
    return types.FunctionType(f.__code__, f.__globals__, name or f.__name__, f.__defaults__,
                              f.__closure__)


triple = copyfunc(scale, 'triple')
print(triple(4), triple(4, 3), triple.__name__, triple.__qualname__, triple.__doc__,
      triple.__defaults__, triple is not scale, triple.__code__ is scale.__code__)


def outer():
    base = 10

    def add(x):
        return base + x
    return add


add = outer()
copied = types.FunctionType(add.__code__, add.__globals__, None, None, add.__closure__)
print(copied(5), copied.__name__, copied.__closure__[0].cell_contents)
other_globals = {'__builtins__': __builtins__, 'factor_name': 'x'}
moved = types.FunctionType(scale.__code__, other_globals)
print(moved(3, 4), moved.__globals__ is other_globals, moved.__defaults__)
for arguments in [(add.__code__, {}), (add.__code__, {}, None, None, (1,)),
                  (add.__code__, {}, None, None, [1]), (scale.__code__, {}, None, None, ()),
                  (add.__code__, {}, None, None, ()),
                  (scale.__code__, []), (scale.__code__, {}, 5), (scale.__code__, {}, 'n', [1])]:
    try:
        types.FunctionType(*arguments)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
host_code = compile('lambda: 42', '<s>', 'eval')
print(type(types.FunctionType).__name__, callable(types.FunctionType))


# a function given another function's code runs it (networkx's argmap swaps in a compiled body)
def placeholder(a, b=1):
    return 'placeholder'


def real(a, b=1):
    return ('real', a, b)


placeholder.__code__ = real.__code__
print(placeholder(5), placeholder.__name__, placeholder.__code__ is real.__code__)
try:
    placeholder.__code__ = add.__code__
except ValueError as error:
    print('ValueError', error)
try:
    placeholder.__code__ = 'not code'
except TypeError as error:
    print('TypeError', error)


def with_cell():
    hidden = 'cell'

    def inner():
        return hidden
    return inner


first, second = with_cell(), add
second_copy = types.FunctionType(second.__code__, second.__globals__, None, None,
                                 second.__closure__)
second_copy.__code__ = add.__code__
print(second_copy(1))
