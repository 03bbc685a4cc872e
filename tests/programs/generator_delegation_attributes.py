"""gi_yieldfrom and cr_await of interpreted generators and coroutines: what the frame delegates to
(a generator, the awaited coroutine, a foreign iterator), None while running or at a yield."""

import inspect, types
def a():
    print('in a', gen_b.gi_yieldfrom, inspect.getgeneratorstate(gen_b))
    yield 1
def b():
    print('b starts', gen_b.gi_yieldfrom)
    yield from a()
    yield 2
gen_b = b()
print(gen_b.gi_yieldfrom)
next(gen_b)
print(gen_b.gi_yieldfrom.gi_code.co_name)
next(gen_b)
print(gen_b.gi_yieldfrom)
async def c():
    await d()
async def d():
    print('d running, c awaits', co.cr_await)
    await e()
@types.coroutine
def e():
    yield
co = c()
print(co.cr_await)
co.send(None)
print(co.cr_await.__qualname__, co.cr_await.cr_await.gi_code.co_name, co.cr_await.cr_await.gi_yieldfrom)
co.close()
print(co.cr_await, [x for x in gen_b], gen_b.gi_yieldfrom)
it = iter([1, 2])
def over(it):
    yield from it
g = over(it); next(g)
print(g.gi_yieldfrom is it)
