"""Running a program as `__main__`: argv, the main module, uncaught exceptions and exit status."""

from __future__ import annotations

import os
import sys
import types

from .builtins import new_module_globals, run_code
from .stack import call_with_room
from .tracebacks import print_exception

__all__ = ['exit_status', 'run_main']

_HOST_RECURSION_LIMIT = 1_000_000
_STACK_BYTES = 1 << 30


def _prepare_host() -> None:
    """Room for deep interpreted recursion: each Memphis call takes several host frames."""
    import resource
    import threading

    sys.setrecursionlimit(_HOST_RECURSION_LIMIT)
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    want = _STACK_BYTES if hard == resource.RLIM_INFINITY else min(_STACK_BYTES, hard)
    if soft != resource.RLIM_INFINITY and soft < want:
        try:
            resource.setrlimit(resource.RLIMIT_STACK, (want, hard))
        except (ValueError, OSError):
            pass
    threading.stack_size(256 << 20)


def exit_status(error: SystemExit) -> int:
    """The process status for `SystemExit`, printing a non-integer code as CPython does."""
    code = error.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        sys.stderr.write(f'{code}\n')
    except Exception:  # noqa: BLE001, S110 - nothing more to report if stderr is gone
        pass
    return 1


def run_main(source: bytes | str, filename: str, argv: list[str]) -> int:
    """Compile and run `source` as the `__main__` module; return the exit status."""
    from ..compiler import compile_source

    _prepare_host()
    sys.argv[:] = argv
    if filename != '<string>' and not os.path.isabs(filename):
        filename = os.path.join(os.getcwd(), filename)
    try:
        code = compile_source(source, filename, 'exec')
    except SyntaxError as error:
        print_exception(error)
        return 1
    module = types.ModuleType('__main__')
    module.__dict__.clear()
    module.__dict__.update(new_module_globals('__main__', filename if filename != '<string>'
                                              else None))
    sys.modules['__main__'] = module
    try:
        call_with_room(run_code, code, module.__dict__, None, None)
    except SystemExit as error:
        return exit_status(error)
    except BaseException as error:  # noqa: BLE001 - every uncaught exception is reported
        _flush_stdout()
        print_exception(error)
        if isinstance(error, KeyboardInterrupt):
            _exit_by_sigint()
        return 1
    finally:
        _flush_stdout()
    return 0


def _exit_by_sigint() -> None:
    """CPython ends on an uncaught KeyboardInterrupt by dying of SIGINT, so the shell knows."""
    import signal

    _flush_stdout()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGINT)


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except Exception:  # noqa: BLE001, S110 - CPython ignores a failing flush at exit too
        pass
