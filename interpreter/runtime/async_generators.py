"""Async generators: a host async generator drives the compiled body; and the guard of every
generator trampoline's first instruction (`guard_unstarted`).

The body runs as a host generator in which a user-level `yield v` produces `Yielded(v)` and an
`await` passes its awaitable's values through untouched. The trampoline (an `async def` with a
`yield`, so a real host async generator with `asend`/`athrow`/`aclose`) forwards each `Yielded`
to its consumer and every other value to the event loop through `Suspend`.
"""

from __future__ import annotations

__all__ = ['ASYNCGEN_BODY', 'UNSTARTED_GUARD', 'Suspend', 'Yielded', 'guard_unstarted']


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
try:
    body = None
except BaseException as thrown:
    {enter}.thrown_before_start({guard_slots}, {globals}(), thrown)
    raise
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
            # aclose()'s GeneratorExit is raised where the body yields (a frames.ClosingThrow:
            # functions.thrown_into_body), not closing each of the body's host generators in
            # turn (a `finally` that awaits could not)
            error = {closing}(thrown)
    else:
        try:
            sent = await {suspend}(item)
        except BaseException as thrown:
            error = thrown
'''


# What a generator or coroutine trampoline starts with (the names are those of
# runtime.functions' templates: its temporaries and helpers): its handler runs only when an exception is thrown into the
# generator before it started (throw(), close() or its finalization), which `guard_unstarted`
# makes it cover. CPython 3.11 runs the generator's frame then (a traced one reports 'call',
# 'exception' and 'return' at its first line); the host raises at the trampoline's first
# instruction, before any of its code, so its handler stands for that frame.
UNSTARTED_GUARD = """\
try:
    {frame} = None
except BaseException as {error}:
    {_code}.thrown_before_start({guard_slots}, {_g}(), {_b}, {error})
    raise
"""

_GENERATOR_FLAGS = 0x20 | 0x80 | 0x200  # CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR


def guard_unstarted(code):
    """`code` (a trampoline's host code) with the first handler of its exception table, the
    `UNSTARTED_GUARD`'s, covering its first instructions too (RETURN_GENERATOR, where an
    exception thrown into an unstarted generator is raised). Any other code is returned as
    it is. The table's format is CPython 3.11's (Objects/exception_handling_notes.txt)."""
    if not code.co_flags & _GENERATOR_FLAGS or not code.co_exceptiontable:
        return code
    entries = _read_exception_table(code.co_exceptiontable)
    start, size, target, depth_lasti = entries[0]
    if depth_lasti != 0:  # not a try statement's handler: not the guard's
        return code
    entries[0] = (0, start + size, target, depth_lasti)
    return code.replace(co_exceptiontable=_write_exception_table(entries))


def _read_exception_table(table: bytes) -> list[tuple[int, int, int, int]]:
    entries = []
    index = 0
    while index < len(table):
        fields = []
        for _ in range(4):
            byte = table[index]
            value = byte & 63
            index += 1
            while byte & 64:
                byte = table[index]
                value = (value << 6) | (byte & 63)
                index += 1
            fields.append(value)
        entries.append(tuple(fields))
    return entries


def _write_exception_table(entries: list[tuple[int, int, int, int]]) -> bytes:
    table = bytearray()
    for entry in entries:
        for position, value in enumerate(entry):
            chunks = [value & 63]
            value >>= 6
            while value:
                chunks.append(value & 63)
                value >>= 6
            chunks.reverse()
            encoded = [chunk | 64 for chunk in chunks[:-1]] + [chunks[-1]]
            if position == 0:
                encoded[0] |= 128  # an entry's start
            table.extend(encoded)
    return bytes(table)
