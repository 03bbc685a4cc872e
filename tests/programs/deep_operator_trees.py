"""Expressions nesting hundreds of operations (sympy's polyquinticconst has such): evaluated,
and a failure deep inside reported at the failing operation."""
import traceback

terms = ' + '.join(f'{i} * x ** 2 - y' for i in range(400))
namespace = {'x': 3, 'y': 1}
print(eval(terms, namespace))
source = 'def f(x, y):\n    return (' + '\n        + '.join(
    f'{i} * x ** 2 - y / (x - {i % 7})' for i in range(300)) + ')\n'
exec(source, namespace)
print(round(namespace['f'](2.5, 1), 6))
try:
    namespace['f'](3, 1)
except ZeroDivisionError:
    lines = traceback.format_exc().splitlines()
    print(len(lines), lines[-4:])
nested = '(' * 150 + 'x' + ' + 1)' * 150
print(eval(nested, namespace), eval(f'-({nested}) < 0 == (not {nested} > 7)', namespace))
