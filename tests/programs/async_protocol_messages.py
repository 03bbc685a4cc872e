# CPython's TypeError messages for what `async with` and `async for` get from __aenter__,
# __aexit__ and __anext__ (an invalid __anext__ awaitable is a TypeError from its cause)
import types
def run(coro):
    try:
        coro.send(None)
    except BaseException as e:
        print(f'{type(e).__name__}: {e}' + (f'  [cause {type(e.__cause__).__name__}]' if e.__cause__ else ''))

class AEnterInt:
    async def __aexit__(self, *a): pass
    def __aenter__(self): return 1
class AExitInt:
    async def __aenter__(self): return self
    def __aexit__(self, *a): return 1
async def with_aenter():
    async with AEnterInt(): pass
async def with_aexit():
    async with AExitInt(): pass
run(with_aenter())
run(with_aexit())

class ANextTuple:
    def __aiter__(self): return self
    def __anext__(self): return ()
async def for_tuple():
    async for _ in ANextTuple(): pass
run(for_tuple())

class ANextAwaitRaises:
    def __aiter__(self): return self
    def __anext__(self): return self
    def __await__(self): 1 / 0
async def for_raises():
    async for _ in ANextAwaitRaises(): pass
run(for_raises())


async def agen():
    yield 1
    raise ZeroDivisionError('inside the async generator')


async def for_native():
    async for _ in agen():
        pass
run(for_native())


async def comprehension():
    return [x async for x in ANextTuple()]
run(comprehension())
