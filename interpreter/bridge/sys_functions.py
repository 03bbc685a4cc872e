"""The functions of Memphis's `sys` that answer for the Memphis stack, not the host's.

`SYS_FUNCTIONS` maps each overlaid `sys` name to its function; the `sys` overlay installs them.
"""

from __future__ import annotations

from ..runtime.frames import current_state, recursion_limit

__all__ = ['SYS_FUNCTIONS']


def getrecursionlimit() -> int:
    """Return the current value of the recursion limit."""
    return recursion_limit.value


def setrecursionlimit(limit: int, /) -> None:
    """Set the maximum depth of the Memphis stack."""
    if not isinstance(limit, int):
        raise TypeError(f"'{type(limit).__name__}' object cannot be interpreted as an integer")
    if limit < 1:
        raise ValueError('recursion limit must be greater or equal than 1')
    frame = current_state().frame
    depth = frame.depth if frame is not None else 0
    if limit <= depth:
        raise RecursionError(f'cannot set the recursion limit to {limit} at the recursion depth '
                             f'{depth}: the limit is too low')
    recursion_limit.value = limit


def _getframe(depth: int = 0, /):
    """Return a Memphis frame object from the call stack."""
    frame = current_state().frame
    while depth > 0 and frame is not None:
        frame = frame.f_back
        depth -= 1
    if frame is None:
        raise ValueError('call stack is not deep enough')
    return frame


SYS_FUNCTIONS = {'getrecursionlimit': getrecursionlimit, 'setrecursionlimit': setrecursionlimit,
                 '_getframe': _getframe}
