"""Tracebacks through asyncio's tasks and futures: CPython's are C code (no frames), so only
the coroutines' frames and the loop's Python frames show."""
import asyncio
import traceback


async def inner():
    await asyncio.sleep(0)
    raise ValueError('inner failed')


async def via_future():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_exception, KeyError('from future'))
    try:
        await fut
    except KeyError as error:
        traceback.print_exc()
        print([frame.name for frame in traceback.extract_tb(error.__traceback__)])


async def gathered():
    results = await asyncio.gather(inner(), asyncio.sleep(0, 'ok'), return_exceptions=True)
    print([type(r).__name__ for r in results])
    try:
        await asyncio.gather(inner(), asyncio.sleep(0))
    except ValueError:
        traceback.print_exc()


async def in_task_group():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(inner())
            group.create_task(asyncio.sleep(1))
    except* ValueError as errors:
        for error in errors.exceptions:
            traceback.print_exception(error)


async def cancelled():
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        traceback.print_exc()


async def main():
    await via_future()
    await gathered()
    await in_task_group()
    await cancelled()
    await asyncio.create_task(inner())


asyncio.run(main())
