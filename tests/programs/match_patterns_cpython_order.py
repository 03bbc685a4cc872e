"""match: class patterns fetch every attribute before matching; `[*_]` and `{}` ask no length;
a complex literal pattern needs a real part."""
import collections.abc


class Point:
    __match_args__ = ('x', 'y')

    def __init__(self, x, y):
        self._x, self.y = x, y

    @property
    def x(self):
        print('get x')
        return self._x


def where(p):
    match p:
        case Point(0, y=0):
            return 'origin'
        case Point(1, 2):
            return 'one two'
        case Point(x, y) if x == y:
            return 'diagonal'
        case int(n) | str(n):
            return f'self-matching {n!r}'
        case _:
            return 'elsewhere'


for value in (Point(0, 0), Point(1, 2), Point(3, 3), Point(4, 5), 7, 'text'):
    print(where(value))


class Twice:
    __match_args__ = ('a', 'a')
    a = 1


for subject in (Twice(),):
    try:
        match subject:
            case Twice(2, z):
                print('no')
    except TypeError as e:
        print('TypeError', e)


class Parent:
    pass


collections.abc.Mapping.register(Parent)


def kind(x):
    match x:
        case [*_]:
            return 'seq'
        case {}:
            return 'map'
    return 'neither'


class Seq:
    pass


collections.abc.Sequence.register(Seq)
print(kind(Parent()), kind(Seq()), kind([1]), kind({}))
for source in ['match x:\n case 0j+0j: pass', 'match x:\n case {0j+0: _}: pass',
               'match x:\n case 1+2: pass', 'match x:\n case -1j-1j: pass']:
    try:
        compile(source, '<p>', 'exec')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno, e.offset, e.end_offset)
match Seq():
    case [*rest]:
        print('rest', rest)
    case _:
        print('no')
