"""pyperformance's pure-stdlib benchmarks under CPython and under Memphis, time and peak memory.

    python3 benchmarks/pyperformance_speed.py [-n REPEAT] [--timeout S] [--variants] [--list]
                                              [name ...]

At run time, `pip download`s the pinned pyperformance sdist from PyPI into a cache folder
(--cache-dir), unpacks it and reads its benchmarks (data-files/benchmarks/bm_*/run_benchmark.py).
Those that need more than the standard library (dependencies in their pyproject.toml or
requirements.txt, third-party imports), a newer Python, or that time a child command
(`bench_command` runs `sys.executable`, which is CPython under both) are listed as skipped with
the reason. The others run through benchmarks/pyperf_standin/pyperf.py, a stand-in for the pyperf
harness that runs each body a fixed number of loops, in a fresh process under `python3` and under
`python3 -m interpreter`. The loops are calibrated once per program so that the body takes about
--target seconds under CPython; both interpreters then run the same loops.

Per program: an unmeasured CPython run with one loop (calibration; fills the bytecode cache), an
unmeasured Memphis run with one loop (fills the parse cache; a failure here is reported and the
program's measured runs are skipped), then REPEAT measured runs of each. Figures are the child's
CPU seconds (user + system, from wait4) and peak RSS (ru_maxrss), best of REPEAT; "body" is the
CPU time of the bench_* calls alone, measured inside the child by the stand-in. Stdout must agree
between the two interpreters. Prints the ratios Memphis/CPython and their geometric means.
"""

from __future__ import annotations

import argparse
import ast
import math
import os
import re
import signal
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ['PYPERFORMANCE_VERSION', 'Benchmark', 'Run', 'discover', 'fetch_benchmarks', 'main',
           'run_program']

PYPERFORMANCE_VERSION = '1.14.0'
ROOT = Path(__file__).resolve().parent.parent
STANDIN = ROOT / 'benchmarks' / 'pyperf_standin'
DEFAULT_CACHE = Path(tempfile.gettempdir()) / 'memphis-pyperformance'
# the stand-in's environment variables (benchmarks/pyperf_standin/pyperf.py)
LOOPS_VARIABLE = 'PYPERF_STANDIN_LOOPS'
RESULTS_VARIABLE = 'PYPERF_STANDIN_RESULTS'
MAX_LOOPS = 10_000


def fetch_benchmarks(cache_dir: Path) -> Path:
    """The unpacked sdist's benchmarks folder, downloaded with pip on the first call."""
    unpacked = cache_dir / f'pyperformance-{PYPERFORMANCE_VERSION}'
    benchmarks = unpacked / 'pyperformance' / 'data-files' / 'benchmarks'
    if benchmarks.is_dir():
        return benchmarks
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as download:
        subprocess.run([sys.executable, '-m', 'pip', 'download', '--quiet', '--no-deps',
                        '--no-binary', ':all:', '-d', download,
                        f'pyperformance=={PYPERFORMANCE_VERSION}'], check=True)
        archive = next(Path(download).glob('pyperformance-*.tar.gz'))
        with tarfile.open(archive) as sdist:
            sdist.extractall(cache_dir, filter='data')
    return benchmarks


@dataclass
class Benchmark:
    """One benchmark of the suite: a script, the options pyperformance passes it, and why it is
    skipped (empty if it runs)."""

    name: str
    script: Path
    extra_opts: list[str]
    skip: str = ''


def _requirements(directory: Path, project: dict) -> list[str]:
    """The distributions a benchmark needs besides pyperf (pyproject and requirements.txt)."""
    wanted = list(project.get('dependencies', []))
    requirements = directory / 'requirements.txt'
    if requirements.exists():
        for line in requirements.read_text().splitlines():
            line = line.split('#', 1)[0].strip()
            if line:
                wanted.append(line)
    names = (re.split(r'[<>=!~;\[ ]', item, maxsplit=1)[0] for item in wanted)
    return sorted({name.lower() for name in names} - {'pyperf'})


def _python_too_old(project: dict) -> bool:
    # pyperformance's files only use ">=X.Y"
    match = re.fullmatch(r'\s*>=\s*(\d+)\.(\d+)\s*', project.get('requires-python', '>=3.0'))
    return bool(match) and sys.version_info[:2] < (int(match[1]), int(match[2]))


def _code_problem(directory: Path) -> str:
    """Why the benchmark's Python files cannot run here: third-party imports, or timing a
    child command (empty if none)."""
    local = {path.stem for path in directory.rglob('*.py')}
    local |= {path.name for path in directory.rglob('*') if path.is_dir()}
    third_party: set[str] = set()
    commands = False
    for path in directory.rglob('*.py'):
        tree = ast.parse(path.read_bytes())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                commands |= isinstance(node, ast.Attribute) and node.attr == 'bench_command'
                continue
            for module in modules:
                top = module.split('.')[0]
                if top not in sys.stdlib_module_names and top not in local and top != 'pyperf':
                    third_party.add(top)
    if third_party:
        return 'imports ' + ', '.join(sorted(third_party))
    if commands:
        return 'times a child command (bench_command of sys.executable: CPython under both)'
    return ''


def discover(benchmarks: Path, variants: bool = False) -> list[Benchmark]:
    """Every benchmark of the suite (with `variants`, also the bm_*.toml variants of a folder,
    e.g. pickle_dict), sorted by name, each with the reason it is skipped if it is."""
    found = []
    for directory in sorted(benchmarks.glob('bm_*')):
        script = directory / 'run_benchmark.py'
        if not script.exists():
            continue
        base = tomllib.loads((directory / 'pyproject.toml').read_text())
        code_problem = _code_problem(directory)
        metafiles = [directory / 'pyproject.toml']
        if variants:
            metafiles += sorted(directory.glob('bm_*.toml'))
        for metafile in metafiles:
            meta = tomllib.loads(metafile.read_text())
            project = meta.get('project', {})
            settings = meta.get('tool', {}).get('pyperformance', {})
            name = settings.get('name', directory.name.removeprefix('bm_'))
            needed = _requirements(directory, project) or _requirements(directory,
                                                                        base['project'])
            if needed:
                skip = 'needs ' + ', '.join(needed)
            elif _python_too_old(project):
                skip = f'requires Python {project["requires-python"]}'
            else:
                skip = code_problem
            found.append(Benchmark(name, script, list(settings.get('extra_opts', [])), skip))
    return sorted(found, key=lambda benchmark: benchmark.name)


@dataclass
class Run:
    """One process: its exit, CPU seconds, peak RSS, output and the stand-in's records."""

    status: int
    cpu: float
    peak_kb: int
    stdout: str
    stderr: str
    timed_out: bool = False
    body_cpu: float = 0.0
    records: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == 0 and not self.timed_out

    def failure(self) -> str:
        """One line saying how the process failed."""
        if self.timed_out:
            return 'timed out'
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return lines[-1].strip() if lines else f'exit status {self.status}'


# Runs the command in a child and writes its exit status and rusage to the file argv[1]. A child's
# ru_maxrss counts the memory of the process it was forked from (Linux records the old address
# space's high-water mark at exec), so the measured process is forked from this small interpreter
# (-I -S: about 9 MB, below any Python program's peak) instead of from the runner.
_SPAWNER = r'''
import os, sys
pid = os.fork()
if pid == 0:
    try:
        os.execv(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], 'w') as report:
    report.write(f'{os.waitstatus_to_exitcode(status)} {usage.ru_utime + usage.ru_stime} '
                 f'{usage.ru_maxrss}')
'''


def run_program(command: list[str], loops: int, timeout: float) -> Run:
    """Run `command` in a fresh process group with the stand-in on PYTHONPATH and `loops` for it;
    CPU time and peak RSS are the child's own (and those of any children it waited for)."""
    with tempfile.TemporaryDirectory() as scratch:
        results, usage = Path(scratch) / 'records.tsv', Path(scratch) / 'usage'
        environment = dict(os.environ, PYTHONPATH=str(STANDIN), PYTHONHASHSEED='0')
        # the host's bytecode cache as by default: with PYTHONDONTWRITEBYTECODE set, every
        # Memphis module without a current `.pyc` (a fresh checkout) was compiled from source
        # in every measured process, which weighed on Memphis's time and peak memory
        environment.pop('PYTHONDONTWRITEBYTECODE', None)
        environment[LOOPS_VARIABLE] = str(loops)
        environment[RESULTS_VARIABLE] = str(results)
        out_path, err_path = Path(scratch) / 'stdout', Path(scratch) / 'stderr'
        with open(out_path, 'wb') as out, open(err_path, 'wb') as err:
            process = subprocess.Popen([sys.executable, '-I', '-S', '-c', _SPAWNER, str(usage),
                                        *command], cwd=ROOT, env=environment, stdout=out,
                                       stderr=err, stdin=subprocess.DEVNULL,
                                       start_new_session=True)
        timed_out = False
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
        finally:  # on a timeout, and if the runner is interrupted: the whole process group
            if process.returncode is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        status, cpu, peak_kb = -1, 0.0, 0
        if usage.exists():
            fields = usage.read_text().split()
            status, cpu, peak_kb = int(fields[0]), float(fields[1]), int(fields[2])
        records = []
        if results.exists():
            for line in results.read_text().splitlines():
                name, loops_run, body_cpu, body_wall, reported = line.split('\t')
                records.append({'name': name, 'loops': int(loops_run), 'cpu': float(body_cpu),
                                'wall': float(body_wall),
                                'reported': None if reported == '-' else float(reported)})
        return Run(status, cpu, peak_kb, out_path.read_text(errors='replace'),
                   err_path.read_text(errors='replace'), timed_out,
                   sum(record['cpu'] for record in records), records)


def commands(benchmark: Benchmark) -> dict[str, list[str]]:
    """The command line of each interpreter for `benchmark`."""
    arguments = [str(benchmark.script), *benchmark.extra_opts]
    return {'cpython': [sys.executable, *arguments],
            'memphis': [sys.executable, '-m', 'interpreter', *arguments]}


def calibrate(one_loop_seconds: float, target: float) -> int:
    """Loops for about `target` seconds of body under CPython: a power of two, so that runs on
    differently loaded machines tend to pick the same count."""
    if one_loop_seconds <= 0:
        return MAX_LOOPS
    wanted = target / one_loop_seconds
    loops = 1
    while loops * 2 <= wanted and loops * 2 <= MAX_LOOPS:
        loops *= 2
    return loops


@dataclass
class Outcome:
    """A benchmark's result: best runs of both interpreters, or why it did not run."""

    benchmark: Benchmark
    loops: int = 0
    cpython: Run | None = None
    memphis: Run | None = None
    problem: str = ''


def measure(benchmark: Benchmark, repeat: int, timeout: float, target: float) -> Outcome:
    """Calibrate, warm both caches, then the best of `repeat` runs under each interpreter."""
    lines = commands(benchmark)
    probe = run_program(lines['cpython'], 1, timeout)
    if not probe.ok:
        return Outcome(benchmark, problem=f'fails under CPython: {probe.failure()}')
    loops = calibrate(probe.body_cpu, target)
    warm = run_program(lines['memphis'], 1, timeout)
    if not warm.ok:
        return Outcome(benchmark, 1, probe, warm, f'fails under Memphis: {warm.failure()}')
    best: dict[str, Run] = {}
    for implementation in ('cpython', 'memphis'):
        for _ in range(repeat):
            run = run_program(lines[implementation], loops, timeout)
            if not run.ok:
                return Outcome(benchmark, loops, best.get('cpython'), run,
                               f'fails under {implementation} with {loops} loops: '
                               f'{run.failure()}')
            previous = best.get(implementation)
            best[implementation] = run if previous is None else Run(
                run.status, min(run.cpu, previous.cpu), min(run.peak_kb, previous.peak_kb),
                run.stdout, run.stderr, False, min(run.body_cpu, previous.body_cpu),
                run.records)
    outcome = Outcome(benchmark, loops, best['cpython'], best['memphis'])
    host_lines = best['cpython'].stdout.splitlines()
    our_lines = best['memphis'].stdout.splitlines()
    if host_lines != our_lines:
        first = next((index for index, pair in enumerate(zip(host_lines, our_lines))
                      if pair[0] != pair[1]), min(len(host_lines), len(our_lines)))
        host_line = host_lines[first] if first < len(host_lines) else '<end>'
        our_line = our_lines[first] if first < len(our_lines) else '<end>'
        outcome.problem = f'stdout differs: {host_line!r} under CPython, {our_line!r} under Memphis'
    return outcome


def geometric_mean(values: list[float]) -> float:
    return math.exp(sum(math.log(value) for value in values) / len(values))


HEADER = (f'{"program":<26} {"loops":>5} {"CPython s":>9} {"Memphis s":>9} {"ratio":>7} '
          f'{"body ratio":>10} {"CPython MB":>10} {"Memphis MB":>10} {"mem ratio":>9}')


def row(outcome: Outcome) -> str:
    """The table line of a benchmark that ran under both."""
    ours, host = outcome.memphis, outcome.cpython
    assert ours is not None and host is not None
    body = f'{ours.body_cpu / host.body_cpu:>9.1f}x' if host.body_cpu > 0 else f'{"-":>10}'
    return (f'{outcome.benchmark.name:<26} {outcome.loops:>5} {host.cpu:>9.3f} {ours.cpu:>9.3f} '
            f'{ours.cpu / host.cpu:>6.1f}x {body} {host.peak_kb / 1024:>10.1f} '
            f'{ours.peak_kb / 1024:>10.1f} {ours.peak_kb / host.peak_kb:>8.1f}x')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('-n', '--repeat', type=int, default=1,
                        help='measured runs per interpreter; the best is kept (default 1)')
    parser.add_argument('--timeout', type=float, default=600,
                        help='seconds allowed to one process (default 600)')
    parser.add_argument('--target', type=float, default=0.1,
                        help='CPU seconds of benchmark body under CPython to calibrate the '
                             'loops for (default 0.1)')
    parser.add_argument('--variants', action='store_true',
                        help='also the variants (bm_*.toml) of a benchmark, e.g. pickle_dict')
    parser.add_argument('--list', action='store_true',
                        help='list the benchmarks and why some are skipped, then exit')
    parser.add_argument('--cache-dir', type=Path, default=DEFAULT_CACHE,
                        help=f'where the sdist is downloaded and unpacked (default '
                             f'{DEFAULT_CACHE})')
    parser.add_argument('names', nargs='*', help='benchmarks to run (default: all that can)')
    options = parser.parse_args(argv)
    every = discover(fetch_benchmarks(options.cache_dir), options.variants or bool(options.names))
    if options.names:
        unknown = set(options.names) - {benchmark.name for benchmark in every}
        if unknown:
            parser.error('unknown benchmark(s): ' + ', '.join(sorted(unknown)))
        every = [benchmark for benchmark in every if benchmark.name in options.names]
    if options.list:
        for benchmark in every:
            print(f'{benchmark.name:<32} {"skipped: " + benchmark.skip if benchmark.skip else "runs"}')
        return 0
    skipped = [benchmark for benchmark in every if benchmark.skip]
    runnable = [benchmark for benchmark in every if not benchmark.skip]
    print(f'pyperformance {PYPERFORMANCE_VERSION}: {len(runnable)} benchmarks run, '
          f'{len(skipped)} skipped; best of {options.repeat}, CPU seconds of the process')
    for benchmark in skipped:
        print(f'  skipped {benchmark.name}: {benchmark.skip}')
    print(HEADER, flush=True)
    outcomes = []
    for benchmark in runnable:
        outcome = measure(benchmark, options.repeat, options.timeout, options.target)
        outcomes.append(outcome)
        if outcome.cpython is not None and outcome.memphis is not None and (
                not outcome.problem or outcome.problem.startswith('stdout')):
            print(row(outcome) + (f'  ({outcome.problem})' if outcome.problem else ''),
                  flush=True)
        else:
            print(f'{benchmark.name:<26} FAILED: {outcome.problem}', flush=True)
    compared = [outcome for outcome in outcomes
                if not outcome.problem or outcome.problem.startswith('stdout')]
    if compared:
        time_ratios = [o.memphis.cpu / o.cpython.cpu for o in compared]
        body_ratios = [o.memphis.body_cpu / o.cpython.body_cpu for o in compared
                       if o.cpython.body_cpu > 0]
        memory_ratios = [o.memphis.peak_kb / o.cpython.peak_kb for o in compared]
        print(f'geometric mean over {len(compared)} programs: time {geometric_mean(time_ratios):.1f}x'
              f' (goal 15x), body {geometric_mean(body_ratios):.1f}x, peak memory '
              f'{geometric_mean(memory_ratios):.1f}x (goal 2x)')
    failed = [outcome for outcome in outcomes if outcome not in compared]
    if failed:
        print(f'{len(failed)} failed: ' + ', '.join(o.benchmark.name for o in failed))
    return 1 if failed else 0


if __name__ == '__main__':
    raise SystemExit(main())
