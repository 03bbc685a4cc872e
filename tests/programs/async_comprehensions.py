# Asynchronous comprehensions: async for clauses, await in elements, mixed sync and async clauses.
class Tick:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield 'tick'
        return self.v * 10
def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as stop:
            return stop.value
async def agen(n):
    for i in range(n):
        yield i
async def main():
    a = [x async for x in agen(4)]
    b = [await Tick(x) for x in range(3)]
    c = {x: await Tick(x) async for x in agen(3) if x != 1}
    d = {x async for x in agen(3)}
    e = [y for x in [1, 2] async for y in agen(x)]
    scale = 2
    f = [x * scale async for x in agen(3)]
    return a, b, c, sorted(d), e, f
print(run(main()))
