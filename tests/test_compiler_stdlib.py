"""Every file of the host's standard library that the front end accepts compiles to closures.

A robustness sweep over real code: no crash, no symbol table left unmatched. Nothing runs.
The warnings compiling gives (invalid escapes, SyntaxWarnings) are the host `compile()`'s.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

from interpreter.compiler import compile_source

LIBRARY = Path(os.__file__).parent
FILES = sorted(p for p in LIBRARY.rglob('*.py') if 'site-packages' not in p.parts)


@pytest.mark.slow
def test_standard_library_compiles() -> None:
    failures = []
    for path in FILES:
        source = path.read_bytes()
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter('always')
                compile_source(source, str(path))
        except SyntaxError:
            continue  # the front end's verdict, tested by its own suites
        except Exception as error:  # noqa: BLE001 - every other failure is a compiler bug
            failures.append(f'{path.relative_to(LIBRARY)}: {type(error).__name__}: {error}')
            continue
        with warnings.catch_warnings(record=True) as expected:
            warnings.simplefilter('always')
            compile(source, str(path), 'exec', dont_inherit=True)
        if _described(caught) != _described(expected):
            failures.append(f'{path.relative_to(LIBRARY)}: warnings {_described(caught)} '
                            f'instead of {_described(expected)}')
    assert not failures, '\n'.join(failures[:20])


def _described(caught) -> list[tuple[str, int, str]]:
    return [(w.category.__name__, w.lineno, str(w.message)) for w in caught]
