"""Parity check against CPython: parse every stdlib file with Memphis and with `ast`, compare.

Run `python -m interpreter.parser.parity [ROOT] [--parso]`; prints "N/M files identical".
"""

from __future__ import annotations

import ast
import os
import sys
import sysconfig
import time
import warnings

from ..nodes import to_ast
from . import parse

__all__ = ['compare_file', 'main', 'run_parity', 'stdlib_files']


def stdlib_files(root: str | None = None) -> list[str]:
    """Every .py file of the host's standard library (site-packages excluded), sorted."""
    root = root or sysconfig.get_paths()['stdlib']
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ('site-packages', '__pycache__'))
        found.extend(os.path.join(folder, f) for f in sorted(files) if f.endswith('.py'))
    return found


def compare_file(path: str) -> tuple[str, str]:
    """('same' | 'differ' | 'error-same' | 'error-differ' | 'crash', detail) for one file."""
    with open(path, 'rb') as handle:
        data = handle.read()
    try:
        with warnings.catch_warnings():
            # CPython warns about invalid escapes in some test files; we compare trees only.
            warnings.simplefilter('ignore')
            expected = ast.dump(ast.parse(data, path), include_attributes=True)
        cpython_error = None
    except SyntaxError as exc:
        expected = None
        cpython_error = (exc.lineno, exc.msg)
    except (ValueError, UnicodeDecodeError) as exc:
        expected = None
        cpython_error = (None, str(exc))
    try:
        result = parse(data, path)
    except Exception as exc:  # noqa: BLE001 - a crash is exactly what we report
        return 'crash', f'{type(exc).__name__}: {exc}'
    if cpython_error is not None:
        if not result.errors:
            return 'error-differ', f'CPython {cpython_error}, Memphis no error'
        first = result.error
        mine = (first.lineno, first.message)
        if mine == cpython_error or cpython_error[0] is None and first.message == cpython_error[1]:
            return 'error-same', ''
        return 'error-differ', f'CPython {cpython_error}, Memphis {mine}'
    if result.errors:
        return 'differ', f'unexpected error {result.errors[0]!r}'
    got = ast.dump(to_ast(result.tree), include_attributes=True)
    if got == expected:
        return 'same', ''
    return 'differ', _first_difference(got, expected)


def _first_difference(got: str, expected: str) -> str:
    index = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b),
                 min(len(got), len(expected)))
    return f'memphis ...{got[max(0, index - 150):index + 80]}\n  cpython ...' \
           f'{expected[max(0, index - 150):index + 80]}'


def run_parity(files: list[str] | None = None, verbose: bool = False) -> dict:
    """Compare every file; return counts and the failing files with a short reason."""
    files = stdlib_files() if files is None else files
    counts: dict[str, int] = {}
    failures: list[tuple[str, str, str]] = []
    for path in files:
        status, detail = compare_file(path)
        counts[status] = counts.get(status, 0) + 1
        if status in ('differ', 'error-differ', 'crash'):
            failures.append((path, status, detail))
            if verbose:
                print(f'{status}: {path}\n  {detail}', flush=True)
    return {'counts': counts, 'failures': failures, 'total': len(files)}


def measure_speed(files: list[str], with_parso: bool = True) -> dict:
    """Lines per second for Memphis's parse and (if installed) parso.parse on the same files."""
    texts = []
    for path in files:
        with open(path, 'rb') as handle:
            data = handle.read()
        try:
            texts.append(data.decode('utf-8'))
        except UnicodeDecodeError:
            continue
    lines = sum(text.count('\n') + 1 for text in texts)
    began = time.perf_counter()
    for text in texts:
        parse(text)
    mine = time.perf_counter() - began
    speeds = {'lines': lines, 'memphis_seconds': mine, 'memphis_lines_per_s': lines / mine}
    if with_parso:
        try:
            import parso
        except ImportError:
            return speeds
        grammar = parso.load_grammar(version='3.11')
        began = time.perf_counter()
        for text in texts:
            grammar.parse(text, cache=False)
        theirs = time.perf_counter() - began
        speeds.update(parso_seconds=theirs, parso_lines_per_s=lines / theirs)
    return speeds


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    want_parso = '--parso' in argv
    roots = [a for a in argv if not a.startswith('-')]
    files = stdlib_files(roots[0] if roots else None)
    began = time.perf_counter()
    report = run_parity(files, verbose='-v' in argv)
    elapsed = time.perf_counter() - began
    counts = report['counts']
    identical = counts.get('same', 0) + counts.get('error-same', 0)
    print(f'{identical}/{report["total"]} files identical ({counts}) in {elapsed:.1f}s')
    for path, status, detail in report['failures'][:30]:
        print(f'{status}: {path}\n  {detail}')
    if want_parso:
        speeds = measure_speed(files)
        print(', '.join(f'{k}={v:,.1f}' for k, v in speeds.items()))
    return 0 if identical == report['total'] else 1


if __name__ == '__main__':
    sys.exit(main())
