import types


@types.coroutine
def tick():
    yield 'tick'


async def inner(n):
    await tick()
    value = n * 2
    return value


async def outer():
    result = await inner(3)
    return result + 1


def drive(coroutine):
    try:
        while True:
            coroutine.send(None)
    except StopIteration as stop:
        return stop.value


print(drive(outer()))
