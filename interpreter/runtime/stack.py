"""Room on the host's frame stack, so interpreted recursion does not thrash it.

CPython 3.11 keeps Python frames in 16 KiB chunks and frees a chunk as soon as the stack drops
below it; a recursive interpreted program, whose every call takes several host frames, crosses
such a boundary millions of times (an mmap and munmap each: measured 3x slower on fib).
`call_with_room` calls a function from a host frame that is just over 8 MiB in size, so CPython
allocates a 16 MiB chunk for it and the program's frames fit in the other half.
"""

from __future__ import annotations

__all__ = ['call_with_room']

_ROOM_WORDS = (1 << 20) + 128


def _call(function, *args):
    return function(*args)


_call.__code__ = _call.__code__.replace(co_stacksize=_ROOM_WORDS)


def call_with_room(function, *args):
    """`function(*args)`, with about 8 MiB of host frame stack free above it."""
    return _call(function, *args)
