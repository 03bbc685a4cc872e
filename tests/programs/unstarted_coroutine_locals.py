"""The frame of a coroutine or generator that has not started shows its arguments, including
those the body closes over (trio reads `coro.cr_frame.f_locals` before the first send)."""


def make(captured):
    async def outer(value, other):
        def inner():
            return value, captured
        return inner()

    def generator(value, unused=None):
        yield (lambda: value + captured)()

    return outer, generator


outer, generator = make(10)
coroutine = outer('x', 2)
print(sorted(coroutine.cr_frame.f_locals.items()))
try:
    coroutine.send(None)
except StopIteration as stop:
    print('returned', stop.value)

suspended = generator(5)
print(sorted(suspended.gi_frame.f_locals.items()))
print(next(suspended))
print(sorted(suspended.gi_frame.f_locals.items()))
