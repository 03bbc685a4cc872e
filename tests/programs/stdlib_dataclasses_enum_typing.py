# Interpreted dataclasses, enum, typing, abc, contextlib and copy.
import abc
import contextlib
import copy
import dataclasses
import enum
import typing


@dataclasses.dataclass(order=True)
class Item:
    name: str
    price: float = 0.0
    tags: list[str] = dataclasses.field(default_factory=list, compare=False)

    def __post_init__(self):
        self.name = self.name.title()


@dataclasses.dataclass(frozen=True, slots=True)
class Frozen:
    x: int
    y: int = 2


items = sorted([Item('pear', 2.0), Item('apple', 3.0, ['red'])])
print(items, dataclasses.asdict(items[0]), dataclasses.astuple(items[1]))
print([f.name for f in dataclasses.fields(Item)], dataclasses.is_dataclass(Item))
f = Frozen(1)
try:
    f.x = 5
except dataclasses.FrozenInstanceError as error:
    print(type(error).__name__, error)
print(dataclasses.replace(f, y=10), hash(f) == hash(Frozen(1)), Frozen.__slots__)
try:
    Item()
except TypeError as error:
    print(error)


class Color(enum.Enum):
    RED = 'r'
    GREEN = 'g'

    @property
    def pretty(self):
        return self.name.lower()


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


class Level(enum.IntEnum):
    LOW = enum.auto()
    HIGH = enum.auto()


print(Color('g'), Color.RED.pretty, list(Color), Color.__members__.keys())
print(Perm.R | Perm.W, Perm(7), Perm.R in Perm(5), Level.HIGH > Level.LOW, Level(2))
try:
    Color('blue')
except ValueError as error:
    print(error)


@enum.unique
class Single(enum.Enum):
    A = 1


print(Single.A, repr(Single.A), Single.A.value)

T = typing.TypeVar('T')


class Stack(typing.Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)


class Named(typing.NamedTuple):
    a: int
    b: str = 'b'


class Movie(typing.TypedDict):
    title: str


print(Stack[int], typing.get_type_hints(Stack.push), Named(1), Movie(title='x'))
print(typing.Optional[int], typing.Union[int, str], typing.Callable[[int], str])  # noqa: UP007, UP045
print(typing.get_origin(list[int]), typing.get_args(dict[str, int]), typing.Literal['a'])


@typing.runtime_checkable
class Closer(typing.Protocol):
    def close(self) -> None: ...


with open(__file__) as handle:
    print(isinstance(handle, Closer), isinstance(1, Closer))


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


try:
    Shape()
except TypeError as error:
    print(error)
print(Square(3).area(), isinstance(Square(1), Shape), Shape.register(int), isinstance(1, Shape))


@contextlib.contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name
    finally:
        print(f'</{name}>')


with tag('a') as t, contextlib.suppress(ZeroDivisionError):
    print('inside', t)
    print(1 / 0)
with contextlib.ExitStack() as stack:
    for name in 'xy':
        stack.enter_context(tag(name))
nested = {'a': [1, {'b': 2}]}
deep = copy.deepcopy(nested)
deep['a'][1]['b'] = 3
print(nested, deep, copy.copy(nested)['a'] is nested['a'])
