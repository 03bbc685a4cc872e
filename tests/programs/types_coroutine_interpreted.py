"""types.coroutine of interpreted functions as in CPython: a generator function is flagged, not
wrapped (its generators are awaitable and may yield from a coroutine); a coroutine function is
returned as is."""

import types, inspect, collections.abc as abc
@types.coroutine
def bar():
    return (yield from coro)
async def foo():
    return 'spam'
coro = foo()
g = bar()
print(type(g).__name__, inspect.isawaitable(g), isinstance(g, abc.Awaitable), isinstance(g, abc.Coroutine), bool(g.gi_code.co_flags & 0x100))
try:
    g.send(None)
except StopIteration as e:
    print('result', e.value)
async def af(): pass
print(types.coroutine(af) is af, types.coroutine(bar) is bar)
@types.coroutine
def nop():
    yield 'nop'
async def user():
    return await nop()
u = user()
print(u.send(None))
def plain(): return 1
w = types.coroutine(plain)
print(w is plain, w.__name__)
try:
    types.coroutine(1)
except TypeError as e:
    print(e)
print(types.coroutine.__name__, types.coroutine.__module__)


# decorated in a function body: each call makes the function again from the same code, and
# each is flagged anew (CPython's co.replace gives each its own flagged code)
def make_awaitable_maker():
    @types.coroutine
    def step(v):
        return (yield v * 10)
    return step


async def awaits_step(maker):
    return await maker(1)


for _ in range(3):
    c = awaits_step(make_awaitable_maker())
    print(c.send(None))
