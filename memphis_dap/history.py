"""Step back: each stop of a thread is recorded (frames, lines, variables as they were), so a
person can go back to earlier stops and forward again without running the program."""

from __future__ import annotations

__all__ = ['PastFrame', 'PastStop', 'record_stop']

HISTORY_LIMIT = 1000
"""How many stops a thread's history keeps (the oldest are forgotten)."""

_COPIED = (list, dict, set, bytearray)


def _as_it_was(value):
    """A container of the builtin kinds is copied (one level), so that its later mutation does
    not change the past; other objects are kept as they are (copying could run user code)."""
    return value.copy() if type(value) in _COPIED else value


class PastFrame:
    """A frame as it was at a recorded stop: what the variables view and evaluate read."""

    def __init__(self, frame, back: PastFrame | None, globals_copies: dict) -> None:
        self.f_code = frame.f_code
        self.f_back = back
        self.depth = getattr(frame, 'depth', 0)
        globals_ = frame.f_globals
        copied = globals_copies.get(id(globals_))
        if copied is None:
            copied = globals_copies[id(globals_)] = {
                name: _as_it_was(value) for name, value in globals_.items()}
        self.f_globals = copied
        if frame.names is not None and frame.f_code.kind != 'function':
            self.names = copied if frame.names is globals_ else {
                name: _as_it_was(value) for name, value in frame.names.items()}
            self.f_locals = self.names
        else:
            self.names = None
            self.f_locals = {name: _as_it_was(value) for name, value in frame.f_locals.items()}


class PastStop:
    """One recorded stop: its reason and (PastFrame, line) innermost first."""

    def __init__(self, reason: str, frames: list) -> None:
        self.reason = reason
        self.frames = frames


def record_stop(reason: str, frames: list) -> PastStop:
    """Snapshot a stop's (frame, line) list; call it in the stopped thread."""
    globals_copies: dict = {}
    # built outermost first, so each past frame knows its caller's
    back = None
    snapshots = []
    for frame, line in reversed(frames):
        back = PastFrame(frame, back, globals_copies)
        snapshots.append((back, line))
    snapshots.reverse()
    return PastStop(reason, snapshots)
