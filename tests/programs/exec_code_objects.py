"""exec() and eval() of a function's code object: closures, missing arguments, return values."""
from types import CellType


def make():
    a, b, c = 2, 3, 5
    total = 0

    def three():
        nonlocal a, b, total
        total = a * b
        return total

    def four():
        nonlocal a, b, c, total
        total = a * b * c

    def read():
        return total

    return three, four, read


three, four, read = make()
print(exec(three.__code__, three.__globals__, closure=three.__closure__), read())
print(three.__code__.co_freevars)
exec(three.__code__, three.__globals__, closure=(CellType(35), CellType(72), three.__closure__[2]))
print(read())


def plain():
    return 3 * 5


attempts = [
    (plain.__code__, {'closure': three.__closure__}),
    (three.__code__, {'closure': None}),
    (three.__code__, {}),
    (three.__code__, {'closure': four.__closure__}),
    (three.__code__, {'closure': list(three.__closure__)}),
    (three.__code__, {'closure': (int,) + three.__closure__[1:]}),
    ('x = 1', {'closure': three.__closure__}),
    ('x = 1', {'closure': None}),
]
for source, keywords in attempts:
    try:
        print(exec(source, {}, **keywords))
    except TypeError as error:
        print('TypeError:', error)


def needs(x, y=2, *rest, key, **options):
    return x


def no_parameters(*rest, **options):
    print('rest', rest, 'options', options)
    return 'returned'


def generator():
    print('never printed')
    yield 1


for code in (needs.__code__, no_parameters.__code__, generator.__code__):
    for function in (exec, eval):
        try:
            result = function(code, {'g': 1})
            print(function.__name__, type(result).__name__, getattr(result, '__name__', result))
        except TypeError as error:
            print(function.__name__, 'TypeError:', error)
try:
    eval(three.__code__)
except TypeError as error:
    print('TypeError:', error)
print(eval(compile('1 + 2', '<s>', 'eval')), exec(compile('y = 3', '<s>', 'exec')), y)
