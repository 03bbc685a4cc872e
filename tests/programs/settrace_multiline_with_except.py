"""`except` clauses and `with` items written over several lines: the lines CPython 3.11
reports while tracing (each item's context expression, its BEFORE_WITH on the `with` line, the
target's store; an `except` type's loads, then its match on the `except` line)."""
import asyncio
import contextlib


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print('enter', self.name)
        return (self.name, self.name)

    def __exit__(self, kind, value, tb):
        print('exit', self.name, kind.__name__ if kind else None)
        return self.suppress


class Holder:
    pass


def parenthesized_items():
    with (Manager('a') as a,
          Manager('b') as b):
        print(a, b)


def context_on_next_line():
    with (
        Manager('c')
        as
        c):
        print(c)


def attribute_and_subscript_targets(holder, slots):
    with (
        Manager('d') as holder.value, Manager('e') as slots[
            1]):
        print(holder.value, slots)


def tuple_target():
    with (Manager('f') as (first,
                           second),
          Manager('g')):
        print(first, second)


def raising_body():
    try:
        with (Manager('h'),
              Manager('i', suppress=True),
              Manager('j')):
            1 / 0
        print('suppressed')
    except ZeroDivisionError:
        print('not suppressed')


def failing_enter():
    try:
        with (Manager('k'),
              Holder()):
            print('unreachable')
    except (AttributeError,
            TypeError) as error:
        print(type(error).__name__)


def tuple_of_types(value):
    try:
        return 10 // value
    except (TypeError,
            KeyError):
        return 'type'
    except (
            ZeroDivisionError) as error:
        return type(error).__name__


def type_on_later_line(values):
    try:
        return values[3]
    except (
            KeyError,
            IndexError,
    ):
        return 'missing'


def failing_type_expression():
    try:
        try:
            1 / 0
        except (ValueError,
                undefined_name):
            pass
    except NameError as error:
        print('NameError', error)


def generator_with():
    with (Manager('l') as l,
          Manager('m') as m):
        yield l
        yield m
    try:
        yield 1 / 0
    except (TypeError,
            ZeroDivisionError):
        yield 'caught'


def generator_yield_in_item():
    with (Manager((yield 'first')) as n,
          Manager('o')):
        yield n


@contextlib.asynccontextmanager
async def async_manager(name):
    print('aenter', name)
    yield name
    print('aexit', name)


async def async_items():
    async with (async_manager('p') as p,
                async_manager('q') as q):
        print(p, q)


parenthesized_items()
context_on_next_line()
holder = Holder()
attribute_and_subscript_targets(holder, [0, 0])
tuple_target()
raising_body()
failing_enter()
print(tuple_of_types(2), tuple_of_types('x'), tuple_of_types(0))
print(type_on_later_line([1]), type_on_later_line([1, 2, 3, 4]))
failing_type_expression()
print(list(generator_with()))
generator = generator_yield_in_item()
print(next(generator), generator.send('sent'), list(generator))
asyncio.run(async_items())
