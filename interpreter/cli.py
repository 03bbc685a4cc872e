"""The `memphis` command line: option parsing in CPython's style, and the front-end tools."""

from __future__ import annotations

import sys

__all__ = ['main']

USAGE = """\
usage: memphis [option] ... [-c cmd | file] [arg] ...
Options:
-c cmd     : program passed in as string
--check    : report every syntax and compile-time error of the files given, then exit
--dump-ast : print the syntax tree of the file given, as ast.dump would
-h, --help : print this help message and exit
--version  : print the Memphis version and exit
"""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ('-h', '--help'):
        if not args:
            sys.stderr.write('memphis: the REPL is not built yet; give a file, -c CMD, '
                             '--check or --dump-ast\n')
            return 2
        sys.stdout.write(USAGE)
        return 0
    if args[0] == '--version':
        from . import __version__

        print(f'Memphis {__version__} (Python {sys.version.split()[0]} host)')
        return 0
    if args[0] == '--check':
        return check_files(args[1:])
    if args[0] == '--dump-ast':
        return dump_ast(args[1:])
    if args[0] == '-c':
        if len(args) < 2:
            sys.stderr.write('Argument expected for the -c option\n')
            return 2
        from .runtime.entry import run_main

        return run_main(args[1], '<string>', ['-c', *args[2:]])
    if args[0].startswith('-') and args[0] != '-':
        sys.stderr.write(f'Unknown option: {args[0]}\n')
        return 2
    return run_file(args[0], args)


def run_file(path: str, argv: list[str]) -> int:
    """`memphis prog.py args`: run the file as `__main__` with `sys.argv` = argv."""
    from .runtime.entry import run_main

    data = _read_program(path)
    if data is None:
        return 2
    return run_main(data, path, argv)


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
