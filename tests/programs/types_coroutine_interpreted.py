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
