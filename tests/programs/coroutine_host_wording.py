"""A coroutine's errors named as CPython names them though its body runs as a host generator:
'coroutine raised StopIteration', 'coroutine ignored GeneratorExit' (from close() and at
finalization), 'coroutine is being awaited already'; a generator's own errors keep theirs."""

import gc
import sys
import traceback
import types


@types.coroutine
def pause():
    yield


def stop():
    raise StopIteration('from a function')


def generator():
    yield 1
    raise StopIteration


def stubborn():
    try:
        yield
    except GeneratorExit:
        yield


async def raises_directly():
    raise StopIteration


async def raises_in_callee():
    try:
        stop()
    finally:
        print('finally of raises_in_callee')


async def exhausts_a_generator():
    items = generator()
    next(items)
    next(items)


async def loops():
    for _ in range(2):
        with open(__file__) as handle:
            handle.readline()
            raise StopIteration('in a with block')


async def ignores_exit():
    try:
        await pause()
    except GeneratorExit:
        await pause()


async def closes_a_generator():
    items = stubborn()
    next(items)
    items.close()


async def awaits(coroutine):
    await coroutine


def run(coroutine):
    try:
        coroutine.send(None)
    except RuntimeError as error:
        print(f'{error!r} cause={error.__cause__!r}')
        traceback.print_exc()


for function in (raises_directly, raises_in_callee, exhausts_a_generator, loops,
                 closes_a_generator):
    run(function())

running = ignores_exit()
running.send(None)
try:
    running.close()
except RuntimeError:
    traceback.print_exc()
running.close()



def unraisable_hook(unraisable):
    print(f'unraisable: {unraisable.exc_value!r} in a {type(unraisable.object).__name__}')
    traceback.print_tb(unraisable.exc_traceback)


running = ignores_exit()
running.send(None)
print('dropping a coroutine that ignores GeneratorExit')
sys.unraisablehook = unraisable_hook
del running
gc.collect()
sys.unraisablehook = sys.__unraisablehook__

running = ignores_exit()
running.send(None)
run(awaits(running))
try:
    running.throw(ValueError('done'))
except ValueError as error:
    print('thrown:', error)
