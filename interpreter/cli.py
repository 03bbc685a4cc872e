"""The `memphis` command line: option parsing in CPython's style, and the front-end tools."""

from __future__ import annotations

import sys

__all__ = ['main']

USAGE = """\
usage: memphis [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-c cmd     : program passed in as string
-i         : inspect interactively (the REPL) after running the program, or alone
-m mod     : run library module as a script (with CPython's runpy, interpreted)
-v         : verbose: for each import, say on stderr where it came from (see README)
--check    : report every syntax and compile-time error of the files given, then exit
--dump-ast : print the syntax tree of the file given, as ast.dump would
-h, --help : print this help message and exit
--version  : print the Memphis version and exit
Environment: MEMPHIS_CACHE_DIR (where parsed modules are cached), MEMPHIS_CACHE (on, read, off)
"""

# One-letter options that take no value; they may be combined (`-iv`), as in CPython.
_FLAGS = {'i': 'inspect', 'v': 'verbose'}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status. Without `argv` (the process's own
    command line: the process ends next), the heap is handed over for a quick exit."""
    if argv is None:
        status = main(sys.argv[1:])
        _prepare_exit()
        return status
    args = argv
    if args and args[0] in ('-h', '--help'):
        sys.stdout.write(USAGE)
        return 0
    if args and args[0] == '--version':
        from . import __version__

        print(f'Memphis {__version__} (Python {sys.version.split()[0]} host)')
        return 0
    if args and args[0] == '--check':
        return check_files(args[1:])
    if args and args[0] == '--dump-ast':
        return dump_ast(args[1:])
    options = {'inspect': False, 'verbose': False}
    index = 0
    while index < len(args) and args[index].startswith('-') and args[index] != '-':
        option = args[index]
        if option == '--':
            index += 1
            break
        for position, letter in enumerate(option[1:], 1):
            if letter in _FLAGS:
                options[_FLAGS[letter]] = True
                continue
            if letter in 'cm':
                value = option[position + 1:]
                rest = args[index + 1:]
                if not value:
                    if not rest:
                        sys.stderr.write(f'Argument expected for the -{letter} option\n'
                                         f'usage: {sys.executable} [option] ... [-c cmd | -m mod '
                                         "| file | -] [arg] ...\nTry `python -h' for more "
                                         'information.\n')
                        return 2
                    value, rest = rest[0], rest[1:]
                return _run_program(letter, value, rest, options)
            sys.stderr.write(f'Unknown option: -{letter}\n')
            return 2
        index += 1
    rest = args[index:]
    if not rest or rest[0] == '-':
        return run_stdin(rest[1:], **options)
    return run_file(rest[0], rest, **options)


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


def run_stdin(args: list[str] | None = None, *, inspect: bool = False,
              verbose: bool = False) -> int:
    """No program given: the REPL on a terminal or with -i, else stdin's text run as the
    program."""
    if inspect or (sys.stdin is not None and sys.stdin.isatty()):
        from .imports.system import reset_import_state
        from .repl import interact
        from .runtime.entry import main_module, wait_for_threads

        state = reset_import_state('', ['', *(args or ())], verbose=verbose)
        status = interact(main_module(state, None).__dict__)
        wait_for_threads()
        return status
    from .runtime.entry import run_main

    data = sys.stdin.buffer.read() if sys.stdin is not None else b''
    return run_main(data, '<stdin>', ['-' if args else '', *(args or ())], verbose=verbose)


def run_file(path: str, argv: list[str], *, inspect: bool = False,
             verbose: bool = False) -> int:
    """`memphis prog.py args`: run the file as `__main__` with `sys.argv` = argv."""
    from .runtime.entry import run_main

    data = _read_program(path)
    if data is None:
        return 2
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
