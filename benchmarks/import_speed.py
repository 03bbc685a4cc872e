"""Import speed: `import json, re, dataclasses, enum, typing, collections, argparse, logging,
unittest, asyncio` under CPython, Memphis cold (empty cache) and Memphis warm, in the same run.

    python3 benchmarks/import_speed.py [-n REPEAT] [--modules a,b,c] [--compare DIR]

Each measurement is a fresh process running a program that is only that import statement
(`python3 prog.py` and `memphis prog.py`, start-up included); the time is the child's CPU time
(user + system, from `os.wait4`), steadier than wall time on a loaded machine, with wall time
shown too. Cold runs each get an empty cache folder (MEMPHIS_CACHE_DIR); warm runs reuse the
folder the first cold run filled. Prints the best of REPEAT runs of each and the ratios to
CPython's (the goal of issue 4: warm at most 10x CPython). CPython runs with its own bytecode
cache in a private folder (`-X pycache_prefix`) filled by a first unmeasured run, as an
installed CPython's standard library is precompiled. `--compare DIR` also measures the Memphis
of another checkout (e.g. `git archive HEAD | tar -x -C DIR`), cold and warm with its own cache,
interleaved with this one's, for before/after figures taken in the same minutes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = 'json, re, dataclasses, enum, typing, collections, argparse, logging, unittest, asyncio'


def run_once(command: list[str], environment: dict, cwd: str) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one child process; raises if it fails."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    stdout, stderr = child.stdout.read(), child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f'{command} failed:\n{stdout.decode()}{stderr.decode()}')
    return usage.ru_utime + usage.ru_stime, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('-n', '--repeat', type=int, default=3)
    parser.add_argument('--modules', default=MODULES.replace(' ', ''),
                        help='comma-separated modules to import (default: the ten of issue 4)')
    parser.add_argument('--compare', metavar='DIR',
                        help="another checkout's root: its Memphis is measured too")
    options = parser.parse_args()
    modules = ', '.join(options.modules.split(','))
    with tempfile.TemporaryDirectory(prefix='memphis-import-speed-') as work:
        program = os.path.join(work, 'imports.py')
        with open(program, 'w') as handle:
            handle.write(f'import {modules}\n')
        base = {key: value for key, value in os.environ.items()
                if key not in ('PYTHONDONTWRITEBYTECODE', 'MEMPHIS_CACHE')}
        base['PYTHONPATH'] = str(ROOT)
        cpython = [sys.executable, '-X', f'pycache_prefix={work}/pycache', program]
        memphis = [sys.executable, '-m', 'interpreter', program]
        roots = {'': str(ROOT)}
        if options.compare:
            roots[' (compared)'] = os.path.abspath(options.compare)
        run_once(cpython, base, work)  # fills CPython's bytecode cache
        figures: dict[str, list[tuple[float, float]]] = {'cpython': []}
        for round_ in range(options.repeat):
            figures['cpython'].append(run_once(cpython, base, work))
            for suffix, root in roots.items():
                environment = {**base, 'PYTHONPATH': root}
                warm_cache = os.path.join(work, f'cache-warm{len(suffix)}')
                cold_cache = warm_cache if round_ == 0 else \
                    os.path.join(work, f'cache-{round_}{len(suffix)}')
                figures.setdefault('cold' + suffix, []).append(run_once(
                    memphis, {**environment, 'MEMPHIS_CACHE_DIR': cold_cache}, work))
                figures.setdefault('warm' + suffix, []).append(run_once(
                    memphis, {**environment, 'MEMPHIS_CACHE_DIR': warm_cache}, work))
    print(f'import {modules}  (best of {options.repeat}; CPU s = user + system of the process)')
    if options.compare:
        print(f'compared: {roots[" (compared)"]}')
    print(f'{"run":<34}{"CPU s":>9}{"wall s":>9}{"CPU ratio":>11}')
    reference = min(cpu for cpu, _ in figures['cpython'])
    labels = {'cpython': 'CPython', 'cold': 'Memphis cold (empty)', 'warm': 'Memphis warm'}
    for key, values in figures.items():
        base_key, _, suffix = key.partition(' ')
        label = labels[base_key] + (f' {suffix}' if suffix else '')
        cpu = min(value for value, _ in values)
        wall = min(value for _, value in values)
        print(f'{label:<34}{cpu:>9.3f}{wall:>9.3f}{cpu / reference:>10.1f}x')
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
