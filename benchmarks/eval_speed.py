"""CPU benchmark of the evaluator: each program under CPython and under Memphis, in the same run.

    python3 benchmarks/eval_speed.py [-n REPEAT] [program ...]

Each program in benchmarks/programs/ runs in a fresh process under each implementation; the time
is CPU time (`process_time`: steadier than wall time on a loaded machine) around running the
program's code, Memphis's including compiling it. Prints the best of REPEAT runs per program,
Memphis/CPython, and the geometric mean of the ratios; then start-up: the CPU time of a whole
process running an empty program (`python3 empty.py` against `python3 -m interpreter
empty.py`, goal: at most 3x), best of 3 x REPEAT.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / 'benchmarks' / 'programs'

_TIMER = r'''
import io, sys, time
path, implementation, root = sys.argv[1], sys.argv[2], sys.argv[3]
source = open(path, 'rb').read()
sys.argv = [path]
real_stdout = sys.stdout
sys.stdout = io.StringIO()
if implementation == 'cpython':
    namespace = {'__name__': '__main__', '__file__': path}
    start = time.process_time()
    exec(compile(source, path, 'exec'), namespace)
    elapsed = time.process_time() - start
else:
    sys.path.insert(0, root)
    from interpreter.compiler import compile_source
    from interpreter.runtime.builtins import new_module_globals, run_code
    from interpreter.runtime.entry import _prepare_host
    from interpreter.runtime.stack import call_with_room
    _prepare_host()
    start = time.process_time()
    code = compile_source(source, path, 'exec')
    call_with_room(run_code, code, new_module_globals('__main__', path), None, None)
    elapsed = time.process_time() - start
sys.stdout = real_stdout
print(elapsed)
'''


def time_once(program: Path, implementation: str) -> float:
    result = subprocess.run([sys.executable, '-c', _TIMER, str(program), implementation,
                             str(ROOT)], capture_output=True, text=True, cwd=ROOT, check=False,
                            env=dict(os.environ, PYTHONHASHSEED='0'))
    if result.returncode != 0:
        raise RuntimeError(f'{program.name} failed under {implementation}:\n{result.stderr}')
    return float(result.stdout.strip().splitlines()[-1])


def process_cpu(command: list[str]) -> float:
    """User + system CPU seconds of one run of `command` (a child process), with the host's
    bytecode cache written and used as by default (with PYTHONDONTWRITEBYTECODE, every
    Memphis module edited since its `.pyc` was written is compiled again at each start)."""
    environment = dict(os.environ, PYTHONHASHSEED='0')
    environment.pop('PYTHONDONTWRITEBYTECODE', None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=environment)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup(repeat: int) -> tuple[float, float]:
    """(CPython's, Memphis's) CPU seconds for a process running an empty program."""
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / 'empty.py'
        empty.write_text('')
        process_cpu([sys.executable, '-m', 'interpreter', str(empty)])  # writes the .pyc files
        host = min(process_cpu([sys.executable, str(empty)]) for _ in range(repeat))
        ours = min(process_cpu([sys.executable, '-m', 'interpreter', str(empty)])
                   for _ in range(repeat))
    return host, ours


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('-n', '--repeat', type=int, default=3)
    parser.add_argument('programs', nargs='*')
    options = parser.parse_args(argv)
    programs = [Path(p) for p in options.programs] or sorted(PROGRAMS.glob('*.py'))
    ratios = []
    print(f'{"program":<20} {"cpython s":>10} {"memphis s":>10} {"ratio":>8}')
    for program in programs:
        host = min(time_once(program, 'cpython') for _ in range(options.repeat))
        ours = min(time_once(program, 'memphis') for _ in range(options.repeat))
        ratio = ours / host
        ratios.append(ratio)
        print(f'{program.stem:<20} {host:>10.4f} {ours:>10.4f} {ratio:>7.1f}x', flush=True)
    geometric = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f'{"geometric mean":<42} {geometric:>7.1f}x')
    host, ours = startup(3 * options.repeat)
    print(f'{"start-up (empty program)":<20} {host:>10.4f} {ours:>10.4f} {ours / host:>7.1f}x'
          f'  (goal 3x)')
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
