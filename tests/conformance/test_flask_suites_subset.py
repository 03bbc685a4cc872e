"""The fast suites of Flask's projects under Memphis (interpreted pytest): nothing that passed may
regress.

flask_suites_baseline.json lists, per suite, the tests that passed under Memphis when it was
written (`python3 -m tests.conformance.flask_suites --baseline` rewrites it). Each suite's sdist
is fetched from the package index and run as in the full comparison (flask_suites.py); every
listed test must still pass.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location('flask_suites', _HERE / 'flask_suites.py')
flask_suites = importlib.util.module_from_spec(_spec)
sys.modules.setdefault('flask_suites', flask_suites)  # its dataclass looks its module up there
_spec.loader.exec_module(flask_suites)


@pytest.mark.slow
@pytest.mark.parametrize('name', flask_suites.SUBSET)
def test_no_regression_against_baseline(name: str, tmp_path: Path) -> None:
    expected = set(json.loads(flask_suites.BASELINE.read_text(encoding='utf-8'))[name])
    suite = flask_suites.SUITES[name]
    source, dependencies = flask_suites.prepare(suite, tmp_path)
    result = flask_suites.run_suite(source, dependencies, suite, memphis=True, timeout=900)
    assert not result['crash'], result['crash']
    lost = sorted(expected - flask_suites.passing(result))
    assert lost == [], [(test, result['outcomes'].get(test, 'not run')) for test in lost]
