"""breakpoint() and Memphis's sys.breakpointhook against CPython's, with PYTHONBREAKPOINT."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROGRAM = '''\
import sys
print('default hook:', sys.breakpointhook is sys.__breakpointhook__)
result = breakpoint(1, 2, sep='-')
print('result:', result)
'''

HOOK_MODULE = '''\
def hook(*args, **kws):
    print('interpreted hook', args, kws)
    return 'from hook'
'''


def run_both(tmp_path: Path, source: str, setting: str | None) -> list:
    path = tmp_path / 'program.py'
    path.write_text(source)
    (tmp_path / 'breakhooks.py').write_text(HOOK_MODULE)
    results = []
    for command in ([sys.executable, str(path)],
                    [sys.executable, '-m', 'interpreter', str(path)]):
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        env.pop('PYTHONBREAKPOINT', None)
        if setting is not None:
            env['PYTHONBREAKPOINT'] = setting
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env,
                              cwd=tmp_path, check=False)
        results.append((done.stdout, done.stderr, done.returncode))
    return results


@pytest.mark.parametrize('setting', ['0', 'builtins.print', 'breakhooks.hook',
                                     'no_such_module.hook', 'builtins.no_such_function'])
def test_pythonbreakpoint_matches_cpython(tmp_path: Path, setting: str) -> None:
    expected, actual = run_both(tmp_path, PROGRAM, setting)
    assert actual == expected


def test_a_hook_set_by_the_program(tmp_path: Path) -> None:
    source = ('import sys\n'
              'sys.breakpointhook = lambda *a, **k: print("program hook", a, k)\n'
              'breakpoint(3, key=4)\n'
              'del sys.breakpointhook\n'
              'try:\n'
              '    breakpoint()\n'
              'except RuntimeError as error:\n'
              '    print(error)\n')
    expected, actual = run_both(tmp_path, source, None)
    assert actual == expected
