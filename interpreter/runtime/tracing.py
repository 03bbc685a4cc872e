"""Step hooks (decision 8) and `sys.settrace`/`sys.setprofile` for interpreted code.

`trace(code)` compiles a code object's body a second time with events and swaps it into
`Code.body`; every entry point reads `code.body` on each call, so only that code's frames pay
and untraced code runs its plain closures. Each thread has three consumers of the events:

- the step hook, `set_tracer(hook)` (the debugger's, see interpreter.hooks): `hook(frame,
  event, arg)` receives every event of instrumented code: 'call', 'line' (arg: the line number),
  'return' (the value) and 'exception' ((type, value, traceback)); its result is ignored.
- `sys.settrace(fn)` with CPython's protocol (`settrace`): `fn` receives 'call'; what it returns
  becomes `frame.f_trace`, which receives 'line' (arg None; not when `f_trace_lines` is False),
  'return' and 'exception' and may replace itself by returning another function. While any
  thread has one, every code object (and every one compiled later) is instrumented.
- `sys.setprofile(fn)` (`setprofile`): 'call' and 'return' of interpreted frames.

Events follow CPython 3.11: a 'line' event when execution reaches a statement on another line
than the last event's, and on every loop iteration; a generator reports 'call' on each
resumption and 'return' (the yielded value) on each suspension; 'exception' once per frame an
exception enters by a raise, a failing operation or a call (not by a bare `raise` or the implicit
re-raise of `finally`/`with`). Inside a statement, line events follow CPython's instructions
(compiler.trace_lines, compiler.comprehensions.ComprehensionLines); `yield from` and `await`
run CPython's traced SEND (`traced_delegation`). docs/architecture.md lists what is not
modelled.
"""

from __future__ import annotations

import sys
import types
import weakref

from ..nodes import ExceptHandler
from .c_calls import profiling
from .frames import (
    ClosingThrow,
    Code,
    ThrowArguments,
    code_observers,
    current_state,
    resume_frame,
    suspend_frame,
    suspended_switched,
    switched_frames,
    thread_states,
    watched_resumptions,
)
from .jumps import (
    JumpTo,
    RestartFrame,
    Rewind,
    enter_generator_statement,
    enter_statement,
    entry_position,
    jump_refusal,
    statement_line,
)
from .module_functions import CO_COROUTINE
from .tracebacks import ALREADY_RECORDED, traceback_from_frame

__all__ = [
    'JumpTo',
    'RestartFrame',
    'Rewind',
    'call_event',
    'exception_event',
    'exceptions_reported',
    'exceptions_reported_generator',
    'exit_reports_line',
    'getprofile',
    'gettrace',
    'instrument_running',
    'jump_refusal',
    'jumpable_block',
    'jumpable_generator_block',
    'line_event',
    'line_event_before',
    'line_event_before_generator',
    'line_event_first',
    'loop_line_event',
    'report_caught',
    'resume_event',
    'return_event',
    'set_line_from_trace',
    'set_tracer',
    'setprofile',
    'settrace',
    'stores_doc_first',
    'switched_frame_caught',
    'switched_frame_left',
    'thrown_before_start',
    'trace',
    'traced_anext',
    'traced_async_loop_body',
    'traced_decorators',
    'traced_delegation',
    'traced_generator_iterable',
    'traced_generator_test',
    'traced_handler',
    'traced_iterable',
    'traced_iterator',
    'traced_store',
    'traced_suspension',
    'traced_test',
    'traced_with_item',
    'untrace',
]


# event delivery

def set_tracer(tracer) -> None:
    """Install the step hook `tracer(frame, event, arg)` for this thread (None removes it)."""
    current_state().tracer = tracer


def _deliver(f, event: str, arg, hook_arg) -> None:
    state = current_state()
    if state.in_trace:
        return
    hook = state.tracer
    if hook is not None:
        state.in_trace = True
        try:
            hook(f, event, hook_arg)
        finally:
            state.in_trace = False
    tracer = state.sys_tracer
    if tracer is not None:
        callback = tracer if event == 'call' else f.f_trace
        if callback is not None and (event != 'line' or not getattr(f, 'trace_lines_off', False)):
            state.in_trace = True
            state.trace_event = (f, event)
            try:
                result = callback(f, event, arg)
            except BaseException:
                # as CPython: a failing trace function is removed, its exception propagates
                f.f_trace = None
                state.in_trace = False
                state.trace_event = None
                settrace(None)
                raise
            state.in_trace = False
            state.trace_event = None
            if result is not None:
                f.f_trace = result
            line = getattr(f, 'pending_jump', None)
            if line is not None and event == 'line':
                del f.pending_jump
                raise JumpTo(f, line, reported=False)
            # (a generator's suspension: its driver jumps when it resumes, _generator_body)
    profiler = state.profiler
    if profiler is not None and (event == 'call' or event == 'return'):
        _profile(state, profiler, f, event, arg)


def _profile(state, profiler, f, event: str, arg) -> None:
    state.in_trace = True
    try:
        profiler(f, event, arg)
    except BaseException:
        # as CPython: a failing profile function is removed, its exception propagates
        state.in_trace = False
        setprofile(None)
        raise
    state.in_trace = False


def deliver_to_profiler(f, event: str, arg) -> None:
    """A profile-only event of frame `f` ('c_call', 'c_return', 'c_exception':
    runtime.c_calls)."""
    state = current_state()
    profiler = state.profiler
    if profiler is not None and not state.in_trace:
        _profile(state, profiler, f, event, arg)


def call_event(f) -> None:
    """A frame starts: its line tracking is reset (the first line is always reported; -1:
    until then, `f_lineno` is the code's first line, as CPython's before RESUME)."""
    f.trace_line = -1
    f.trace_raised_line = None
    f.f_trace = None  # a pooled frame may keep a previous call's
    f.trace_lines_off = False
    _deliver(f, 'call', None, None)


def resume_event(f) -> None:
    """A generator's frame resumes: 'call' again, its line kept (CPython 3.11)."""
    _deliver(f, 'call', None, None)


def line_event(f, lineno: int) -> None:
    """Execution reaches `lineno`: reported when it is not the line of the last event."""
    if getattr(f, 'trace_line', 0) != lineno:
        f.trace_line = lineno
        _deliver(f, 'line', None, lineno)


def loop_line_event(f, lineno: int) -> None:
    """A loop goes back to its header: always reported, as CPython does for a backward jump."""
    f.trace_line = lineno
    _deliver(f, 'line', None, lineno)


def return_event(f, value) -> None:
    _deliver(f, 'return', value, value)


def exception_event(f, error: BaseException) -> None:
    """`error` enters frame `f`: reported with a traceback that starts at `f`."""
    f.traced_exc = error
    f.trace_raised_line = getattr(f, 'trace_line', None)
    arg = (type(error), error, traceback_from_frame(f, error))
    _deliver(f, 'exception', arg, arg)


def _exception_entered(f, error: BaseException) -> None:
    """Report `error` unless this frame reported it already or merely re-raises it."""
    seen = getattr(f, 'traced_exc', None)
    if seen is error:
        return
    # PEP 479 turned it into a RuntimeError as it left one of the body's host generators
    if type(error) is RuntimeError and seen is not None and error.__cause__ is seen:
        return
    # throwing GeneratorExit through `yield from` closes the inner generators with a new one
    if type(error) is GeneratorExit and type(seen) is GeneratorExit:
        return
    if f.exc is error and f.exc_node is ALREADY_RECORDED:
        return
    if isinstance(error, Rewind):
        return
    exception_event(f, error)


# instrumented pieces the compiler builds with `instrument=True`

def line_event_before(closure, lineno: int, *, always_reports: bool = False):
    """A statement: its line event first; an exception entering the frame here is reported.

    `always_reports` is for `raise X`: raising anew reports even an exception seen before.
    """
    def traced_statement(f):
        if getattr(f, 'trace_line', 0) != lineno:
            line_event(f, lineno)
        try:
            return closure(f)
        except BaseException as error:
            if always_reports:
                exception_event(f, error)
            else:
                _exception_entered(f, error)
            raise

    traced_statement.memphis_inner = closure  # (a jump enters it without its line event)
    return traced_statement


def exceptions_reported(closure):
    """A piece of a traced statement whose exceptions CPython reports where they are raised:
    a loop (its iterator or target, unlike its body, has no statement of its own), a `with`
    target (reported before `__exit__` runs)."""
    def reporting(f, *args):
        try:
            return closure(f, *args)
        except BaseException as error:
            _exception_entered(f, error)
            raise

    return reporting


def exceptions_reported_generator(closure):
    """`exceptions_reported` for a loop that yields (a generator closure)."""
    def reporting(f):
        try:
            return (yield from closure(f))
        except BaseException as error:
            _exception_entered(f, error)
            raise

    return reporting


def line_events_around(closure, before: int | None, after: int | None):
    """An expression of a traced statement: the line of its first instruction before it runs,
    the line of its parent's instruction after (see compiler.trace_lines)."""
    if before is not None and after is not None:
        def traced_expression(f):
            line_event(f, before)
            value = closure(f)
            line_event(f, after)
            return value
    elif before is not None:
        def traced_expression(f):
            line_event(f, before)
            return closure(f)
    else:
        def traced_expression(f):
            value = closure(f)
            line_event(f, after)
            return value

    return traced_expression


def line_event_before_generator(closure, lineno: int):
    """`line_event_before` for a statement that yields (a generator closure)."""
    def traced_statement(f):
        if getattr(f, 'trace_line', 0) != lineno:
            line_event(f, lineno)
        try:
            return (yield from closure(f))
        except BaseException as error:
            _exception_entered(f, error)
            raise

    traced_statement.memphis_inner = closure  # (a jump enters it without its line event)
    return traced_statement


def line_event_first(closure, lineno: int):
    """An expression that yields (a generator closure): the line of its first instruction
    before it runs."""
    def traced_expression(f):
        line_event(f, lineno)
        return (yield from closure(f))

    return traced_expression


def traced_test(test, lineno: int):
    """A `while` test: the line of its first instruction (`lineno`) is reported each time it
    is evaluated."""
    def traced(f):
        loop_line_event(f, lineno)
        return test(f)

    return traced


def traced_generator_test(test, lineno: int):
    """`traced_test` for a `while` test that yields."""
    def traced(f):
        loop_line_event(f, lineno)
        return (yield from test(f))

    return traced


def traced_generator_iterable(iterable, lineno: int, first: int):
    """`traced_iterable` for a `for` iterable that yields."""
    def traced(f):
        line_event(f, first)
        value = yield from iterable(f)
        line_event(f, lineno)
        return _TracedIterator(f, iter(value), lineno)

    return traced


def traced_iterable(iterable, lineno: int, first: int):
    """A `for` iterable: the line of its first instruction (`first`) at the start, the header
    line before each later iteration."""
    def traced(f):
        line_event(f, first)
        return _TracedIterator(f, iter(iterable(f)), lineno)

    return traced


def traced_iterator(f, iterator, lineno: int):
    """A loop's iterator whose line is reported before each item after the first (where
    CPython's bytecode jumps back): the inner loops of a traced comprehension."""
    return _TracedIterator(f, iterator, lineno)


# C iterators that raise StopIteration when they end (the others end without one)
_C_STOPS_RAISED = frozenset({'coroutine_wrapper', 'async_generator_asend',
                             'async_generator_athrow', 'FutureIter'})


def _explicit_stop(iterator, error: StopIteration) -> bool:
    """Did the iterator raise StopIteration itself (CPython then reports it to the loop's frame)?

    C iterators end without an exception (but those of `_C_STOPS_RAISED`), unless one they
    drive raised it and they pass it on (zip over a class's `__next__`): it then comes with
    the host frames it was raised in; a generator raises one only to carry a return value.
    """
    if hasattr(iterator, 'gi_code'):
        return error.value is not None
    if type(iterator).__name__ in _C_STOPS_RAISED:
        return True
    traceback = error.__traceback__
    return traceback is not None and traceback.tb_next is not None


class _TracedIterator:
    __slots__ = ('frame', 'iterator', 'lineno', 'started')

    def __init__(self, frame, iterator, lineno: int) -> None:
        self.frame, self.iterator, self.lineno, self.started = frame, iterator, lineno, False

    def __iter__(self):
        return self

    def __next__(self):
        if self.started:
            loop_line_event(self.frame, self.lineno)
        self.started = True
        try:
            return next(self.iterator)
        except StopIteration as stop:
            if _explicit_stop(self.iterator, stop):
                _report_stop(self.frame, self.iterator, stop)
            raise


# instrumented bodies, one shape per kind of code

def jumpable_block(closures: list, nodes: list):
    """An instrumented statement list that a `JumpTo` its frame can restart at any of its
    statements, or at a statement inside one (runtime.jumps). `nodes` and `index` are read
    by `jump_refusal` from the host stack; `entry`: the line a jump enters it at."""
    lines = tuple(statement_line(node) for node in nodes)

    def block(f, entry=None):
        index = 0
        if entry is not None:
            index, entry = entry_position(nodes, lines, entry)
        while index < len(closures):
            statement = closures[index]
            try:
                if entry is None:
                    r = statement(f)
                else:
                    r = enter_statement(f, nodes[index], statement, entry)
                    entry = None
            except JumpTo as jump:
                index, entry = _jump_position(f, jump, nodes, lines, statement)
                continue
            except BaseException as error:
                _note_failure(f, error, statement)
                raise
            if r is not None:
                return r
            index += 1
        return None

    block.memphis_nodes = nodes
    return block


def jumpable_generator_block(items: list, nodes: list):
    """`jumpable_block` for a statement list that yields: items are (closure, is_generator).
    A jump goes on at one of its statements, or inside one (`enter_generator_statement`)."""
    lines = tuple(statement_line(node) for node in nodes)

    def block(f, entry=None):
        index = 0
        if entry is not None:
            index, entry = entry_position(nodes, lines, entry)
        while index < len(items):
            statement, is_generator = items[index]
            try:
                if entry is None:
                    r = (yield from statement(f)) if is_generator else statement(f)
                elif is_generator:
                    r = yield from enter_generator_statement(f, nodes[index], statement, entry)
                    entry = None
                else:
                    r = enter_statement(f, nodes[index], statement, entry)
                    entry = None
            except JumpTo as jump:
                index, entry = _jump_position(f, jump, nodes, lines, statement)
                continue
            except BaseException as error:
                _note_failure(f, error, statement)
                raise
            if r is not None:
                return r
            index += 1
        return None

    block.memphis_gen = True
    block.memphis_nodes = nodes
    return block


def _jump_position(f, jump: JumpTo, nodes: list, lines: tuple, statement) -> tuple:
    """Where a jumpable list goes on after `jump` (`entry_position`) if the jump is its own
    (its frame, a line it holds); else `jump` goes on unwinding."""
    position = entry_position(nodes, lines, jump.line) if jump.frame is f else None
    if position is None:
        _note_failure(f, jump, statement)
        raise jump
    if f.exc is jump:
        f.exc = f.exc_node = None
    f.trace_line = 0 if jump.reported else jump.line
    return position


def _note_failure(f, error: BaseException, statement) -> None:
    if f.exc is not error and not _same_closing(f.exc, error):
        f.exc = error
        f.exc_node = statement.memphis_node


def set_line_from_trace(frame, line) -> None:
    """`frame.f_lineno = line` in a trace function: checked as CPython checks it, then the
    jump happens when the trace function returns (a `JumpTo` from the line event)."""
    if type(line) is not int:
        raise ValueError('lineno must be an integer')
    current = current_state().trace_event
    if current is None or current[0] is not frame:
        raise ValueError('f_lineno can only be set by a trace function')
    if current[1] == 'call':
        raise ValueError("can't jump from the 'call' trace event of a new frame")
    # (as CPython: also from the 'return' event of a generator's suspension, where it goes on
    # when resumed)
    suspended = getattr(frame, 'trace_suspending', None) if current[1] == 'return' else None
    if current[1] != 'line' and suspended is None:
        raise ValueError("can only jump from a 'line' trace event")
    why = jump_refusal(sys._getframe(), frame, line, suspended)
    if why is not None:
        raise ValueError(why)
    frame.pending_jump = line


def _function_body(body):
    def instrumented(f):
        call_event(f)
        while True:
            try:
                result = body(f)
            except RestartFrame as restart:
                if restart.frame is f:
                    restart.reset(f)
                    f.trace_line = -1
                    continue
                _leave_raising(f, restart)
                raise
            except BaseException as error:
                _leave_raising(f, error)
                raise
            return_event(f, f.ret)
            del f.trace_line
            _forget_exception(f)
            # the frame may be reused by the function's next call (runtime.functions'
            # pool), which may start untraced and be traced while it runs
            f.f_trace = None
            return result

    return instrumented


def _leave_raising(f, error: BaseException) -> None:
    _exception_entered(f, error)
    _at_reraise(f, error)
    f.ret = None
    return_event(f, None)
    del f.trace_line
    _forget_exception(f)


def _forget_exception(f) -> None:
    """The traced frame `f` is done: it no longer refers to the last exception it reported
    (whose traceback refers to the frame: the cycle would keep the frame, its locals and its
    f_back alive until the collector runs, where CPython frees them at once)."""
    f.traced_exc = None


def _same_closing(seen, error: BaseException) -> bool:
    """close() through the nested host generators of a compiled body raises a new
    GeneratorExit at each level: for the frame's bookkeeping they are one exception."""
    return type(error) is GeneratorExit and type(seen) is GeneratorExit


def _at_reraise(f, error: BaseException) -> None:
    """`error` leaves `f`, re-raised by a construct of the frame (`finally`, `with`, a handler
    that did not match, a bare `raise`): the 'return' event is at the line of CPython's
    RERAISE, which may go back to the line that raised it (see Frame.f_lineno)."""
    if (f.exc is error or _same_closing(f.exc, error)) and f.exc_node is ALREADY_RECORDED:
        line = getattr(f, 'reraise_line', None)
        if line:
            if line == getattr(f, 'trace_raised_line', None):
                # a `with` (or nothing) re-raises at the raising line: CPython's RERAISE,
                # on the `with` line reported already, restores f_lasti
                f.trace_line = line
            else:
                # a `finally` re-raises at its last line: a 'line' event if it is another
                line_event(f, line)


def _generator_body(body, *, unwrap=None, resumable: bool = False):
    """A generator, coroutine or async generator body: 'call' on each resumption, 'return' with
    each suspension's value. Drives the compiled body as `yield from` would.

    `resumable` (a generator or coroutine function's body): close() is thrown in as a `ClosingThrow`, so a
    body that yields in `except GeneratorExit` stays suspended there, as in CPython; its
    trampoline then goes on delegating to this driver (`Frame.trace_resume`)."""
    def instrumented(f):
        call_event(f)
        inner = body(f)
        sent = None
        thrown = None
        while True:
            closing = resumable and type(thrown) is GeneratorExit
            try:
                value = inner.send(sent) if thrown is None else \
                    inner.throw(ClosingThrow(thrown) if closing else thrown)
            except StopIteration as stop:
                return_event(f, f.ret)
                _forget_exception(f)
                return stop.value
            except ClosingThrow as escaped:
                # a level of the body that the collector finalized first (a cycle dropped at
                # once) had no yield left to raise it at: the body ends by the GeneratorExit
                return_event(f, None)
                _forget_exception(f)
                raise escaped.exit from None
            except BaseException as error:
                # the host's RuntimeError for a StopIteration that left the body: CPython's
                # 'exception' event was the StopIteration's
                from .functions import left_with_stop_iteration

                if isinstance(error.__cause__, StopIteration):
                    _at_reraise(f, error.__cause__)
                if not left_with_stop_iteration(f, error):
                    _exception_entered(f, error)
                    _at_reraise(f, error)
                return_event(f, None)
                _forget_exception(f)
                raise
            finally:
                thrown = None
            if getattr(f, 'trace_delegation', None) == _RESUME_PENDING:
                # a throw() the delegate of `yield from` took, yielding again: `f` never ran
                f.trace_delegation = _DELEGATING
            else:
                suspended_with = value if unwrap is None else unwrap(value)
                unlinked = f.f_back is None
                if unlinked:
                    # unlinked by its `yield`: its event sees whom it yields to, as CPython's
                    f.f_back = current_state().frame
                f.trace_suspending = inner  # (a jump from this event: set_line_from_trace)
                try:
                    return_event(f, suspended_with)
                finally:
                    f.trace_suspending = None
                    if unlinked:
                        f.f_back = None
                if switched_frames:  # (plain frames delegating to it: it reports for them)
                    _plain_generators().delegators_suspended(f, suspended_with)
            if closing:
                # it yielded instead of closing: the host's close() of this driver raises
                # RuntimeError into the trampoline, which then resumes this driver
                f.trace_resume = (f.trace_driver(), value)
            try:
                sent = yield from traced_suspension(value)
            except BaseException as error:  # noqa: BLE001 - thrown in: passed to the body
                thrown = error
                sent = None
                # thrown in anew, even an exception the frame saw or is handling
                f.traced_exc = None
                if f.exc is error:
                    f.exc = f.exc_node = None
            if thrown is not None and getattr(f, 'trace_delegation', None) == _DELEGATING:
                # the delegate gets the exception first; `f` resumes after (traced_delegation)
                f.trace_delegation = _RESUME_PENDING
            else:
                if thrown is None and _everything[0]:
                    _plain_generators().delegators_resumed(f)
                if f.f_back is None:  # (linked to its resumer: its `yield` would do it next)
                    f.f_back = current_state().frame
                resume_event(f)
                jump = getattr(f, 'pending_jump', None)
                if jump is not None and thrown is None:
                    # set in its suspension's 'return' event: it goes on at that line
                    del f.pending_jump
                    thrown = JumpTo(f, jump, reported=False)
                    sent = None

    if not resumable:
        return instrumented

    def entry(f):
        pending = getattr(f, 'trace_resume', None)
        if pending is not None:
            f.trace_resume = None
            return _resumed_driver(*pending)
        driver = instrumented(f)
        # weakly: the driver's frame refers to `f`, and a cycle would leave every traced
        # generator to the collector (its finalization late)
        f.trace_driver = weakref.ref(driver)
        return driver

    return entry


def _plain_generators():
    """runtime.switched_generators (which imports this module): plain generator frames that
    report events."""
    from . import switched_generators

    return switched_generators


def _resumed_driver(driver, value):
    """What a trampoline delegates to after close() of its traced generator was refused (the
    body yielded `value` in `except GeneratorExit`): the suspended driver, `value` first."""
    while True:
        try:
            sent = yield value
        except GeneratorExit:
            driver.close()
            raise
        except BaseException as error:  # noqa: BLE001 - thrown in: passed to the driver
            try:
                value = driver.throw(error)
            except StopIteration as stop:
                return stop.value
            continue
        try:
            value = driver.send(sent)
        except StopIteration as stop:
            return stop.value


def traced_suspension(value):
    """Where a traced generator's driver waits: a generator of its own, so that a throw()
    whose arguments the host refuses raises its TypeError in the driver (which passes it to
    the body, as a plain body's innermost generator gets it), not above it."""
    return (yield value)


def thrown_before_start(f, error: BaseException) -> None:
    """`error` thrown into the generator of frame `f` before it started: CPython 3.11 runs
    the frame, which raises it at its first line ('call', 'exception', 'return')."""
    state = current_state()
    state.frame = f
    try:
        call_event(f)
        exception_event(f, error)
        return_event(f, None)
    finally:
        state.frame = f.f_back


def _class_body(body, lineno: int, cell_slot):
    def instrumented(f):
        call_event(f)
        line_event(f, lineno)
        try:
            result = body(f)
        except BaseException as error:
            _exception_entered(f, error)
            _at_reraise(f, error)
            return_event(f, None)
            raise
        # CPython's class body returns its __class__ cell, if it has one
        return_event(f, f.fast[cell_slot] if cell_slot is not None else None)
        return result

    return instrumented


def _comprehension_body(body, lineno: int, *, generator: bool):
    def first_loop(f):
        f.fast[0] = _TracedIterator(f, f.fast[0], lineno)
        line_event(f, lineno)

    def last_loop(f):
        # the frame's iterator again: the traced one refers to the frame, a cycle that would
        # keep the frame and its f_back (the caller's locals) alive until the collector runs
        traced = f.fast[0]
        if type(traced) is _TracedIterator:
            f.fast[0] = traced.iterator

    if generator:
        def run(f):
            first_loop(f)
            try:
                return (yield from body(f))
            finally:
                last_loop(f)

        return _generator_body(run)

    def run(f):
        first_loop(f)
        try:
            return body(f)
        finally:
            last_loop(f)

    return _function_body(run)


def _unwrap_async_yield(value):
    from .async_generators import Yielded

    return value.value if isinstance(value, Yielded) else value


def _compile_instrumented(code: Code):
    from ..compiler import Compiler
    from ..compiler.lazy import compiled_body

    compiled_body(code)  # a body waiting for its first call: its nested codes exist from now
    node = code.node
    node_kind = type(node).__name__
    body_list = node.body if isinstance(getattr(node, 'body', None), list) else []
    if node_kind in ('Lambda', 'Expression'):
        body_list = [node.body]
    elif node_kind in ('ListComp', 'SetComp', 'DictComp', 'GeneratorExp'):
        # what may await (see ComprehensionCompiler.awaiting_comprehension_code)
        body_list = [node.key, node.value] if node_kind == 'DictComp' else [node.elt]
        for index, generator in enumerate(node.generators):
            body_list.extend(generator.ifs)
            if index:
                body_list.append(generator.iter)
    module_scope = code.scope
    while module_scope.parent is not None:
        module_scope = module_scope.parent
    compiler = Compiler(code.scope, code.co_filename, kind=code.kind, body=body_list,
                        reuse=code.children, instrument=True,
                        future=getattr(module_scope, 'future', frozenset()))
    generator = code.kind in ('generator', 'coroutine', 'asyncgen')
    unwrap = _unwrap_async_yield if code.kind == 'asyncgen' else None
    if node_kind in ('FunctionDef', 'AsyncFunctionDef'):
        body = compiler.function_body(node.body)
        if not generator:
            return _function_body(body)
        return _generator_body(body, unwrap=unwrap,
                               resumable=code.kind in ('generator', 'coroutine'))
    if node_kind == 'Lambda':
        from ..compiler.functions import _gen_lambda_body, _lambda_body
        from ..compiler.trace_lines import first_leaf_line, plan_expression

        # the body's instructions have their lines, its RETURN_VALUE the lambda's
        plan_expression(node.body, node.lineno, compiler.trace_plan)
        value, is_gen = compiler.gen_expr(node.body)
        body = _gen_lambda_body(value) if is_gen else _lambda_body(value)
        first = first_leaf_line(node.body)
        if generator:
            return _generator_body(_first_line(body, first))
        return _function_body(_lambda_line(body, first))
    if node_kind in ('ListComp', 'SetComp', 'DictComp', 'GeneratorExp'):
        kind = {'ListComp': 'list', 'SetComp': 'set', 'DictComp': 'dict',
                'GeneratorExp': 'genexpr'}[node_kind]
        if code.kind in ('coroutine', 'asyncgen'):  # a comprehension that awaits
            return _generator_body(_first_line(compiler.async_comprehension_body(node, kind),
                                               node.lineno), unwrap=unwrap)
        body = compiler.comprehension_body(node, kind)
        return _comprehension_body(body, node.lineno, generator=kind == 'genexpr')
    if node_kind == 'ClassDef':
        scope = code.scope
        cell_slot = scope.slots.get('__class__') if '__class__' in scope.cells else None
        # the class body's first line event is at its code's first line (a decorator's)
        return _class_body(compiler.class_body(node.body, code.co_qualname),
                           code.co_firstlineno, cell_slot)
    if code.kind == 'module':
        compiler.interactive = node_kind == 'Interactive'
        # compiled with PyCF_ALLOW_TOP_LEVEL_AWAIT and awaiting: a coroutine's body
        awaiting = bool(code.co_flags & CO_COROUTINE)
        if node_kind == 'Expression' and awaiting:
            awaited, _ = compiler.gen_expr(node.body)

            def evaluate_awaiting(f):
                line_event(f, node.body.lineno)
                f.ret = yield from awaited(f)

            return _generator_body(evaluate_awaiting)
        if node_kind == 'Expression':
            value = compiler.expr(node.body)

            def evaluate(f):
                line_event(f, node.body.lineno)
                f.ret = value(f)

            return _function_body(evaluate)
        body = compiler.module_body(node.body, code.docstring)
        return _generator_body(body) if awaiting else _function_body(body)
    raise NotImplementedError(f'tracing {code.kind} code of a {node_kind} is not supported')


def _first_line(body, lineno: int):
    """A generator body whose first line event is at `lineno`."""
    def with_line(f):
        line_event(f, lineno)
        return (yield from body(f))

    return with_line


def _lambda_line(body, lineno: int):
    def with_line(f):
        line_event(f, lineno)
        return body(f)

    return with_line


# switching code objects between their plain and instrumented bodies

_codes: weakref.WeakSet = weakref.WeakSet()  # every code object compiled (with its nested ones)
_explicit: weakref.WeakSet = weakref.WeakSet()  # traced by trace(code), not by settrace
_everything = [False]  # some thread has a sys.settrace or sys.setprofile function


def _plain_body(code: Code):
    body = code.body
    return getattr(body, 'plain', body)


def _instrument(code: Code) -> None:
    if code.instrumented is None:
        code.instrumented = _compile_instrumented(code)
    code.instrumented.plain = _plain_body(code)
    code.body = code.instrumented


def _instrument_on_first_call(code: Code) -> None:
    """Under settrace, a code object is compiled again only when it first runs (once: a
    program that turns tracing on and off, each time a trace function raises, switches every
    code object each time)."""
    instrumented = code.instrumented
    if instrumented is not None:
        if code.body is not instrumented:
            instrumented.plain = _plain_body(code)
            code.body = instrumented
        return
    if getattr(code.body, 'first_call', False):
        return
    plain = _plain_body(code)
    stub = getattr(plain, 'memphis_first_call', None)
    if stub is None or stub.code is not code:  # (code.replace() copies share a body)
        def stub(f):
            _instrument(code)
            return code.body(f)

        stub.plain = plain
        stub.code = code
        stub.first_call = True
        try:
            plain.memphis_first_call = stub
        except AttributeError:
            pass
    code.body = stub


def trace(code: Code) -> None:
    """Switch `code` to its instrumented body (compiled the first time) until `untrace`.

    Frames already running its plain body switch too, at their next statement; a generator's
    or coroutine's frames also when they resume (their later lines are reported, not their
    resumptions and suspensions: only sys.settrace's frames report these,
    runtime.switched_generators).
    """
    _explicit.add(code)
    _instrument(code)
    if code.kind in _GENERATOR_KINDS or code in _running_codes():
        _switch_running(code)


_GENERATOR_KINDS = ('generator', 'coroutine', 'asyncgen')


def _running_codes() -> set:
    """The code objects of the frames on the interpreter threads' stacks."""
    running = set()
    for state in list(thread_states.values()):
        frame = state.frame
        while frame is not None:
            running.add(frame.f_code)
            frame = frame.f_back
    return running


def untrace(code: Code) -> None:
    """Give `code` back its plain body (unless settrace/setprofile needs every code traced)."""
    _explicit.discard(code)
    if not _everything[0]:
        _restore(code)


def _restore(code: Code) -> None:
    code.body = _plain_body(code)
    if _switched:
        for undo in reversed(_switched.pop(code, ())):
            undo()


# Running frames: a frame keeps the body it started with, so a frame already running when its
# code is traced would report nothing (CPython's pdb.set_trace() expects the next line of its
# caller). Its plain closures are switched instead: each statement closure, in the cells and
# block lists of the plain tree, is replaced by the traced closure compiled for the same node,
# until `untrace`. A running block picks the traced statements up at its next statement.

_switched: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # code -> undo actions


def _tagged_closures(body) -> dict:
    """id(statement node) -> the outermost closure compiled for it, in a closure tree."""
    found: dict = {}
    seen: set = set()
    pending = [body]
    while pending:
        value = pending.pop(0)
        if id(value) in seen:
            continue
        seen.add(id(value))
        if callable(value) and hasattr(value, '__closure__'):
            node = getattr(value, 'memphis_node', None)
            if node is not None:
                found.setdefault(id(node), value)
            for cell in value.__closure__ or ():
                try:
                    pending.append(cell.cell_contents)
                except ValueError:
                    pass
        elif isinstance(value, (list, tuple)):
            handler = _compiled_handler(value)
            if handler is not None:
                found.setdefault(id(handler), value)
            pending.extend(value)
    return found


def _compiled_handler(value) -> ExceptHandler | None:
    """The clause of a compiled `except` clause (the tuple compiler.statements' `handlers`
    makes, ending with its node), else None: a running `try` reads its clauses when an
    exception reaches them, so a switched one reports their lines."""
    if type(value) is tuple and value and type(value[-1]) is ExceptHandler:
        return value[-1]
    return None


def _switch_running(code: Code) -> None:
    if code in _switched or code.instrumented is None:
        return
    traced = _tagged_closures(code.instrumented)
    undo: list = []
    seen: set = set()

    def replacement(value):
        """The traced closure for a plain statement closure, or the value itself."""
        node = getattr(value, 'memphis_node', None)
        if node is None:
            return value
        fused = getattr(value, 'memphis_fused', None)
        if fused is not None:  # a guard clause and the rest of its block, as one closure
            statements = [traced.get(id(part)) for part in fused]
            return value if None in statements else _statements_block(statements)
        if type(node).__name__ in ('For', 'While', 'AsyncFor'):
            _report_iterations(value, node.lineno, undo)
        return traced.get(id(node), value)

    def visit(value):
        """Switch what `value` holds; return what should replace `value` where it is held."""
        if id(value) in seen:
            return value
        if isinstance(value, list):
            seen.add(id(value))
            for index, item in enumerate(value):
                new = visit(item)
                if new is not item:
                    value[index] = new
                    undo.append(lambda held=value, i=index, old=item: held.__setitem__(i, old))
            return value
        if isinstance(value, tuple):
            handler = _compiled_handler(value)
            if handler is not None:
                return traced.get(id(handler), value)
            items = [visit(item) for item in value]
            if any(new is not old for new, old in zip(items, value)):
                return tuple(items)
            return value
        if not (callable(value) and hasattr(value, '__closure__')) or value is code.body:
            return value
        seen.add(id(value))
        for cell in value.__closure__ or ():
            try:
                held = cell.cell_contents
            except ValueError:
                continue
            new = visit(held)
            if new is not held:
                cell.cell_contents = new
                undo.append(lambda c=cell, old=held: setattr(c, 'cell_contents', old))
        return replacement(value)

    visit(_plain_body(code))
    _switched[code] = undo


def _statements_block(statements: list):
    """A block of traced statement closures (what the compiler's block does, unfused)."""
    def block(f):
        for statement in statements:
            try:
                r = statement(f)
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = statement.memphis_node
                raise
            if r is not None:
                return r
        return None

    return block


def _report_iterations(loop, lineno: int, undo: list) -> None:
    """A running plain loop reports its header line each time it goes back to it: before a
    frame's first iteration through the switched body (the end of the one it was running),
    then after each iteration that does not leave the loop (the last one's too, when the
    header finds the loop over)."""
    from ..compiler.core import CONTINUE

    names = loop.__code__.co_freevars
    if 'body' not in names:
        return
    cell = loop.__closure__[names.index('body')]
    body = cell.cell_contents
    started = weakref.WeakSet()  # the frames that ran an iteration through it

    def before(f):
        if f not in started:
            started.add(f)
            loop_line_event(f, lineno)

    if getattr(body, 'memphis_gen', False):
        def reporting_body(f):
            before(f)
            r = yield from body(f)
            if r is None or r is CONTINUE:
                loop_line_event(f, lineno)
            return r

        reporting_body.memphis_gen = True
    else:
        def reporting_body(f):
            before(f)
            r = body(f)
            if r is None or r is CONTINUE:
                loop_line_event(f, lineno)
            return r

    cell.cell_contents = reporting_body
    undo.append(lambda: setattr(cell, 'cell_contents', body))


def instrument_running(code: Code) -> bool:
    """Instrument `code` and switch the frames running its plain body (False: `code` cannot
    be instrumented)."""
    try:
        _instrument(code)
    except NotImplementedError:
        return False
    _switch_running(code)
    return True


def _switch_stack() -> None:
    """The frames of this thread's stack report lines from their next statement on; those
    running their plain body report their 'return' too (and the exceptions entering them; a
    generator's, its suspensions and resumptions: runtime.switched_generators)."""
    frame = current_state().frame
    while frame is not None:
        if instrument_running(frame.f_code) and (
                frame in switched_frames or not hasattr(frame, 'trace_line')):
            # its line is the running statement's: the next line event is on another
            # (a frame found before, whose tracing stopped since, has run plain statements)
            if frame in switched_frames:
                del frame.trace_line
            frame.trace_line = frame.f_lineno
            switched_frames.add(frame)
            if frame.f_code.kind in _GENERATOR_KINDS:
                # (its running `await`/`yield from` sent untraced)
                _plain_generators().resumed_traced.discard(frame)
        frame = frame.f_back


def switched_frame_caught(frame, error: BaseException) -> None:
    """`error` is caught in a frame of `switched_frames`: an exception entering it by a call
    of its running plain statement, reported as an instrumented statement would have."""
    if current_state().sys_tracer is not None:
        _exception_entered(frame, error)


def switched_frame_left(frame, error: BaseException | None = None) -> None:
    """A frame of `switched_frames` returns (`error` None) or leaves raising `error`: its
    'exception' (unless reported already) and 'return' events, as its instrumented body
    would have reported them. The frame is then a plain one again."""
    switched_frames.discard(frame)
    state = current_state()
    back = state.frame
    state.frame = frame
    try:
        if state.sys_tracer is not None:
            if error is not None:
                _exception_entered(frame, error)
                frame.ret = None
            return_event(frame, frame.ret)
    finally:
        state.frame = back
        # (it may be pooled for its function's next call, which starts plain)
        frame.f_trace = None
        frame.traced_exc = None
        if hasattr(frame, 'trace_line'):
            del frame.trace_line


def _register_tree(code: Code) -> None:
    pending = [code]
    while pending:
        current = pending.pop()
        pending.extend(current.children.values())
        _codes.add(current)
        if _everything[0]:
            _instrument_on_first_call(current)


code_observers.append(_register_tree)


def _update_everything() -> None:
    """Instrument every code object while some thread traces or profiles; else only trace()'s."""
    states = list(thread_states.values())
    profiling[0] = any(state.profiler is not None for state in states)
    wanted = profiling[0] or any(state.sys_tracer is not None for state in states)
    if wanted == _everything[0]:
        return
    _everything[0] = wanted
    codes = list(_codes)
    if wanted:
        watched_resumptions.add(True)
        for code in codes:
            _instrument_on_first_call(code)
        return
    explicit = _explicit
    for code in codes:
        if not explicit or code not in explicit:
            _restore(code)
    watched_resumptions.clear()


# the sys functions

def settrace(function) -> None:
    """Set the global trace function of this thread (`sys.settrace`)."""
    _install(current_state(), 'sys_tracer', function, 'trace')
    _update_everything()
    if function is not None:
        # frames already running (pdb.set_trace's caller) report their next lines
        _switch_stack()


def gettrace():
    """The global trace function of this thread (`sys.gettrace`)."""
    return current_state().sys_tracer


def setprofile(function) -> None:
    """Set the profile function of this thread (`sys.setprofile`)."""
    _install(current_state(), 'profiler', function, 'profile')
    _update_everything()
    if function is not None:
        # frames already running report their 'return' and their calls of built-ins
        _switch_stack()


def _install(state, attribute: str, function, what: str) -> None:
    """Replace the thread's trace or profile function; the one replaced is released here, and
    its finalizer installing another is CPython's RuntimeError (reported as unraisable)."""
    installing = state.installing
    if what in installing:
        raise RuntimeError(f'Cannot install a {what} function while another {what} function '
                           'is being installed')
    replaced = getattr(state, attribute)
    setattr(state, attribute, function)
    state.installing = installing | {what}
    try:
        del replaced
    finally:
        state.installing = installing


def getprofile():
    """The profile function of this thread (`sys.getprofile`)."""
    return current_state().profiler


def traced_handler(match, body, is_gen: bool, lineno: int):
    """An `except` clause reports its line before its test (or, bare, before its body); once
    its body has handled the exception, the frame forgets having reported it (`traced_exc`:
    it refers to the frame through its traceback, a cycle that would keep the frame's locals
    alive until the collector runs, where CPython frees them at the end of the clause)."""
    if is_gen:
        def handled_generator(f):
            if match is None:
                line_event(f, lineno)
            result = yield from body(f)
            _forget_handled(f)
            return result

        handled_generator.memphis_gen = True
        handled = handled_generator
    else:
        def handled(f):
            if match is None:
                line_event(f, lineno)
            result = body(f)
            _forget_handled(f)
            return result

    if match is None:
        return None, handled

    def traced_match(f):
        line_event(f, lineno)
        return match(f)

    return traced_match, handled


def _forget_handled(f) -> None:
    """The clause handling the exception `f` reported is done with it."""
    if getattr(f, 'traced_exc', None) is sys.exc_info()[1]:
        f.traced_exc = None


def exit_reports_line(lineno: int):
    """`special_method` for a traced `with` or `async with`: looking up `__enter__`
    (`__aenter__`: CPython's BEFORE_WITH) and calling `__exit__` (`__aexit__`) report the
    with line."""
    from .exceptions import special_method

    def find_special(obj, name: str):
        frame = current_state().frame
        if name in ('__enter__', '__aenter__'):
            line_event(frame, lineno)
        method = special_method(obj, name)
        if name not in ('__exit__', '__aexit__') or method is None:
            return method

        def exit_(*args):
            line_event(frame, lineno)
            suppressed = method(*args)
            # (`is`: the result's truth is the statement's to test, once)
            if name == '__exit__' and args and args[0] is not None \
                    and (suppressed is None or suppressed is False):
                # CPython's RERAISE goes back to the instruction that raised it in the body
                # (f_lasti): the next line event (another item's exit) is reported even on
                # the with line
                raised = getattr(frame, 'reraise_line', None)
                if raised:
                    frame.trace_line = raised
            return suppressed

        return exit_

    return find_special


def traced_async_loop_body(body, lineno: int):
    """A traced `async for` body: going on with the loop jumps back to its header, whose line
    CPython reports again (a `for` loop's iterator does that, see `traced_iterable`)."""
    from ..compiler.core import CONTINUE

    is_gen = getattr(body, 'memphis_gen', False)

    def traced_body(f):
        r = (yield from body(f)) if is_gen else body(f)
        if r is None or r is CONTINUE:
            loop_line_event(f, lineno)
        return r

    traced_body.memphis_gen = True
    return traced_body


def traced_anext(f, awaitable, source: str | None, end_line: int | None = None):
    """Awaiting `__anext__()` in a traced `async for`: the StopAsyncIteration that ends the
    loop is reported to the frame (CPython's SEND raised it) though the loop catches it; then
    `end_line`, the iterable's, where CPython places END_ASYNC_FOR."""
    from ..compiler.generators import _await_iterator

    try:
        return (yield from traced_delegation(f, _await_iterator(awaitable, source)))
    except StopAsyncIteration as stop:
        report_caught(f, stop, traceback_from_frame(f, stop))
        if end_line is not None:
            line_event(f, end_line)
        raise


def stores_doc_first(block, doc: str, lineno: int):
    """A traced class body's statements, storing its docstring as `__doc__` first, at the
    docstring's line (CPython does it after `__module__`, `__qualname__` and annotations)."""
    def traced_block(f):
        line_event(f, lineno)
        f.names['__doc__'] = doc
        return block(f)

    return traced_block


def traced_with_item(store, lineno: int, target_lines: list[int]):
    """(special-method lookup, store, report) for a traced `with` or `async with` item:
    entering and leaving the block report the `with` line, as CPython does; storing the target
    reports `target_lines`, the first before, the others after (compiler.trace_lines.
    plan_with_item); what the store raises is reported; `report(f, error)` reports what the
    item's expression or `__enter__` raised before an outer item's `__exit__` runs."""
    if store is None:
        return exit_reports_line(lineno), None, _exception_entered
    if target_lines:
        store = traced_store(store, target_lines)
    return exit_reports_line(lineno), exceptions_reported(store), _exception_entered


def traced_store(store, lines: list[int]):
    """A target's store reporting the lines of its instructions (`lines`, those of an
    unpacking and of its names' stores, which cannot fail: the first is reported before, the
    others after)."""
    first, rest = lines[0], tuple(lines[1:])

    def traced(f, value):
        line_event(f, first)
        store(f, value)
        for line in rest:
            line_event(f, line)

    return traced


def traced_decorators(decorators: tuple, nodes: list, before, lineno: int):
    """A traced decorated `def`/`class`: the lines CPython reports, in its order.

    Each decorator's line as it is evaluated, the definition's line (`before`: making the
    function, or the class's bases), each decorator's line again as it is called, innermost
    first, and the definition's line for the store.
    """
    def traced_expression(decorator, decorator_line: int, outermost: bool, evaluated: bool):
        def evaluate(f):
            if not evaluated:
                line_event(f, decorator_line)
            value = decorator(f)

            def call(target):
                line_event(f, decorator_line)
                result = value(target)
                if outermost:
                    line_event(f, lineno)
                return result

            return call

        return evaluate

    # a decorator that yields was evaluated before (compiler.generator_positions: a Temp)
    traced = tuple(traced_expression(decorator, node.lineno, index == 0,
                                     type(node).__name__ == 'Temp')
                   for index, (decorator, node) in enumerate(zip(decorators, nodes)))

    def traced_before(f):
        line_event(f, lineno)
        return before(f)

    return traced, traced_before


# `yield from` and `await` in traced frames

_DELEGATING, _RESUME_PENDING = 1, 2  # Frame.trace_delegation


def traced_delegation(f, iterator):
    """`yield from iterator` (also `await`, `async for`, `async with`) in the traced frame `f`,
    as CPython 3.11's SEND runs while tracing.

    Each resumption sends on `f`'s behalf (`f` is the running frame meanwhile: the inner
    frames' `f_back`); an iterator that raises StopIteration (not one that merely ends: a
    generator returning None to next(), a C iterator) gives `f` an 'exception' event. A
    throw() or close() reaches the iterator before `f` resumes: `f`'s 'call' event comes only
    once the iterator has finished with it (none at all if it yields again), as CPython's
    _gen_throw delegates to the iterator first (see `_generator_body`).
    """
    sent = None
    iterates = hasattr(type(iterator), '__next__')
    while True:
        try:
            value = next(iterator) if sent is None and iterates else iterator.send(sent)
        except StopIteration as stop:
            if sent is not None or not iterates or _explicit_stop(iterator, stop):
                _report_stop(f, iterator, stop)
            return stop.value
        f.trace_delegation = _DELEGATING
        current = True  # `f` is the running frame
        while True:
            if current:
                if switched_frames and f in switched_frames:
                    _plain_generators().suspended(f, value)
                suspend_frame(f)
            try:
                sent = yield value
            except (ClosingThrow, ThrowArguments) as wrapper:
                # the driver's close(), or a throw() for an iterator that is not a generator
                # (compiler.generators.delegated_throw): below, out of this handler
                sent = wrapper
            except BaseException as thrown:  # noqa: BLE001 - passed to the iterator
                closes = type(thrown) is GeneratorExit and f.f_code.kind != 'asyncgen'
                # CPython makes `f` current while it throws into a generator or coroutine it
                # delegates to, not while it closes one or calls another iterator's throw()
                current = not closes and _links(iterator)
                if current:
                    resume_frame(f)
                value, stop = _throw_into(f, iterator, thrown, closes, current)
                if stop is not None:
                    return stop.value
                continue  # the iterator yielded again: `f` has not resumed
            if type(sent) is ThrowArguments:
                # (what an iterator's throw() raises has the thrower's context, as in CPython)
                current = _links(iterator)
                if current:
                    resume_frame(f)
                value, stop = _throw_into(f, iterator, sent, False, current)
                sent = None
                if stop is not None:
                    return stop.value
                continue  # the iterator yielded again: `f` has not resumed
            if type(sent) is ClosingThrow:
                # closes the iterator, then raises the GeneratorExit in `f`
                _throw_into(f, iterator, sent.exit, True, False)
            resume_frame(f)
            f.trace_delegation = None
            if f in suspended_switched:
                _plain_generators().resumed(f, True)
            break


_LINKING_TYPES = (types.GeneratorType, types.CoroutineType)


def _links(iterator) -> bool:
    """Whether CPython makes the delegating frame current while it throws into `iterator`:
    a generator or coroutine (its own throw() gets a ThrowArguments as is)."""
    return type(iterator) in _LINKING_TYPES or type(iterator).__name__ == 'coroutine_wrapper'


def _throw_into(f, iterator, thrown: BaseException, closes: bool, current: bool):
    """CPython's _gen_throw for a generator delegating to `iterator`: (a value the iterator
    yields, None) or (None, the StopIteration it returned with); an exception propagates.
    `closes`: close the iterator, then raise `thrown` in `f`; `current`: `f` runs already."""
    method = getattr(iterator, 'close' if closes else 'throw', None)
    arguments = thrown.arguments if type(thrown) is ThrowArguments and not current \
        else (thrown,)
    if method is None and not closes:
        _resumed(f, current)
        raise thrown if type(thrown) is not ThrowArguments else thrown.exception()
    try:
        if closes:
            if method is not None:
                method()
            raise thrown
        return method(*arguments), None
    except StopIteration as stop:
        _resumed(f, current)
        if closes:
            raise
        return None, stop  # the iterator returned: `f` goes on with its value
    except BaseException:
        _resumed(f, current)
        raise


def _resumed(f, current: bool) -> None:
    """`f` resumes after a throw() its delegate handled: its deferred 'call' event."""
    if not current:
        resume_frame(f)
    pending = f.trace_delegation == _RESUME_PENDING
    f.trace_delegation = None
    if pending:
        resume_event(f)
    elif f in suspended_switched:
        _plain_generators().resumed(f, False)


# a coroutine's __await__() and an async generator's __anext__()/asend() objects
_C_AWAITABLES = frozenset({'coroutine_wrapper', 'async_generator_asend'})


def _report_stop(f, iterator, stop: StopIteration) -> None:
    """The StopIteration that ends a loop or a delegation: reported, never kept (the frame
    consumes it; its traceback would keep the iterator alive, delaying its finalization)."""
    # a generator's return value (or a C awaitable's) reaches the frame without a traceback
    traceback = None if hasattr(iterator, 'gi_code') or hasattr(iterator, 'cr_code') \
        or type(iterator).__name__ in _C_AWAITABLES else traceback_from_frame(f, stop)
    report_caught(f, stop, traceback)


def report_caught(f, error: BaseException, traceback) -> None:
    """`f`'s 'exception' event for an exception its loop consumes. The event's argument lives
    in this call only: kept in a frame that the exception's traceback holds, it would make a
    cycle, and everything the frame holds would wait for the garbage collector."""
    arg = (type(error), error, traceback)
    _deliver(f, 'exception', arg, arg)
