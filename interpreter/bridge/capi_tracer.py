"""`_testcapi.settrace_to_record` for Memphis: CPython's C-level recorder (PyEval_SetTrace with
a function appending (event, line, arg) to a list) over the interpreted frames' events, not the
host's, whose frames are Memphis's own."""

from __future__ import annotations

__all__ = ['settrace_to_record']

# PyTrace_CALL, PyTrace_EXCEPTION, PyTrace_LINE, PyTrace_RETURN
_EVENT_CODES = {'call': 0, 'exception': 1, 'line': 2, 'return': 3}


def settrace_to_record(records, /) -> None:
    """Record every event of the frames that start from now on into the list `records`, as
    `(event code, line, arg)`; sys.settrace(None) stops it (a C function replaces it)."""
    if not isinstance(records, list):
        raise TypeError('argument must be a list')
    from ..runtime import tracing

    def record(frame, event, arg):
        records.append((_EVENT_CODES[event], frame.f_lineno, arg))
        return record

    tracing.settrace(record)
