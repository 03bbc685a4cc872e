"""interpreter.bridge.crossing: every entry of the crossing table warns (CrossingWarning) at the
interpreted line that called the host API, once per site, through the program's warnings
filters when it uses them; calls that cross faithfully do not warn."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from interpreter.bridge.crossing import CROSSINGS

ROOT = Path(__file__).resolve().parent.parent

# For each table entry: a program whose line marked `# crossing` crosses badly.
PROGRAMS = {
    'faulthandler.register': '''\
import faulthandler, os, signal
sink = open(os.devnull, 'w')
faulthandler.register(signal.SIGUSR1, file=sink)  # crossing
faulthandler.unregister(signal.SIGUSR1)
''',
    'marshal.dumps': '''\
import marshal
def function():
    pass
try:  # Memphis's code object is unmarshallable: the warning says why
    marshal.dumps(function.__code__)  # crossing
except ValueError:
    pass
''',
    'marshal.dump': '''\
import marshal, os
def function():
    pass
try:  # Memphis's code object is unmarshallable: the warning says why
    marshal.dump((1, function.__code__), open(os.devnull, 'wb'))  # crossing
except ValueError:
    pass
''',
    'gc.get_referrers': '''\
import gc
found = gc.get_referrers([])  # crossing
''',
    'gc.get_referents': '''\
import gc
def function():
    pass
found = gc.get_referents(function)  # crossing
''',
    'sys.getrefcount': '''\
import sys
class Native:
    pass
count = sys.getrefcount(Native())  # crossing
''',
}


def run_memphis(path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, '-m', 'interpreter', str(path)], capture_output=True,
                          text=True, timeout=120, env=env, check=False)


def marked_line(source: str) -> tuple[int, str]:
    for number, line in enumerate(source.splitlines(), 1):
        if line.endswith('# crossing'):
            return number, line.strip()
    raise AssertionError('a crossing program must mark its crossing line')


def test_every_table_entry_has_a_program() -> None:
    assert sorted(PROGRAMS) == sorted(crossing.api for crossing in CROSSINGS)


@pytest.mark.parametrize('crossing', CROSSINGS, ids=lambda crossing: crossing.api)
def test_entry_warns_at_the_calling_line(crossing, tmp_path: Path) -> None:
    source = PROGRAMS[crossing.api]
    path = tmp_path / 'crossing.py'
    path.write_text(source)
    result = run_memphis(path)
    assert result.returncode == 0, result.stderr
    number, line = marked_line(source)
    header = f'{path}:{number}: CrossingWarning: {crossing.api}() given '
    lines = result.stderr.splitlines()
    assert [text for text in lines if text.startswith(header)] != [], result.stderr
    warning = next(text for text in lines if text.startswith(header))
    assert warning.endswith(crossing.reason)
    assert lines[lines.index(warning) + 1] == f'  {line}'
    # the host function still ran: what the program printed is what CPython prints
    expected = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                              timeout=60, check=False)
    assert result.stdout == expected.stdout


def test_once_per_call_site(tmp_path: Path) -> None:
    path = tmp_path / 'sites.py'
    path.write_text('import gc\n'
                    'for i in range(3):\n'
                    '    gc.get_referrers(i)\n'
                    'gc.get_referrers(None)\n')
    result = run_memphis(path)
    warnings = [line for line in result.stderr.splitlines() if 'CrossingWarning' in line]
    assert [w.split(': ')[0] for w in warnings] == [f'{path}:3', f'{path}:4']


def test_the_programs_warning_filters_apply(tmp_path: Path) -> None:
    path = tmp_path / 'filters.py'
    path.write_text('import gc, warnings\n'
                    'from memphis import CrossingWarning\n'
                    "warnings.simplefilter('error', CrossingWarning)\n"
                    'try:\n'
                    '    gc.get_referrers([])\n'
                    'except CrossingWarning as warning:\n'
                    "    print('raised:', str(warning).split(' given')[0])\n"
                    "warnings.simplefilter('ignore', CrossingWarning)\n"
                    'gc.get_referrers([])\n'
                    'print(issubclass(CrossingWarning, Warning))\n')
    result = run_memphis(path)
    assert result.stdout == 'raised: gc.get_referrers()\nTrue\n'
    assert result.stderr == ''


def test_faithful_calls_do_not_warn(tmp_path: Path) -> None:
    path = tmp_path / 'faithful.py'
    path.write_text('import marshal, sys, gc\n'
                    'print(marshal.loads(marshal.dumps([1, (2, "x")])))\n'
                    'print(sys.getrefcount(None) > 0, len(gc.get_referents([1, 2])))\n')
    result = run_memphis(path)
    expected = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                              timeout=60, check=False)
    assert (result.stdout, result.stderr) == (expected.stdout, expected.stderr)
