# match: literal, capture, wildcard, sequence, star, mapping, class, or, as, guard, value patterns.
import sys
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
class Color:
    RED = 'red'
    GREEN = 'green'

def describe(subject):
    match subject:
        case 0 | 1:
            return 'zero or one'
        case True:
            return 'never: 1 matched first'
        case None:
            return 'none'
        case 'hello':
            return 'greeting'
        case Color.RED:
            return 'red constant'
        case [] | ():
            return 'empty sequence'
        case [x]:
            return f'one item {x}'
        case [1, *rest] if len(rest) > 2:
            return f'starts with 1, long rest {rest}'
        case [first, *_, last]:
            return f'first {first} last {last}'
        case {'kind': 'circle', 'radius': r}:
            return f'circle r={r}'
        case {'kind': kind, **others}:
            return f'kind {kind} others {others}'
        case Point(0, 0):
            return 'origin'
        case Point(x=0, y=y):
            return f'on y axis at {y}'
        case Point(x, y) if x == y:
            return f'diagonal {x}'
        case Point():
            return 'some point'
        case int(n) | float(n) if n < 0:
            return f'negative {n}'
        case str() as s:
            return f'string {s!r}'
        case (a, b) as pair:
            return f'pair {pair}'
        case _:
            return 'other'

for value in [0, 1, True, None, 'hello', 'red', [], (), [5], [1, 2, 3, 4], [1, 2], (1, 2, 3),
              {'kind': 'circle', 'radius': 2}, {'kind': 'square', 'side': 3}, Point(0, 0),
              Point(0, 5), Point(2, 2), Point(1, 3), -4, -2.5, 'text', 3.5, {1, 2}, 'ab',
              range(3), b'xy']:
    print(repr(value) if not isinstance(value, Point) else 'Point', '->', describe(value))

match 'abc':
    case 'x':
        pass
print('no case matched, fell through')
match [1, [2, 3]]:
    case [a, [b, c]]:
        print(a, b, c)
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print(e)
match {'a': 1, 'b': 2}:
    case {'a': 1}:
        print('mapping matches with extra keys')
match 5:
    case x if x > 10:
        print('big')
    case x:
        print('bound even after failed guard:', x)
match (1, 2):
    case (1, y) | (y, 1):
        print('or with binding', y)
