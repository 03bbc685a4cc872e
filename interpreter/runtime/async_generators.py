"""Async generators: a host async generator drives the compiled body.

The body runs as a host generator in which a user-level `yield v` produces `Yielded(v)` and an
`await` passes its awaitable's values through untouched. The trampoline (an `async def` with a
`yield`, so a real host async generator with `asend`/`athrow`/`aclose`) forwards each `Yielded`
to its consumer and every other value to the event loop through `Suspend`.
"""

from __future__ import annotations

__all__ = ['ASYNCGEN_BODY', 'Suspend', 'Yielded']


class Yielded:
    """A value yielded by the user's async generator (as opposed to an await suspension)."""

    __slots__ = ('value',)

    def __init__(self, value) -> None:
        self.value = value


class Suspend:
    """Awaiting this suspends the host coroutine with `value` and returns what is sent back."""

    __slots__ = ('value',)

    def __init__(self, value) -> None:
        self.value = value

    def __await__(self):
        return (yield self.value)


ASYNCGEN_BODY = '''\
body = {enter}({slots}, {globals}())
sent = None
error = None
while True:
    try:
        if error is not None:
            pending, error = error, None
            item = body.throw(pending)
        else:
            item = body.send(sent)
    except StopIteration:
        return
    if type(item) is {tagged}:
        try:
            sent = yield item.value
        except BaseException as thrown:
            error = thrown
    else:
        try:
            sent = await {suspend}(item)
        except BaseException as thrown:
            error = thrown
'''
