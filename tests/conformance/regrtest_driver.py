"""Run one CPython regression-test module with unittest and write each test's outcome as JSON.

Usage: <python or memphis> regrtest_driver.py test.test_x OUTPUT.json
The same file runs under CPython and under Memphis, so both are measured the same way.
"""

import json
import sys
import time
import unittest


class OutcomeRecorder(unittest.TestResult):
    """Keeps one outcome per test id: ok, fail, error, skip, xfail or xpass (and the cause)."""

    def __init__(self):
        super().__init__()
        self.outcomes = {}

    def _note(self, test, outcome, detail=''):
        key = test.id()
        previous = self.outcomes.get(key)
        if previous is not None and previous[0] in ('fail', 'error'):
            return
        self.outcomes[key] = (outcome, detail)

    @staticmethod
    def _cause(err):
        kind, value, _ = err
        text = f'{kind.__name__}: {value}'.strip().splitlines()
        return text[0][:200] if text else kind.__name__

    def addSuccess(self, test):
        self._note(test, 'ok')

    def addFailure(self, test, err):
        self._note(test, 'fail', self._cause(err))

    def addError(self, test, err):
        self._note(test, 'error', self._cause(err))

    def addSkip(self, test, reason):
        self._note(test, 'skip', str(reason)[:200])

    def addExpectedFailure(self, test, err):
        self._note(test, 'xfail')

    def addUnexpectedSuccess(self, test):
        self._note(test, 'xpass')

    def addSubTest(self, test, subtest, err):
        if err is not None:
            outcome = 'fail' if issubclass(err[0], test.failureException) else 'error'
            self._note(test, outcome, self._cause(err))


def main():
    name, output = sys.argv[1], sys.argv[2]
    started = time.time()
    result = OutcomeRecorder()
    try:
        suite = unittest.defaultTestLoader.loadTestsFromName(name)
        suite.run(result)
        crash = ''
        for test, trace in result.errors:
            if not hasattr(test, 'id') or test.id().startswith('unittest.'):
                crash = trace.strip().splitlines()[-1][:200]
    except BaseException as error:  # noqa: BLE001 - a module that cannot load is recorded
        crash = f'{type(error).__name__}: {error}'.splitlines()[0][:200]
    outcomes = dict(result.outcomes)
    # setUpClass/setUpModule errors are reported against a pseudo-test, not a test id
    for test, trace in result.errors:
        if type(test).__name__ == '_ErrorHolder':
            outcomes[test.id()] = ('error', trace.strip().splitlines()[-1][:200])
    with open(output, 'w', encoding='utf-8') as handle:
        json.dump({'module': name, 'seconds': round(time.time() - started, 2), 'crash': crash,
                   'outcomes': outcomes}, handle, indent=0, sort_keys=True)


if __name__ == '__main__':
    main()
