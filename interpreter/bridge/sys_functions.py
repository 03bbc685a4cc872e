"""The functions of Memphis's `sys` that answer for the Memphis stack, not the host's.

`SYS_FUNCTIONS` maps each overlaid `sys` name to its function; the `sys` overlay installs them.
"""

from __future__ import annotations

import sys
import types

from ..runtime import tracing
from ..runtime.c_calls import stand_in_modules
from ..runtime.display import displayhook
from ..runtime.frames import current_state, recursion_limit, thread_states
from ..runtime.tracebacks import exc_info as memphis_exc_info
from ..runtime.tracebacks import excepthook, unraisablehook
from .breakpoints import breakpointhook
from .crossing import guarded_functions

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


def settrace(function, /) -> None:
    """Set the global debug tracing function of this thread (CPython's protocol)."""
    tracing.settrace(function)
    _drop_host_hook(sys.gettrace, sys.settrace)


def gettrace():
    """Return the global debug tracing function set with sys.settrace."""
    return tracing.gettrace()


def setprofile(function, /) -> None:
    """Set the profiling function of this thread (interpreted calls and returns)."""
    tracing.setprofile(function)
    _drop_host_hook(sys.getprofile, sys.setprofile)


def _drop_host_hook(get, set_) -> None:
    """CPython's sys.settrace and sys.setprofile replace a C-level function a C extension
    installed (PyEval_SetTrace: cProfile's profiler, _testcapi's recorder); the program's
    replace the host thread's too, which traces Memphis itself (and a recorder whose list the
    program then frees would crash the host)."""
    if get() is not None:
        set_(None)


def getprofile():
    """Return the profiling function set with sys.setprofile."""
    return tracing.getprofile()


def exc_info() -> tuple:
    """Return (type, value, traceback) of the exception being handled (a Memphis traceback)."""
    return memphis_exc_info()


def exception():
    """Return the current exception (the one being handled), or None."""
    from ..runtime.exceptions import exception_being_handled

    return exception_being_handled(current_state().frame)


def _current_frames() -> dict:
    """Return a dict mapping each thread's identifier to its topmost Memphis frame."""
    return {ident: state.frame for ident, state in list(thread_states.items())
            if state.frame is not None}


def _current_exceptions() -> dict:
    """Return a dict mapping each thread's identifier to its current raised exception (as
    CPython 3.11: a (type, value, traceback) tuple, the traceback Memphis's)."""
    from ..runtime.tracebacks import traceback_of

    found = {}
    for ident, (exc_type, error, traceback) in sys._current_exceptions().items():
        if error is not None:
            traceback = traceback_of(error)
        found[ident] = (exc_type, error, traceback)
    return found


def call_tracing(func, args, /):
    """Call func(*args) (Memphis traces it as any other call when tracing is on)."""
    if not isinstance(args, tuple):
        raise TypeError(f'call_tracing() argument 2 must be tuple, not {type(args).__name__}')
    return func(*args)


SYS_FUNCTIONS = {'getrecursionlimit': getrecursionlimit, 'setrecursionlimit': setrecursionlimit,
                 '_getframe': _getframe, 'displayhook': displayhook,
                 '__displayhook__': displayhook, 'settrace': settrace, 'gettrace': gettrace,
                 'setprofile': setprofile, 'getprofile': getprofile, 'exc_info': exc_info,
                 'exception': exception, '_current_frames': _current_frames,
                 '_current_exceptions': _current_exceptions,
                 'call_tracing': call_tracing, 'breakpointhook': breakpointhook,
                 '__breakpointhook__': breakpointhook, 'excepthook': excepthook,
                 '__excepthook__': excepthook, 'unraisablehook': unraisablehook,
                 '__unraisablehook__': unraisablehook}
# the sys entries of the crossing table warn, then do what they did
SYS_FUNCTIONS.update(guarded_functions('sys', lambda name: SYS_FUNCTIONS.get(name)
                                       or getattr(sys, name)))
# (built-ins of CPython: a profile function gets their 'c_call' events, runtime.c_calls)
stand_in_modules.update((function, 'sys') for function in SYS_FUNCTIONS.values()
                        if isinstance(function, types.FunctionType))
