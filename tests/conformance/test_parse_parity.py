"""Parity of `interpreter.parser` with CPython's `ast.parse` over every stdlib .py file.

Valid files must give an identical `ast.dump(..., include_attributes=True)` and no error; the
files CPython rejects must give CPython's first error (line and message). The same report, with
counts, comes from `python -m interpreter.parser.parity`; speed is in benchmarks/parse_speed.py.
"""

from __future__ import annotations

import time

import pytest

from interpreter.parser.parity import run_parity, stdlib_files


@pytest.mark.slow
def test_stdlib_parity():
    files = stdlib_files()
    assert len(files) > 1500
    began = time.perf_counter()
    report = run_parity(files)
    elapsed = time.perf_counter() - began
    counts = report['counts']
    identical = counts.get('same', 0) + counts.get('error-same', 0)
    print(f'\n{identical}/{report["total"]} files identical in {elapsed:.1f}s: {counts}')
    for path, status, detail in report['failures'][:20]:
        print(f'{status}: {path}\n  {detail}')
    assert counts.get('crash', 0) == 0
    assert identical == report['total'], [f[0] for f in report['failures']]
