"""Classes made by calling `type` (or `type.__new__`) take `__module__` from the caller's globals."""

import collections
import dataclasses
import enum
import types

namespace = {'x': 1}
made = type('Made', (), namespace)
print(made.__module__, namespace, list(made.__dict__)[:3])
print(type('Explicit', (), {'__module__': 'elsewhere'}).__module__)


def factory(*args, **kwargs):
    return type(*args, **kwargs)


print(factory('Starred', (object,), {}).__module__)


class Base:
    def __init_subclass__(cls, flag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        print('init_subclass', cls.__name__, cls.__module__, flag)


print(type('WithKeyword', (Base,), {}, flag=True).__module__)


class Meta(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, {key: value for key, value in ns.items()
                                                   if key != '__module__'})


class Plain(metaclass=Meta):
    pass


print(Plain.__module__, type(Plain).__name__)
print(type.__new__(Meta, 'Direct', (), {}).__module__)
print(types.new_class('New', (Base,), {'flag': 'new_class'}).__module__)
print(dataclasses.make_dataclass('Data', [('name', str)]).__module__)
print(collections.namedtuple('Point', 'x y').__module__)
print(enum.Enum('Colour', 'RED GREEN').__module__)
print(type(made), type(1), type('a', (), {}).__qualname__)

nameless = {}
exec('Anonymous = type("Anonymous", (), {})', nameless)
try:
    print(nameless['Anonymous'].__module__)
except AttributeError as error:
    print('AttributeError', error)
named = {'__name__': 'configured'}
exec('Named = type("Named", (), {})', named)
print(named['Named'].__module__)
