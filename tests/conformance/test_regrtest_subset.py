"""A fast subset of CPython's regression tests under Memphis: nothing that passed may regress.

regrtest_baseline.json lists, per module, the tests that passed under Memphis when the baseline
was written (`python3 -m tests.conformance.regrtest --baseline` rewrites it). Each module runs
through the same driver as the full comparison (regrtest.py); every listed test must still pass.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location('regrtest', _HERE / 'regrtest.py')
regrtest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regrtest)

BASELINE = regrtest.BASELINE
SUBSET = regrtest.SUBSET


@pytest.mark.slow
@pytest.mark.parametrize('module', SUBSET)
def test_no_regression_against_baseline(module: str) -> None:
    expected = set(json.loads(BASELINE.read_text(encoding='utf-8'))[module])
    result = regrtest.run_module(module, memphis=True, timeout=900)
    assert not result.get('crash'), result.get('crash')
    passing = {test for test, (outcome, _) in result['outcomes'].items() if outcome == 'ok'}
    lost = sorted(expected - passing)
    assert lost == [], [(test, result['outcomes'].get(test)) for test in lost]
