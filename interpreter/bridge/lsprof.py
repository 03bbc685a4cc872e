"""`_lsprof.Profiler` (cProfile's engine) for interpreted code.

The host's C profiler installs itself on the host thread (PyEval_SetProfile) and so times
Memphis's own functions. This one is the thread's profile function of Memphis
(runtime.tracing.setprofile: 'call' and 'return' of interpreted frames, a generator's
resumptions and suspensions included) and keeps lsprof's statistics per code object and per
(caller, callee) pair: call counts, recursive calls, total time (counted once for the
outermost of recursive calls) and inline time (without the callees'). A built-in function's
entry ('c_call' events, runtime.c_calls) is named as lsprof names it; `getstats()` returns
the host's `profiler_entry`/`profiler_subentry` records, so pstats and cProfile read them as
CPython's.
"""

from __future__ import annotations

import _lsprof
import math
import operator
import time

from ..runtime import tracing
from ..runtime.c_calls import c_function_label
from ..runtime.tracebacks import report_unraisable

__all__ = ['Profiler']

_DISABLE = "<method 'disable' of '_lsprof.Profiler' objects>"  # how lsprof names a built-in


class _Stats:
    """One code's (or one caller-callee pair's) figures while the profiler runs."""

    __slots__ = ('callcount', 'calls', 'inline', 'level', 'recursive', 'total')

    def __init__(self) -> None:
        self.callcount = self.recursive = self.level = 0
        self.total = self.inline = 0  # ticks
        self.calls: dict = {}  # callee code -> _Stats

    def entered(self) -> None:
        self.level += 1

    def left(self, total: int, inline: int) -> None:
        self.level -= 1
        if self.level == 0:
            self.total += total
        else:
            self.recursive += 1
        self.inline += inline
        self.callcount += 1


class Profiler:
    """Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)

    Builds a profiler object using the specified timer function.
    The default timer is a fast built-in one based on real time.
    For custom timer functions returning integers, timeunit can
    be a float specifying a scale (i.e. how long each integer unit
    is, in seconds).
    """

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True) -> None:
        self._timer = timer
        self._unit = float(timeunit or 0.0)
        self._subcalls = bool(subcalls)
        self._builtins = bool(builtins)
        self._stats: dict = {}  # code (or a built-in's label) -> _Stats
        self._labels: dict = {}
        # the calls in progress: [code's stats, caller-callee stats or None, start, callees' time]
        self._running: list = []
        self._seconds_per_tick = self._unit or 1e-9

    def _now(self) -> int:
        """The time in ticks, counted in integers as lsprof counts (getstats scales them): the
        custom timer's integers when a time unit is given, else nanoseconds."""
        if self._timer is None:
            return time.perf_counter_ns()
        try:
            value = self._timer()
            if self._unit:
                return operator.index(value)
            return math.floor(float(value) * 1e9)
        except Exception as error:  # noqa: BLE001 - as lsprof: reported, the time is 0
            report_unraisable(error, self._timer)
            return 0

    def __call__(self, frame, event: str, arg) -> None:
        if event == 'call':
            self._enter(frame.f_code)
        elif event == 'return':
            if self._running:
                self._leave(self._now())
        elif self._builtins:
            if event == 'c_call':
                # one string per built-in, as lsprof's: cProfile matches entries by identity
                label = c_function_label(arg)
                self._enter(self._labels.setdefault(label, label))
            elif self._running:  # 'c_return', 'c_exception'
                self._leave(self._now())

    def _enter(self, code) -> None:
        stats = self._stats.get(code)
        if stats is None:
            stats = self._stats[code] = _Stats()
        pair = None
        if self._subcalls and self._running:
            calls = self._running[-1][0].calls
            pair = calls.get(code)
            if pair is None:
                pair = calls[code] = _Stats()
            pair.entered()
        stats.entered()
        self._running.append([stats, pair, self._now(), 0])

    def _leave(self, now: int) -> None:
        stats, pair, start, callees = self._running.pop()
        total = now - start
        inline = total - callees
        if self._running:
            self._running[-1][3] += total
        stats.left(total, inline)
        if pair is not None:
            pair.left(total, inline)

    def enable(self, subcalls=True, builtins=True) -> None:
        """enable(subcalls=True, builtins=True)

        Start collecting profiling information.
        If 'subcalls' is True, also records for each function
        statistics separated according to its current caller.
        If 'builtins' is True, records the time spent in
        built-in functions separately from their caller.
        """
        self._subcalls = bool(subcalls)
        self._builtins = bool(builtins)
        tracing.setprofile(self)

    def disable(self) -> None:
        """disable()

        Stop collecting profiling information.
        """
        installed = tracing.getprofile()
        # (lsprof removes the thread's profile function, this profiler's or not; first: a
        # custom timer may be an interpreted function)
        tracing.setprofile(None)
        if installed is self and self._builtins:
            # this very call, which lsprof sees start (a built-in's 'c_call') and flushes
            self._enter(self._labels.setdefault(_DISABLE, _DISABLE))
        now = self._now()
        while self._running:  # the calls still in progress end here, as lsprof flushes them
            self._leave(now)

    def clear(self) -> None:
        """clear()

        Clear all profiling information collected so far.
        """
        self._stats.clear()
        self._running.clear()
        self._labels.clear()

    def getstats(self) -> list:
        """list_of_profiler_entry = getstats()

        Return all information collected by the profiler.
        Each profiler_entry is a tuple-like object with the
        following attributes:

            code          code object
            callcount     how many times this was called
            reccallcount  how many times called recursively
            totaltime     total time in this entry
            inlinetime    inline time in this entry (not in subcalls)
            calls         details of the calls

        The calls attribute is either None or a list of
        profiler_subentry objects:

            code          called code object
            callcount     how many times this is called
            reccallcount  how many times this is called recursively
            totaltime     total time spent in this call
            inlinetime    inline time (not in further subcalls)
        """
        entries = []
        scale = self._seconds_per_tick
        for code, stats in list(self._stats.items()):
            if not stats.callcount:
                continue  # still running, as lsprof leaves it out
            calls = [_lsprof.profiler_subentry((callee, pair.callcount, pair.recursive,
                                                pair.total * scale, pair.inline * scale))
                     for callee, pair in stats.calls.items() if pair.callcount] or None
            entries.append(_lsprof.profiler_entry((code, stats.callcount, stats.recursive,
                                                   stats.total * scale, stats.inline * scale,
                                                   calls)))
        return entries
