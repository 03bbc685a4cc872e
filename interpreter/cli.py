"""The `memphis` command line: option parsing in CPython's style, and the front-end tools."""

from __future__ import annotations

import sys

__all__ = ['main']

USAGE = """\
usage: memphis [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (CPython's, with the same meaning; and corresponding environment variables):
-b     : issue warnings about str(bytes_instance), str(bytearray_instance)
         and comparing bytes/bytearray with str. (-bb: issue errors)
-B     : don't write .pyc files on import (sys.dont_write_bytecode; Memphis's parse
         cache is MEMPHIS_CACHE's business); also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-d     : turn on parser debugging output (sys.flags.debug; no output); also PYTHONDEBUG=x
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate Python from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list; runpy interpreted)
-O     : remove assert and __debug__-dependent statements; also PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings
-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE
-S     : don't imply 'import site' on initialization (sys.path without site-packages)
-u     : force the stdout and stderr streams to be unbuffered;
         this option has no effect on stdin; also PYTHONUNBUFFERED=x
-v     : verbose: for each import, say on stderr where it came from (see README);
         also PYTHONVERBOSE=x
-V     : print the Memphis version and exit (also --version)
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-X opt : set implementation-specific option (sys._xoptions); these act as in CPython:
         dev, faulthandler, tracemalloc[=N], no_debug_ranges, frozen_modules=on|off,
         pycache_prefix=PATH, and through the host: utf8[=0|1], warn_default_encoding,
         int_max_str_digits=N
--check-hash-based-pycs always|default|never: accepted (Memphis writes no .pyc)
Memphis's own (first on the command line):
--check    : report every syntax and compile-time error of the files given, then exit
--dump-ast : print the syntax tree of the file given, as ast.dump would
Arguments:
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
Environment: MEMPHIS_CACHE_DIR (where parsed modules are cached), MEMPHIS_CACHE (on, read, off)
"""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status. Without `argv` (the process's own
    command line: the process ends next), the heap is handed over for a quick exit."""
    if argv is None:
        status = _main(sys.argv[1:], own_process=True)
        _prepare_exit()
        return status
    return _main(argv, own_process=False)


def _main(args: list[str], *, own_process: bool) -> int:
    if args and args[0] == '--check':
        return check_files(args[1:])
    if args and args[0] == '--dump-ast':
        return dump_ast(args[1:])
    from .options import UsageError, parse_command_line, usage_line

    try:
        options = parse_command_line(args)
    except UsageError as error:
        sys.stderr.write(f"{error}\n{usage_line()}Try `python -h' for more information.\n")
        return 2
    kind, value = options.run
    if kind == 'help':
        sys.stdout.write(USAGE)
        return 0
    if kind == 'version':
        from . import __version__

        print(f'Memphis {__version__} (Python {sys.version.split()[0]} host)')
        return 0
    from .runtime import startup

    if own_process:
        restart = startup.host_restart_arguments(options)
        environment = startup.host_restart_environment(options)
        if restart or environment is not None:
            _restart_host(restart, environment)
        startup.restore_environment()
    flags = startup.configure(options)
    settings = {'inspect': bool(flags.inspect), 'verbose': bool(flags.verbose)}
    if kind in 'cm':
        return _run_program(kind, value, options.args, settings)
    if kind == 'stdin':
        # sys.argv[0] is '-' when given, else '' (nothing else can follow: it would be a file)
        return run_stdin([value, *options.args], quiet=options.quiet, **settings)
    return run_file(value, [value, *options.args], skip_first_line=options.skip_first_line,
                    **settings)


def _restart_host(host_options: list[str], environment: dict | None) -> None:
    """Start the process again with `host_options` given to the host Python and in
    `environment` (what only its C code can do); on success this does not return."""
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    command = [sys.orig_argv[0], *host_options, *sys.orig_argv[1:]]
    try:
        os.execve(sys.executable, command, os.environ if environment is None else environment)
    except OSError as error:
        sys.stderr.write(f'memphis: could not start {sys.executable} again with '
                         f'{" ".join(host_options)}: {error}\n')


def _prepare_exit() -> None:
    """Collect the garbage now (finalizers run as at CPython's exit), then freeze the rest:
    the host's shutdown collections would otherwise scan the interpreted program's whole heap
    (a million objects after importing asyncio) several times, which took seconds."""
    import gc

    gc.collect()
    gc.freeze()


def _run_program(letter: str, value: str, rest: list[str], options: dict) -> int:
    from .runtime.entry import run_main, run_module

    if letter == 'c':
        return run_main(value, '<string>', ['-c', *rest], **options)
    return run_module(value, rest, **options)


def run_stdin(argv: list[str] | None = None, *, inspect: bool = False,
              verbose: bool = False, quiet: bool = False) -> int:
    """No program given, or `-`: the REPL on a terminal or with -i, else stdin's text run as
    the program, with `sys.argv` = argv (['-', args...] or [''])."""
    argv = argv or ['']
    if inspect or (sys.stdin is not None and sys.stdin.isatty()):
        from .imports.system import reset_import_state
        from .repl import interact
        from .runtime.entry import main_module, wait_for_threads

        state = reset_import_state('', argv, verbose=verbose)
        status = interact(main_module(state, None).__dict__, banner=not quiet)
        wait_for_threads()
        return status
    from .runtime.entry import run_main

    data = sys.stdin.buffer.read() if sys.stdin is not None else b''
    return run_main(data, '<stdin>', argv, verbose=verbose)


def run_file(path: str, argv: list[str], *, inspect: bool = False,
             verbose: bool = False, skip_first_line: bool = False) -> int:
    """`memphis prog.py args`: run the file as `__main__` with `sys.argv` = argv (-x: less
    its first line)."""
    from .runtime.entry import run_main

    data = _read_program(path)
    if data is None:
        return 2
    if skip_first_line:
        from .runtime.startup import skip_first_line as skipped

        data = skipped(data)
    return run_main(data, path, argv, inspect=inspect, verbose=verbose)


def _read_program(path: str) -> bytes | None:
    try:
        with open(path, 'rb') as handle:
            return handle.read()
    except OSError as error:
        import os

        shown = path if os.path.isabs(path) else os.path.join(os.getcwd(), path)
        sys.stderr.write(f"{sys.executable}: can't open file {shown!r}: [Errno {error.errno}] "
                         f'{error.strerror}\n')
        return None


def _read(path: str) -> bytes | None:
    try:
        with open(path, 'rb') as handle:
            return handle.read()
    except OSError as error:
        sys.stderr.write(f"memphis: can't open file {path!r}: [Errno {error.errno}] "
                         f'{error.strerror}\n')
        return None


def check_files(paths: list[str]) -> int:
    """Print every diagnostic of each file as `path:line:col: Kind: message`; 1 if any."""
    from .parser import parse
    from .scopes import build_symtable
    from .source import decode_source

    if not paths:
        sys.stderr.write('memphis --check: no files given\n')
        return 2
    status = 0
    for path in paths:
        data = _read(path)
        if data is None:
            status = 2
            continue
        result = parse(data, path)
        diagnostics = list(result.errors)
        if not result.errors:
            source = decode_source(data, path)
            diagnostics.extend(build_symtable(result.tree, path, source=source)[1])
        for diagnostic in diagnostics:
            print(f'{path}:{diagnostic.lineno}:{diagnostic.offset}: {diagnostic.kind}: '
                  f'{diagnostic.message}')
        if diagnostics:
            status = max(status, 1)
    return status


def dump_ast(paths: list[str]) -> int:
    """Print `ast.dump` of the file's tree (with positions), and its errors on stderr."""
    import ast

    from .nodes import to_ast
    from .parser import parse

    if len(paths) != 1:
        sys.stderr.write('memphis --dump-ast: give exactly one file\n')
        return 2
    data = _read(paths[0])
    if data is None:
        return 2
    result = parse(data, paths[0])
    print(ast.dump(to_ast(result.tree), include_attributes=True, indent=1))
    for diagnostic in result.errors:
        sys.stderr.write(f'{paths[0]}:{diagnostic.lineno}:{diagnostic.offset}: '
                         f'{diagnostic.kind}: {diagnostic.message}\n')
    return 1 if result.errors else 0
