"""A small stand-in for the `pyperf` harness: runs each benchmark body a fixed number of times.

benchmarks/pyperformance_speed.py puts this folder on PYTHONPATH so that pyperformance's
`run_benchmark.py` scripts import it, under CPython and under Memphis alike. Where pyperf spawns
worker processes, calibrates loops and computes statistics, this runs every `bench_*` call once,
in the script's own process, with `loops` taken from PYPERF_STANDIN_LOOPS (default 1), so both
interpreters do the same work. Each call's CPU and wall time is appended as a line of
tab-separated fields (name, loops, CPU s, wall s, the seconds a time function reported or '-') to
the file named by PYPERF_STANDIN_RESULTS (if set); stdout gets one deterministic line per call,
which the runner compares between the two interpreters.

The harness should cost the measured program as little as possible: it imports only `os`, `sys`
and `time` up front (under Memphis, json, typing or subprocess would each add about 0.5 s and
40 MB to every program), argparse when the script touches the parser, and subprocess and asyncio
only for the calls that need them.
"""

from __future__ import annotations

import os
import sys
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

__all__ = ['LOOPS_VARIABLE', 'RESULTS_VARIABLE', 'Runner', 'perf_counter',
           'python_implementation']

LOOPS_VARIABLE = 'PYPERF_STANDIN_LOOPS'
RESULTS_VARIABLE = 'PYPERF_STANDIN_RESULTS'

perf_counter = time.perf_counter


def python_implementation() -> str:
    """The implementation's name in lower case, as pyperf's ('cpython', 'pypy')."""
    return sys.implementation.name.lower()


class Runner:
    """pyperf.Runner's interface as pyperformance's scripts use it; every option of pyperf's own
    command line (processes, values, warmups, ...) is accepted and ignored."""

    def __init__(self, values: int | None = None, processes: int | None = None,
                 loops: int = 0, min_time: float = 0.1, metadata: dict | None = None,
                 show_name: bool = True, program_args: tuple | None = None,
                 add_cmdline_args: Callable | None = None, **_ignored: object) -> None:
        self.metadata: dict[str, object] = dict(metadata or {})
        self._argparser: argparse.ArgumentParser | None = None
        self.args: argparse.Namespace | None = None
        self.loops = int(os.environ.get(LOOPS_VARIABLE, '1'))

    @property
    def argparser(self) -> argparse.ArgumentParser:
        """The parser of the script's own options (argparse is imported on first use)."""
        if self._argparser is None:
            import argparse

            self._argparser = argparse.ArgumentParser(description='pyperf stand-in')
        return self._argparser

    def parse_args(self, args: list[str] | None = None) -> argparse.Namespace:
        """Parse the script's own options (pyperformance passes its `extra_opts` here)."""
        self.args = self.argparser.parse_args(args)
        return self.args

    def _ensure_args(self) -> None:
        # pyperf parses the command line on the first bench_* call if the script did not; a
        # script that defined no options gets no arguments from the runner, so there is nothing
        # to parse (and argparse need not be imported)
        if self.args is None and self._argparser is not None:
            self.parse_args()

    def _record(self, name: str, cpu: float, wall: float, reported: float | None) -> None:
        print(f'{name}: {self.loops} loop(s)', flush=True)
        results = os.environ.get(RESULTS_VARIABLE)
        if results:
            shown = '-' if reported is None else repr(float(reported))
            with open(results, 'a', encoding='utf-8') as stream:
                stream.write(f'{name}\t{self.loops}\t{cpu!r}\t{wall!r}\t{shown}\n')

    def bench_func(self, name: str, func: Callable, *args: object, inner_loops: int | None = None,
                   metadata: dict | None = None) -> None:
        """Call `func(*args)` `loops` times."""
        self._ensure_args()
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(self.loops):
            func(*args)
        self._record(name, time.process_time() - cpu, time.perf_counter() - wall, None)

    def bench_time_func(self, name: str, time_func: Callable, *args: object,
                        inner_loops: int | None = None, metadata: dict | None = None) -> None:
        """Call `time_func(loops, *args)` once; it times itself and returns the seconds."""
        self._ensure_args()
        cpu, wall = time.process_time(), time.perf_counter()
        reported = time_func(self.loops, *args)
        self._record(name, time.process_time() - cpu, time.perf_counter() - wall, reported)

    def bench_async_func(self, name: str, func: Callable, *args: object,
                         inner_loops: int | None = None, metadata: dict | None = None,
                         loop_factory: Callable | None = None) -> None:
        """Await `func(*args)` `loops` times in one event loop, as pyperf does."""
        import asyncio

        self._ensure_args()

        async def repeat() -> None:
            for _ in range(self.loops):
                await func(*args)

        cpu, wall = time.process_time(), time.perf_counter()
        if loop_factory is None:
            asyncio.run(repeat())
        else:
            event_loop = loop_factory()
            try:
                event_loop.run_until_complete(repeat())
            finally:
                event_loop.close()
        self._record(name, time.process_time() - cpu, time.perf_counter() - wall, None)

    def bench_command(self, name: str, command: list[str]) -> None:
        """Run `command` `loops` times; the time is the wall time of the child processes (this
        process's CPU time would not include them)."""
        import subprocess

        self._ensure_args()
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(self.loops):
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        self._record(name, time.process_time() - cpu, time.perf_counter() - wall, None)
