"""Generator and coroutine frames that run their plain body while sys.settrace or
sys.setprofile is on: those sys.settrace found running or suspended (pdb.set_trace() or
breakpoint() after the generator started), whose host generators cannot be swapped for the
instrumented body's.

Such a frame is switched as a running function's frame is (runtime.tracing._switch_running:
its later statements report lines) and reports, as CPython 3.11 does, 'call' on each
resumption and 'return' with the value on each suspension, from the compiled `yield`
(compiler.generators) and `await`/`yield from` (runtime.tracing.traced_delegation). A plain
frame suspended in `yield from`/`await` of an interpreted generator (`Frame.delegating`) is
resumed and suspended with the innermost generator, which reports for it: the whole chain
resumes outermost first and suspends innermost first.

While running, such a frame is in `frames.switched_frames` (its 'exception' and final
'return' events: runtime.tracing.switched_frame_left); while suspended, in
`frames.suspended_switched`, weakly.
"""

from __future__ import annotations

import weakref

from .frames import current_state, suspended_switched, switched_frames
from .tracing import (
    instrument_running,
    loop_line_event,
    report_caught,
    resume_event,
    return_event,
)

__all__ = ['adopt', 'delegation_returned', 'delegators_resumed', 'delegators_suspended',
           'resumed', 'suspended']


# the switched frames that resumed while tracing (not found running by sys.settrace): the
# `yield from`/`await` they resumed in sends as CPython's traced SEND does
resumed_traced: weakref.WeakSet = weakref.WeakSet()


def adopt(frame) -> bool:
    """`frame`, resuming its plain body, reports events from now on (False: its code cannot
    be instrumented); its line is the one it was suspended at."""
    suspended_switched.discard(frame)
    if not instrument_running(frame.f_code):
        return False
    frame.trace_line = frame.f_lineno
    switched_frames.add(frame)
    resumed_traced.add(frame)
    return True


def _delegators(frame) -> list:
    """The plain frames suspended in `yield from`/`await` of `frame`'s generator, and of
    theirs in turn: innermost first."""
    chain = []
    back = frame.f_back
    while back is not None and back.delegating:
        chain.append(back)
        back = back.f_back
    return chain


def _report_resumed(frame) -> None:
    state = current_state()
    current = state.frame
    state.frame = frame
    try:
        resume_event(frame)
    finally:
        state.frame = current


def _report_suspended(frame, value) -> None:
    """The 'return' of a frame of `switched_frames` that yields `value` (its line is found
    anew when it resumes: runtime.tracing._switch_stack tells a plain frame by its lack)."""
    switched_frames.discard(frame)
    suspended_switched.add(frame)
    resumed_traced.discard(frame)
    state = current_state()
    current = state.frame
    state.frame = frame
    try:
        return_event(frame, value)
    finally:
        state.frame = current
        if hasattr(frame, 'trace_line'):
            del frame.trace_line


def suspended(frame, value) -> None:
    """A frame of `switched_frames` yields `value`: its 'return', then the delegators'."""
    _report_suspended(frame, value)
    delegators_suspended(frame, value)


def delegators_suspended(frame, value) -> None:
    """`frame` yields `value` (its own 'return' reported): the 'return' of each delegating
    frame of `switched_frames`, innermost first."""
    for delegator in _delegators(frame):
        if delegator in switched_frames:
            _report_suspended(delegator, value)


def _tracing() -> bool:
    state = current_state()
    return state.sys_tracer is not None or state.profiler is not None


def resumed(frame, whole_chain: bool) -> None:
    """`frame` resumes at a `yield` while some thread traces (`watched_resumptions`).
    `whole_chain`: resumed by send() or next(), with the frames delegating to it; else thrown
    into or closed (CPython resumes the delegators only when the exception reaches them).

    Nothing to do for a traced generator's frame, whose driver reports (it keeps its line
    while suspended; a plain frame's is dropped at each suspension)."""
    if frame not in suspended_switched and hasattr(frame, 'trace_line'):
        return
    if not _tracing():
        suspended_switched.discard(frame)
        return
    if whole_chain:
        delegators_resumed(frame)
    if frame not in switched_frames and adopt(frame):
        _report_resumed(frame)
        code = frame.f_code
        if code.co_name == '<genexpr>':
            # its plain loop reports no lines: the jump back to its header, CPython's first
            # line event after each resumption (the comprehension's own line)
            loop_line_event(frame, code.co_firstlineno)


def delegators_resumed(frame) -> None:
    """`frame` resumes by send() or next() (its own 'call' not reported yet): the 'call' of
    each plain frame delegating to it, outermost first."""
    if not _tracing():
        return
    for delegator in reversed(_delegators(frame)):
        if delegator not in switched_frames and adopt(delegator):
            _report_resumed(delegator)


def delegation_returned(frame, value) -> None:
    """The generator or coroutine a frame of `switched_frames` delegated to by `yield
    from`/`await` returned `value`: the frame's 'exception' event for the StopIteration carrying
    it, as CPython's SEND reports it when tracing was on as it resumed (not for a frame found
    running: its SEND started untraced)."""
    if frame in resumed_traced:
        report_caught(frame, StopIteration(value), None)
