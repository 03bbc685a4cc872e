"""A `yield` whose value itself suspends: `await` in an async generator's yield, nested yields."""

import asyncio


async def two():
    await asyncio.sleep(0)
    return 2


async def rendered():
    if 0:
        yield None
    yield str((await two()) + (await two()))
    yield (await two()) * 10
    yield [await two(), 3]
    sent = yield {'key': await two()}
    yield ('sent', sent)


async def main():
    print([item async for item in rendered()])
    generator = rendered()
    print(await generator.asend(None), await generator.asend(None))
    await generator.asend(None)
    print(await generator.asend(None))
    print(await generator.asend('hello'))
    await generator.aclose()


asyncio.run(main())


def nested():
    received = yield (yield 'first') + '!'
    yield f'got {received}'


generator = nested()
print(next(generator))
print(generator.send('inner'))
print(generator.send('outer'))
try:
    list(nested())
except TypeError as error:
    print('TypeError:', error)
