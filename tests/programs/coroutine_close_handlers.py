"""close() of a coroutine whose body catches the GeneratorExit at an await: the awaited is
closed first, the handler runs, the code after it too; a body that awaits on refuses the close
("coroutine ignored GeneratorExit") and stays resumable; throw() and asyncio's cancellation go
through the same awaits."""
import asyncio
import types


@types.coroutine
def suspend(value='x'):
    return (yield value)


@types.coroutine
def noisy_suspend(name):
    try:
        yield name
    finally:
        print('  closed', name)


async def swallow():
    try:
        await noisy_suspend('swallow')
    except GeneratorExit:
        print('  caught')
    print('  after handler')
    return 'ignored'


async def refuse():
    try:
        await suspend('first')
    except GeneratorExit:
        print('  caught, awaiting again')
    got = await suspend('second')
    print('  resumed with', got)
    return 'done'


async def inner_returns():
    try:
        await suspend('inner')
    except GeneratorExit:
        print('  inner caught')
    return 'inner value'


async def outer():
    try:
        value = await inner_returns()
        print('  outer got', value)  # not reached: the outer's await gets GeneratorExit
    except GeneratorExit:
        print('  outer caught')
    print('  outer after')


async def raises_in_handler():
    try:
        await suspend()
    except GeneratorExit:
        raise ValueError('from the handler')


async def thrown_into():
    for attempt in range(3):
        try:
            await suspend(attempt)
        except (ValueError, GeneratorExit) as error:
            print('  handled', type(error).__name__, error)
    return 'finished'


class AsyncResource:
    async def __aenter__(self):
        await suspend('enter')
        return self

    async def __aexit__(self, *exc_info):
        print('  __aexit__', exc_info[0].__name__ if exc_info[0] else None)
        return False


class Ticker:
    def __init__(self):
        self.count = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.count += 1
        await suspend(f'tick {self.count}')
        return self.count


async def with_and_for():
    try:
        async with AsyncResource():
            async for tick in Ticker():
                print('  tick', tick)
    except BaseException as error:
        print('  caught', type(error).__name__)
    print('  after async with')


def show(title, coroutine, sends=1):
    print(title)
    for _ in range(sends):
        print('  yielded', coroutine.send(None))
    try:
        print('  close() ->', coroutine.close())
    except RuntimeError as error:
        print('  RuntimeError', error)
        return coroutine
    except ValueError as error:
        print('  ValueError', error, type(error.__context__).__name__)
    return None


show('swallow', swallow())
refused = show('refuse', refuse())
try:
    refused.send('resumed value')
except StopIteration as stop:
    print('  returned', stop.value)
show('outer', outer())
show('raises_in_handler', raises_in_handler())
show('with_and_for', with_and_for(), sends=3)

print('thrown_into')
coroutine = thrown_into()
print('  yielded', coroutine.send(None))
print('  yielded', coroutine.throw(ValueError('bad')))
print('  yielded', coroutine.throw(GeneratorExit))
try:
    coroutine.send(None)
except StopIteration as stop:
    print('  returned', stop.value)


async def cancelled_and_swallowed(ready):
    try:
        ready.set_result(None)
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('  cancelled, swallowed')
    except BaseException as error:
        print('  unexpected', type(error).__name__)
    return 'normal return'


async def cancel_cleanup():
    try:
        await asyncio.sleep(10)
    except BaseException:
        print('  cleanup, re-raised')
        raise


async def main():
    print('asyncio')
    ready = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(cancelled_and_swallowed(ready))
    await ready
    task.cancel()
    print('  task result', await task)
    other = asyncio.create_task(cancel_cleanup())
    await asyncio.sleep(0)
    other.cancel()
    try:
        await other
    except asyncio.CancelledError:
        print('  task cancelled:', other.cancelled())


asyncio.run(main())
