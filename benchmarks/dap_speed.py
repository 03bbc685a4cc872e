"""Debugger costs, memphis-dap against debugpy on the same programs, measured in the same run.

Prints: launch to first breakpoint stop; a `next` request's round trip (request to stopped
event); the run-time cost of a debug session (a breakpoint in a function that never runs, and
an always-false conditional breakpoint in a hot function) against the same program run
without a debugger, for Memphis and for CPython. `python benchmarks/dap_speed.py [--calls N]`.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'dap'))

from dap_client import DapClient, debugpy_command, memphis_command

HOT = os.path.join(ROOT, 'benchmarks', 'dap', 'hot_calls.py')
FIRST = os.path.join(ROOT, 'benchmarks', 'dap', 'first_stop.py')
ADAPTERS = {'memphis-dap': memphis_command, 'debugpy': debugpy_command}


def first_stop_and_steps(command: list[str], steps: int) -> tuple[float, float]:
    started = time.perf_counter()
    with DapClient(command) as client:
        client.start(FIRST, {FIRST: [{'line': 2}]})
        stop = client.stopped(timeout=60)
        first = time.perf_counter() - started
        total = 0.0
        for _ in range(steps):
            began = time.perf_counter()
            client.request('next', {'threadId': stop['threadId']})
            stop = client.stopped()
            total += time.perf_counter() - began
        client.request('disconnect', {'terminateDebuggee': True})
    return first, total / steps


def elapsed_of(text: str) -> float:
    return float(re.search(r'elapsed (\d+\.\d+)', text).group(1))


def plain_run(interpreter: str, calls: int) -> float:
    if interpreter == 'memphis':
        command = [sys.executable, '-m', 'interpreter', HOT, str(calls)]
    else:
        command = [sys.executable, HOT, str(calls)]
    env = dict(os.environ, PYTHONPATH=ROOT)
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return elapsed_of(output.stdout)


def debug_run(command: list[str], calls: int, breakpoint: dict) -> float:
    with DapClient(command) as client:
        client.start(HOT, {HOT: [breakpoint]}, args=[str(calls)])
        client.event('exited', timeout=600)
        return elapsed_of(client.output('stdout'))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--calls', type=int, default=200000)
    parser.add_argument('--steps', type=int, default=20)
    options = parser.parse_args()
    print('| adapter | launch to first stop s | next round trip ms |')
    print('|---|---|---|')
    for name, command in ADAPTERS.items():
        first, step = first_stop_and_steps(command(), options.steps)
        print(f'| {name} | {first:.2f} | {step * 1000:.1f} |')
    print()
    print(f'{options.calls} calls of a small function (CPU seconds of the hot loop; best of 3 except the conditional run)')
    print('| interpreter | plain | breakpoint in a function never run | ratio '
          '| always-false condition in the hot function | ratio |')
    print('|---|---|---|---|---|---|')
    for interpreter, adapter in (('memphis', 'memphis-dap'), ('cpython', 'debugpy')):
        plain = min(plain_run(interpreter, options.calls) for _ in range(3))
        cold = min(debug_run(ADAPTERS[adapter](), options.calls, {'line': 10})
                   for _ in range(3))
        conditional = debug_run(ADAPTERS[adapter](), options.calls,
                                {'line': 6, 'condition': 'n < 0'})
        print(f'| {interpreter} ({adapter}) | {plain:.3f} | {cold:.3f} | {cold / plain:.2f}x '
              f'| {conditional:.3f} | {conditional / plain:.1f}x |')


if __name__ == '__main__':
    main()
