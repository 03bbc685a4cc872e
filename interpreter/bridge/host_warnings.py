"""Warnings that host code issues for the program (C builtins: `int()`/`float()` deprecations,
`bool(NotImplemented)`, an unawaited coroutine), through the program's interpreted `warnings`.

The host's C warning machinery (`PyErr_WarnEx`) would locate such a warning in the evaluator's
host frame and apply the host's filters to it (which ignore a DeprecationWarning outside
`__main__`). While a program runs, a host filter lets every warning C code issues from
Memphis's own code through, and the host's `warnings._showwarnmsg` hands it to the interpreted
`warnings.warn_explicit`, at the innermost interpreted frame's line, with that frame's module
registry: the program's filters decide (an 'error' filter raises from the C call, as in CPython).
The host's `warnings.warn` (called by host Python code, such as the host `re` that `_sre` calls
back) counts the levels past its host callers in interpreted frames; its
`_warn_unawaited_coroutine` calls the program's.
"""

from __future__ import annotations

import os
import sys
import warnings

from ..runtime.frames import current_state
from ..runtime.tracebacks import report_unraisable
from .crossing import warn_at_caller

__all__ = ['route_host_warnings', 'warn_as_c']

_PACKAGE_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
_TEMPLATES = '<memphis template '  # runtime.templates' code


class _CalledByMemphis:
    """The module test of the host filter (C calls its `match`): true for a warning that C
    code issues when Memphis's own code called it for an interpreted frame, located there
    (stacklevel 1): the module C names is the running host frame's `__name__` ('<string>'
    for a template's). Outside the program (its exit's collection) the host's filters apply."""

    def match(self, module) -> bool:
        caller = sys._getframe(1)
        return (_from_memphis(caller.f_code.co_filename)
                and caller.f_globals.get('__name__', '<string>') == module
                and current_state().frame is not None)


# warnings.filters' entry shape: (action, message, category, module, lineno)
_FILTER = ('always', None, Warning, _CalledByMemphis(), 0)


def _from_memphis(filename) -> bool:
    """The warning was located in Memphis's own code (the evaluator calling C)."""
    return isinstance(filename, str) and filename.startswith((_PACKAGE_FOLDER, _TEMPLATES))


def _interpreted_warnings():
    from ..imports.system import memphis_import

    return memphis_import('warnings')


def warn_as_c(message: str | Warning, category: type[Warning], source=None) -> None:
    """What CPython's `PyErr_WarnEx(category, message, 1)` does (`PyErr_ResourceWarning`
    with a `source`), for Memphis's replacements of C code: warn at the running interpreted
    line through the program's `warnings` (imported for it, as C's `_warnings` is always there
    in CPython)."""
    _interpreted_warnings()
    warn_at_caller(message, category, source=source)


def _route(host_showwarnmsg):
    def _showwarnmsg(msg):
        """The host's warnings._showwarnmsg while a program runs: a warning issued by host code
        for the program goes to the program's `warnings` (imported for it, as C's `_warnings`
        is always there in CPython), others are shown as before."""
        if not _from_memphis(msg.filename) or current_state().frame is None:
            host_showwarnmsg(msg)
            return
        warn_as_c(msg.message, msg.category, msg.source)

    _showwarnmsg.routed = True
    return _showwarnmsg


def _warn_unawaited_coroutine(coro) -> None:
    """The host's warnings._warn_unawaited_coroutine while a program runs: what CPython's C
    `_PyErr_WarnUnawaitedCoroutine` does with the program's `warnings`: its
    `_warn_unawaited_coroutine` (the warning at stacklevel 2: the interpreted frame running
    when the coroutine was dropped); if that is missing or fails other than by raising the
    RuntimeWarning, the failure is unraisable and a plain warning is issued instead."""
    if current_state().frame is None:
        _host_warn_unawaited_coroutine(coro)
        return
    warn = getattr(_interpreted_warnings(), '_warn_unawaited_coroutine', None)
    if warn is not None:
        try:
            warn(coro)
            return
        except RuntimeWarning:
            raise  # the C code reports it as unraisable: the warning was issued
        except Exception as error:  # noqa: BLE001 - reported as C reports it
            report_unraisable(error, coro)
    warn_at_caller(f"coroutine '{coro.__qualname__}' was never awaited", RuntimeWarning)


_host_warn_unawaited_coroutine = warnings._warn_unawaited_coroutine


def _warn(message, category=None, stacklevel=1, source=None):
    """The host's warnings.warn while a program runs (host Python code calls it: the host `re`
    that C `_sre` calls back): levels past the host's own frames count interpreted frames,
    from the one running, as the program's `warnings.warn` counts them."""
    frame = sys._getframe(1)
    level = stacklevel
    while level > 1 and frame is not None and not _from_memphis(frame.f_code.co_filename):
        frame = frame.f_back
        level -= 1
    if frame is None or not _from_memphis(frame.f_code.co_filename) \
            or current_state().frame is None:
        _host_warn(message, category, stacklevel + 1, source)
        return
    # called from the host, the program's warn() sees the running interpreted frame as its
    # caller (level 1)
    _interpreted_warnings().warn(message, category, level, source)


_host_warn = warnings.warn


def route_host_warnings() -> None:
    """Send the warnings host code issues for the running program to its `warnings` module
    (idempotent; installed in the host's `warnings` module, which the host C code reads)."""
    if _FILTER not in warnings.filters:
        warnings.filters.insert(0, _FILTER)
        warnings._filters_mutated()
    if not getattr(warnings._showwarnmsg, 'routed', False):
        warnings._showwarnmsg = _route(warnings._showwarnmsg)
    warnings._warn_unawaited_coroutine = _warn_unawaited_coroutine
    warnings.warn = _warn
