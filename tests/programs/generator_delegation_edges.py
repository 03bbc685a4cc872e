# `yield from` an iterable inside a `with` (a body that may go on after close() delegates
# through its own driver, which must call iter() as GET_YIELD_FROM_ITER does); a throw()
# delegated by `yield from`/`await` comes back with the handled exception as its context;
# an unstarted generator closed by the collector together with its closure's function.
import asyncio
import gc


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print('exit', exc[0])
        return False


def inside_with(iterable):
    with Manager():
        yield from iterable


for iterable in ([1, 2], {3: 4}.values(), 'ab', range(2), iter([5])):
    print(type(iterable).__name__, list(inside_with(iterable)))
try:
    list(inside_with(5))
except TypeError as error:
    print('TypeError', error)
running = inside_with([1, 2, 3])
print(next(running))
running.close()


def inner():
    try:
        yield 1
    except ValueError as error:
        print('inner sees context', repr(error.__context__))
        raise


def delegating():
    try:
        raise KeyError('handled')
    except KeyError:
        try:
            yield from inner()
        except ValueError as error:
            print('delegating sees context', repr(error.__context__))
    yield 2


generator = delegating()
next(generator)
print(generator.throw(ValueError('thrown')))


async def raise_error():
    raise ValueError('in task')


async def main():
    try:
        raise KeyError(3)
    except KeyError:
        task = asyncio.ensure_future(raise_error())
        try:
            await task
        except ValueError as error:
            print('await sees context', repr(error.__context__))


asyncio.run(main())


class Holder:
    pass


def make():
    holder = Holder()

    def never_started():
        yield holder

    holder.generator = never_started()


make()
gc.collect()
print('collected')
