# Coroutines: nested async defs, closures in coroutines, try/finally across awaits, return values.
class Yield:
    def __await__(self):
        return (yield 'suspend')
def run(coro, sends=()):
    sends = list(sends)
    value = None
    while True:
        try:
            coro.send(value)
        except StopIteration as stop:
            return stop.value
        value = sends.pop(0) if sends else None
async def outer(n):
    results = []
    async def inner(i):
        got = await Yield()
        results.append((i, got))
        return i * 2
    try:
        for i in range(n):
            results.append(await inner(i))
    finally:
        results.append('finally')
    return results
print(run(outer(2), ['first', 'second']))
async def raises():
    await Yield()
    raise ValueError('inside coroutine')
async def catches():
    try:
        await raises()
    except ValueError as e:
        return f'caught {e}'
print(run(catches()))
async def closes():
    try:
        await Yield()
    finally:
        print('coroutine finally on close')
c = closes()
c.send(None)
c.close()
async def no_await():
    return 'immediate'
print(run(no_await()))
co = no_await()
print(type(co).__name__, co.cr_running if hasattr(co, 'cr_running') else None)
co.close()
try:
    run(c)
except RuntimeError as e:
    print(e)
