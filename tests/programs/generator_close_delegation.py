"""close() of a generator or coroutine waiting in `yield from`, `await` or a `with` body: as
CPython's gen_close, what it waits on is closed first, then GeneratorExit is raised where it
waits, so a handler (or an __exit__ that suppresses it) runs and the code after it too."""
import contextlib
import types


def sub():
    try:
        yield 1
    except GeneratorExit:
        print('sub caught')
    return 'sub value'


def outer():
    try:
        value = yield from sub()
        print('got', value)  # not reached: the GeneratorExit is raised at the yield from
    except GeneratorExit:
        print('outer caught')
    print('outer after')


class Ticking:
    def __iter__(self):
        return self

    def __next__(self):
        return 5

    def close(self):
        print('Ticking.close')


def yields_again():
    try:
        yield from Ticking()
    except GeneratorExit:
        print('yields_again caught')
    yield 'again'


class Suppressing:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        print('__exit__', kind.__name__ if kind else None)
        return True


def in_with():
    with Suppressing():
        yield 1
    print('after with')
    return 'value'


def suppressed_by_contextlib():
    with contextlib.suppress(GeneratorExit):
        yield 1
    print('after suppress')


def not_suppressed():
    with contextlib.suppress(ValueError):
        yield 1
    print('not printed')


@types.coroutine
def suspend():
    yield 'suspended'


async def coroutine_in_with():
    with Suppressing():
        await suspend()
    print('coroutine after with')


class AsyncSuppressing:
    async def __aenter__(self):
        return self

    async def __aexit__(self, kind, value, traceback):
        print('__aexit__', kind.__name__ if kind else None)
        return True


async def coroutine_in_async_with():
    async with AsyncSuppressing():
        await suspend()
    print('coroutine after async with')


for make in (outer, yields_again, in_with, suppressed_by_contextlib, not_suppressed,
             coroutine_in_with, coroutine_in_async_with):
    print('--', make.__name__)
    runner = make()
    print('started', runner.send(None))
    try:
        print('close() ->', runner.close())
    except RuntimeError as error:
        print('RuntimeError', error)
        print('then', next(runner, 'end'))
