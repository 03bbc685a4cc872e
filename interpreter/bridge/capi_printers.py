"""`_testcapi.exception_print` and `traceback_print` for Memphis: CPython's C printers
(`PyErr_Display`, `PyTraceBack_Print`) on the Memphis traceback, not the host's."""

from __future__ import annotations

__all__ = ['exception_print', 'traceback_print']


def exception_print(value, /) -> None:
    """`_testcapi.exception_print(value)`: `PyErr_Display` of `value` on the program's
    `sys.stderr`, which is then flushed (a failing flush is ignored, as in C)."""
    from ..runtime.host import sys_attribute
    from ..runtime.tracebacks import excepthook

    file = sys_attribute('stderr')
    if file is None:
        return
    # Memphis's sys.excepthook is the same printer, with C's wording for a non-exception
    excepthook(type(value), value, None)
    try:
        file.flush()
    except Exception:  # noqa: BLE001, S110 - _PyErr_Display ignores a failing flush
        pass


def traceback_print(traceback, file, /) -> None:
    """`_testcapi.traceback_print(traceback, file)`: `PyTraceBack_Print` of a Memphis
    traceback to `file`; any other object goes to the host function (a host traceback is
    printed by it, anything else is its SystemError)."""
    from ..runtime.tracebacks import Traceback, format_traceback

    if not isinstance(traceback, Traceback):
        traceback_print.memphis_original(traceback, file)
        return
    for line in format_traceback(traceback):
        file.write(line)
