"""Every file of the host's standard library that the front end accepts compiles to closures.

A robustness sweep over real code: no crash, no symbol table left unmatched. Nothing runs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from interpreter.compiler import compile_source

LIBRARY = Path(os.__file__).parent
FILES = sorted(p for p in LIBRARY.rglob('*.py') if 'site-packages' not in p.parts)


@pytest.mark.slow
def test_standard_library_compiles() -> None:
    failures = []
    for path in FILES:
        try:
            compile_source(path.read_bytes(), str(path))
        except SyntaxError:
            continue  # the front end's verdict, tested by its own suites
        except Exception as error:  # noqa: BLE001 - every other failure is a compiler bug
            failures.append(f'{path.relative_to(LIBRARY)}: {type(error).__name__}: {error}')
    assert not failures, '\n'.join(failures[:20])
