# Async generators: asend, athrow, aclose, finally blocks, and StopAsyncIteration.
class Tick:
    def __await__(self):
        yield 'tick'

def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as stop:
            return stop.value

async def agen():
    try:
        received = yield 'first'
        print('received', received)
        await Tick()
        yield 'second'
        yield 'third'
    except ValueError as e:
        print('agen caught', e)
        yield 'after error'
    finally:
        print('agen finally')

async def main():
    g = agen()
    print(await g.asend(None))
    print(await g.asend('hello'))
    print(await g.athrow(ValueError('boom')))
    try:
        await g.asend(None)
    except StopAsyncIteration:
        print('exhausted')
    g2 = agen()
    print(await g2.__anext__())
    await g2.aclose()
    print('closed g2')
    collected = []
    async for v in agen():
        collected.append(v)
        if v == 'second':
            break
    return collected

print(run(main()))
print(type(agen()).__name__, agen.__name__)
