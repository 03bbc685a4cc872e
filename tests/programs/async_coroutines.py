# Coroutines, await, async with, async for and async generators on a hand-written event loop.
class Sleep:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        value = yield self.label
        return f'{self.label} resumed with {value}'

def run(coro):
    sent = None
    while True:
        try:
            yielded = coro.send(sent)
        except StopIteration as stop:
            return stop.value
        print('loop got', yielded)
        sent = yielded.upper() if isinstance(yielded, str) else yielded

async def child(n):
    result = await Sleep(f'child{n}')
    return result

async def parent():
    a = await child(1)
    b = await child(2)
    return [a, b]

print(run(parent()))
c = parent()
print(type(c).__name__, c.__name__, c.__qualname__)
c.close()

class AsyncCM:
    async def __aenter__(self):
        await Sleep('aenter')
        return 'cm-value'
    async def __aexit__(self, typ, val, tb):
        await Sleep('aexit')
        print('aexit saw', typ)
        return True

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Sleep(f'tick{self.n}')
        return self.n

async def uses_protocols():
    async with AsyncCM() as v:
        print('inside', v)
        raise ValueError('suppressed by aexit')
    total = []
    async for i in Countdown(3):
        total.append(i)
    return total

print(run(uses_protocols()))

async def agen(n):
    for i in range(n):
        await Sleep(f'agen{i}')
        yield i * 10

async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    g = agen(2)
    first = await g.__anext__()
    await g.aclose()
    return out, first

print(run(consume()))
print(type(agen(1)).__name__)

async def fails():
    await Sleep('before failure')
    raise KeyError('async failure')
try:
    run(fails())
except KeyError as e:
    print('caught', e)

async def not_awaitable():
    await 5
try:
    run(not_awaitable())
except TypeError as e:
    print(e)

async def thrower():
    try:
        await Sleep('wait')
    except RuntimeError as e:
        return f'handled {e}'
co = thrower()
co.send(None)
try:
    co.throw(RuntimeError('injected'))
except StopIteration as stop:
    print(stop.value)
