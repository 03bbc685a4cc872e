"""Parity of `interpreter.scopes` with the host's `symtable` module over every stdlib file.

Run as a script for a report: `python tests/conformance/test_symtable_parity.py [--host-parser]
[--verbose] [paths...]` prints "N/M files identical" and the run time.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import symtable as host_symtable
import sys
import sysconfig
import time
import warnings
from pathlib import Path

import pytest

if __name__ == '__main__':
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from interpreter.scopes import build_symtable
from interpreter.scopes.snapshot import describe

__all__ = ['compare_source', 'main', 'scope_parity_report', 'stdlib_files']

STDLIB = Path(sysconfig.get_paths()['stdlib'])


def stdlib_files(root: Path = STDLIB) -> list[Path]:
    """Every .py file of the standard library, test/ included, site-packages left out."""
    found = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d != 'site-packages')
        found.extend(Path(directory, name) for name in sorted(files) if name.endswith('.py'))
    return found


def _parse_ours(source: str, filename: str, host_parser: bool):
    if host_parser:
        return ast.parse(source, filename), []
    from interpreter.parser import parse

    result = parse(source, filename)
    return result.tree, result.errors


def compare_source(source: str, filename: str, *, host_parser: bool = False) -> str | None:
    """None when our tables (or our error) match the host's; else what differs first."""
    # Both parsers warn about old-style code in the stdlib's tests; that is not our concern here.
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            expected = host_symtable.symtable(source, filename, 'exec')
            expected_error = None
        except SyntaxError as exc:
            expected, expected_error = None, (exc.msg, exc.lineno, exc.offset)
        try:
            tree, parse_errors = _parse_ours(source, filename, host_parser)
        except SyntaxError as exc:
            tree, parse_errors = None, [exc]
    if parse_errors:
        first = parse_errors[0]
        got_error = (getattr(first, 'message', None) or first.msg, first.lineno, first.offset)
        if expected_error is None:
            return f'parser rejects valid code: {got_error}'
        return None if got_error == expected_error else f'error {got_error} != {expected_error}'
    table, diagnostics = build_symtable(tree, filename, compiler_checks=False)
    if diagnostics:
        got_error = (diagnostics[0].message, diagnostics[0].lineno, diagnostics[0].offset)
        if expected_error is None:
            return f'unexpected error {got_error}'
        return None if got_error == expected_error else f'error {got_error} != {expected_error}'
    if expected_error is not None:
        return f'missed error {expected_error}'
    ours, theirs = describe(table), describe(expected)
    if ours == theirs:
        return None
    for mine, reference in zip(ours, theirs):
        if mine != reference:
            return f'ours {mine} != host {reference}'
    return f'{len(ours)} rows != {len(theirs)} rows'


def _read(path: Path) -> str | None:
    """The file's text as Python decodes it (BOM and coding cookie honoured), or None."""
    try:
        with open(path, 'rb') as handle:
            return importlib.util.decode_source(handle.read())
    except (OSError, UnicodeDecodeError, SyntaxError, LookupError):
        return None


def scope_parity_report(paths=None, *, host_parser: bool = False, verbose: bool = False,
                        out=sys.stdout) -> tuple[int, int, list[tuple[Path, str]]]:
    """Compare every file; print "N/M files identical" and the seconds taken."""
    paths = stdlib_files() if paths is None else [Path(p) for p in paths]
    start = time.perf_counter()
    failures = []
    total = 0
    for path in paths:
        source = _read(path)
        if source is None:
            continue
        total += 1
        try:
            problem = compare_source(source, str(path), host_parser=host_parser)
        except RecursionError:
            problem = 'RecursionError'
        if problem is not None:
            failures.append((path, problem))
            if verbose:
                print(f'{path}: {problem}', file=out)
    seconds = time.perf_counter() - start
    print(f'{total - len(failures)}/{total} files identical ({seconds:.1f}s, '
          f'{"host" if host_parser else "Memphis"} parser)', file=out)
    return total - len(failures), total, failures


def main(argv=None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument('--host-parser', action='store_true',
                         help="build trees with the host's ast.parse (isolates scope analysis)")
    options.add_argument('--verbose', '-v', action='store_true', help='print each difference')
    options.add_argument('paths', nargs='*', help='files to compare (default: the stdlib)')
    args = options.parse_args(argv)
    identical, total, _ = scope_parity_report(args.paths or None, host_parser=args.host_parser,
                                              verbose=args.verbose)
    return 0 if identical == total else 1


@pytest.mark.slow
def test_stdlib_parity_host_trees():
    """Scope analysis alone: host `ast` trees in, tables identical to the host's symtable."""
    _, _, failures = scope_parity_report(host_parser=True)
    assert not failures, failures[:20]


@pytest.mark.slow
def test_stdlib_parity_memphis_parser():
    """The whole front end: Memphis's parser, then scope analysis."""
    _, _, failures = scope_parity_report()
    assert not failures, failures[:20]


if __name__ == '__main__':
    sys.exit(main())
