"""The differential corpus: every program in tests/programs/ runs under CPython and under Memphis.

stdout, stderr (tracebacks included) and the exit status must be identical byte for byte. Both
run from the repository root with the same relative path, so file names in tracebacks agree.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = sorted(p for p in (ROOT / 'tests' / 'programs').glob('*.py') if p.name != 'conftest.py')
TIMEOUT = 120


def run(command: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8')
    return subprocess.run(command, cwd=ROOT, capture_output=True, timeout=TIMEOUT, env=env,
                          check=False)


@pytest.mark.parametrize('program', PROGRAMS, ids=lambda path: path.stem)
def test_program_matches_cpython(program: Path) -> None:
    relative = str(program.relative_to(ROOT))
    expected = run([sys.executable, relative])
    actual = run([sys.executable, '-m', 'interpreter', relative])
    assert actual.stdout.decode() == expected.stdout.decode()
    assert actual.stderr.decode() == expected.stderr.decode()
    assert actual.returncode == expected.returncode


@pytest.mark.parametrize('code', [
    'import sys; print(sys.argv)',
    'print(1)\n1/0',
    'raise SystemExit("bye")',
    'def f(:\n  pass',
], ids=['argv', 'traceback', 'systemexit', 'syntaxerror'])
def test_dash_c_matches_cpython(code: str) -> None:
    expected = run([sys.executable, '-c', code, 'arg'])
    actual = run([sys.executable, '-m', 'interpreter', '-c', code, 'arg'])
    assert actual.stdout.decode() == expected.stdout.decode()
    assert actual.stderr.decode() == expected.stderr.decode()
    assert actual.returncode == expected.returncode


def test_missing_program_file() -> None:
    expected = run([sys.executable, 'no/such/program.py'])
    actual = run([sys.executable, '-m', 'interpreter', 'no/such/program.py'])
    assert (actual.stderr, actual.returncode) == (expected.stderr, expected.returncode)
