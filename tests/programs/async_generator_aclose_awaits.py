"""aclose() of an async generator whose finally or handler awaits, yields, or swallows; a
StopIteration raised in its body."""
import asyncio

DONE = []


async def awaits_in_finally():
    try:
        yield 1
        print('never')
    finally:
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        DONE.append('finally awaited twice')
    DONE.append('never after the finally')


async def yields_in_finally():
    try:
        yield 1
    finally:
        await asyncio.sleep(0)
        yield 12


async def handler_awaits():
    try:
        yield 1
    except GeneratorExit:
        print('caught exit')
        await asyncio.sleep(0)
        raise


async def swallows():
    try:
        yield 1
    except BaseException:  # noqa: BLE001 - the GeneratorExit of aclose()
        print('swallowed', end=' ')
    yield 2


async def raises_stop_iteration():
    yield 123
    raise StopIteration  # noqa: PLR1708 - what PEP 479 turns into RuntimeError


async def main():
    gen = awaits_in_finally()
    await gen.__anext__()
    await gen.aclose()
    print(DONE, gen.ag_frame)
    gen = yields_in_finally()
    await gen.__anext__()
    try:
        await gen.aclose()
    except RuntimeError as e:
        print('RuntimeError', e)
    gen = handler_awaits()
    await gen.__anext__()
    await gen.aclose()
    print('closed', gen.ag_running, gen.ag_frame)
    gen = swallows()
    await gen.__anext__()
    try:
        await gen.aclose()
    except RuntimeError as e:
        print('RuntimeError', e)
    try:
        async for x in raises_stop_iteration():
            print(x)
    except RuntimeError as e:
        print(type(e).__name__, e, type(e.__cause__).__name__)
    # an unstarted one closes without running
    await awaits_in_finally().aclose()
    print(DONE)


asyncio.run(main())
