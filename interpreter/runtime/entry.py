"""Running a program as `__main__`: argv, the main module, uncaught exceptions and exit status."""

from __future__ import annotations

import os
import sys
import types

from .builtins import new_module_globals, run_code
from .stack import call_with_room
from .tracebacks import host_unraisablehook, print_exception, report_unraisable

__all__ = ['exit_status', 'run_main', 'run_module', 'wait_for_threads']

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
    # what the host reports as unraisable (a failing __del__ of an interpreted class) goes to
    # the program's sys.unraisablehook, with the Memphis traceback
    sys.unraisablehook = host_unraisablehook
    # what host C code warns (int() of a float-returning __int__, ...) goes to the program's
    # interpreted warnings module, located at its line
    from ..bridge.host_warnings import route_host_warnings

    route_host_warnings()


def exit_status(error: SystemExit) -> int:
    """The process status for `SystemExit`, printing a non-integer code as CPython does."""
    code = error.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    from .host import sys_attribute

    try:
        sys_attribute('stderr').write(f'{code}\n')
    except Exception:  # noqa: BLE001, S110 - nothing more to report if stderr is gone
        pass
    return 1


def run_main(source: bytes | str, filename: str, argv: list[str], *, verbose: bool = False,
             inspect: bool = False) -> int:
    """Compile and run `source` as the `__main__` module; return the exit status.

    `verbose` is `memphis -v` (imports reported, see imports.system.report); `inspect` is
    `memphis -i` (the REPL in the program's namespace afterwards, whatever the outcome)."""
    from ..compiler import compile_source
    from ..imports.system import reset_import_state
    from .startup import optimize_level

    _prepare_host()
    if not filename.startswith('<') and not os.path.isabs(filename):
        filename = os.path.join(os.getcwd(), filename)
    # CPython's sys.path[0]: the script's real folder, '' for -c and stdin
    script_directory = '' if filename.startswith('<') else os.path.dirname(
        os.path.realpath(filename))
    state = reset_import_state(script_directory, argv, verbose=verbose)
    module = main_module(state, None if filename == '<string>' else filename)
    try:
        # CPython parses a script or piped stdin as a file, `-c` code as a string.
        code = compile_source(source, filename, 'exec', from_file=filename != '<string>',
                              optimize=optimize_level())
    except SyntaxError as error:
        print_exception(error)
        return _inspect(module) if inspect else 1
    return _run_as_main(lambda: run_code(code, module.__dict__, None, None), module, inspect)


def run_module(name: str, args: list[str], *, verbose: bool = False,
               inspect: bool = False) -> int:
    """`memphis -m name args`: CPython's `runpy._run_module_as_main(name)`, with runpy itself
    interpreted (its frames are named `<frozen runpy>`, as CPython's frozen copy's are), so
    the search, `sys.argv[0]`, `__spec__`, packages' `__main__` and the error messages are
    CPython's own."""
    from ..imports.system import reset_import_state

    _prepare_host()
    state = reset_import_state(os.getcwd(), ['-m', *args], verbose=verbose)
    module = main_module(state, None)
    try:
        runpy = _frozen_runpy(state)
    except BaseException as error:  # noqa: BLE001 - reported as CPython reports start-up errors
        print_exception(error)
        return 1
    return _run_as_main(lambda: runpy._run_module_as_main(name), module, inspect)


def main_module(state, filename: str | None) -> types.ModuleType:
    """A fresh `__main__` module (for a script, `-m`, `-c` or the REPL) in `state.modules`."""
    module = types.ModuleType('__main__')
    module.__dict__.clear()
    module.__dict__.update(new_module_globals('__main__', filename))
    # CPython gives a script's __main__ no spec; it lives in Memphis's sys.modules only.
    state.modules['__main__'] = module
    return module


def _frozen_runpy(state) -> types.ModuleType:
    """The interpreted `runpy`, compiled under the name CPython's frozen copy shows (under
    `-X frozen_modules=off`, its file's, as CPython runs the source then)."""
    import importlib.util

    from ..imports.cache import compile_cached
    from ..imports.machinery import SourceLoader
    from .host import sys_attribute

    spec = state.meta_path[-1].find_spec('runpy')
    if spec is None or not isinstance(spec.loader, SourceLoader):
        raise ImportError("No module named 'runpy'", name='runpy')
    module = importlib.util.module_from_spec(spec)
    module.__dict__.setdefault('__builtins__', new_module_globals('runpy')['__builtins__'])
    state.modules['runpy'] = module
    code, spec.loader.cached = compile_cached(spec.origin, lambda: spec.loader.get_data(
        spec.origin), code_filename=None if (sys_attribute('_xoptions') or {}).get(
            'frozen_modules') == 'off' else '<frozen runpy>')
    call_with_room(run_code, code, module.__dict__, None, None)
    return module


def _run_as_main(run, module: types.ModuleType, inspect: bool) -> int:
    """Run `run()` as the program; report an uncaught exception as CPython does."""
    status = _run_reporting(run, inspect)
    if inspect:  # outside the handler, so the REPL's errors do not chain to the program's
        status = _inspect(module)
    wait_for_threads()
    return status


def _run_reporting(run, inspect: bool) -> int | None:
    """`run()`'s exit status; None for an uncaught exception under -i (which CPython reports
    with a traceback, SystemExit included, and then inspects)."""
    try:
        call_with_room(run)
    except SystemExit as error:
        if not inspect:
            return exit_status(error)
        flush_stdout()
        print_exception(error)
        return None
    except BaseException as error:  # noqa: BLE001 - every uncaught exception is reported
        flush_stdout()
        report_uncaught(error)
        if inspect:
            return None
        if isinstance(error, KeyboardInterrupt):
            wait_for_threads()
            _exit_by_sigint()
        return 1
    finally:
        flush_stdout()
    return 0


def wait_for_threads() -> None:
    """What CPython's finalization does first: `threading._shutdown()` of the program's own
    (interpreted) `threading`, if imported: its `_register_atexit` callbacks (executors), then
    a wait for every non-daemon thread. The host's finalization only knows the host's module.
    An exception there (Ctrl-C while waiting) is reported as CPython's PyErr_WriteUnraisable."""
    from ..imports.system import import_state

    threading = import_state().modules.get('threading')
    shutdown = getattr(threading, '_shutdown', None)
    if shutdown is None:
        return
    try:
        call_with_room(shutdown)
    except BaseException as error:  # noqa: BLE001 - reported, as CPython does here
        report_unraisable(error, threading)


def report_uncaught(error: BaseException) -> None:
    """Hand an uncaught exception to the program's `sys.excepthook`, as CPython does; ours
    prints it, and so does a failing hook, after its own error."""
    from .host import sys_attribute
    from .tracebacks import excepthook, memphis_traceback

    hook = sys_attribute('excepthook')
    if hook is None or hook is excepthook:
        print_exception(error)
        return

    try:
        hook(type(error), error, memphis_traceback(error))
    except BaseException as hook_error:  # noqa: BLE001 - reported as CPython reports it
        if hook_error.__context__ is error:  # called from our handler; CPython's hook is not
            hook_error.__context__ = None
        stderr = sys_attribute('stderr')
        if stderr is None:
            return
        stderr.write('Error in sys.excepthook:\n')
        print_exception(hook_error)
        stderr.write('\nOriginal exception was:\n')
        print_exception(error)


def _inspect(module: types.ModuleType) -> int:
    """`-i`: the REPL in the program's namespace; its own exit status once it ends."""
    from ..repl import interact

    return interact(module.__dict__, banner=False)


def _exit_by_sigint() -> None:
    """CPython ends on an uncaught KeyboardInterrupt by dying of SIGINT, so the shell knows."""
    import signal

    flush_stdout()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGINT)


def flush_stdout() -> None:
    """Flush the program's `sys.stdout` (and the host's, if it is another stream)."""
    from .host import sys_attribute

    for stream in {id(s): s for s in (sys_attribute('stdout'), sys.stdout)}.values():
        try:
            stream.flush()
        except Exception:  # noqa: BLE001, S110 - CPython ignores a failing flush at exit too
            pass
