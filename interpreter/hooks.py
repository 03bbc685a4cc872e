"""What a debugger needs from the interpreter, without knowing DAP: breakpoints, stepping, stops.

Decision 8 holds: only code objects that contain a breakpoint (or, while a thread steps into
code or pauses, every code object) run their instrumented bodies; the rest pay nothing.
"""

from __future__ import annotations

import os
import sys
import threading
import weakref
from _thread import get_ident
from collections.abc import Callable
from dataclasses import dataclass, field

from .nodes import LOAD, STORE, iter_child_nodes, stmt
from .runtime import tracing
from .runtime.frames import (
    UNBOUND,
    Code,
    Frame,
    code_observers,
    current_state,
    thread_states,
)

__all__ = [
    'Breakpoint',
    'Debugger',
    'StopEvent',
    'Watch',
    'evaluate_in_frame',
    'executable_lines',
    'frame_lines',
    'set_local',
    'step_in_targets',
]


@dataclass
class Breakpoint:
    """A line breakpoint (or a function breakpoint when `function` is set)."""

    line: int = 0
    condition: str | None = None
    hit_condition: str | None = None
    log_message: str | None = None
    function: str | None = None
    id: int = 0
    hits: int = 0
    verified: bool = False
    message: str | None = None


@dataclass
class StopEvent:
    """Why and where a thread stopped: `frames` are (Memphis frame, line), innermost first."""

    reason: str
    thread_id: int
    frames: list = field(default_factory=list)
    breakpoint_ids: list = field(default_factory=list)
    exception: BaseException | None = None
    text: str = ''
    # the frame whose line event the stop happened at (None: a call's return, an exception,
    # a data breakpoint): only there can the debugger's goto move execution (`can_jump`)
    at_line_of: Frame | None = None


_NESTED_SCOPES = ('FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Lambda')


def step_in_targets(code: Code, line: int, text: str) -> list[tuple[str, str | None]]:
    """The calls the statement at `line` of `code` makes, in the order they run (arguments
    before the call taking them): (its source text, the called function's name or None).
    `text` is the source `code` was compiled from."""
    statement = _statement_at(getattr(code.node, 'body', None) or [], line)
    if statement is None:
        return []
    lines = text.encode('utf-8').splitlines()
    calls: list = []

    def visit(node) -> None:
        for child in iter_child_nodes(node):
            if type(child).__name__ in _NESTED_SCOPES or _is_statement(child):
                continue  # another scope, or a compound statement's body (other lines)
            visit(child)
        if type(node).__name__ == 'Call':
            calls.append(node)

    visit(statement)
    result = []
    for call in calls:
        function = call.func
        name = getattr(function, 'id', None) or getattr(function, 'attr', None)
        result.append((_segment(lines, call), name))
    return result


def _is_statement(node) -> bool:
    return isinstance(node, stmt)


def _statement_at(statements, line: int):
    """The statement starting at `line` among a code object's own (not nested scopes')."""
    for statement in statements:
        if statement.lineno == line:
            return statement
        if type(statement).__name__ in _NESTED_SCOPES:
            continue
        for name in _BODY_FIELDS:
            for inner in getattr(statement, name, None) or []:
                found = _statement_at(getattr(inner, 'body', None) or [], line) \
                    if not _is_statement(inner) else _statement_at([inner], line)
                if found is not None:
                    return found
    return None


def _segment(lines: list[bytes], node) -> str:
    """The source text of `node` (its columns count UTF-8 bytes)."""
    first, last = node.lineno - 1, (node.end_lineno or node.lineno) - 1
    if first == last:
        return lines[first][node.col_offset:node.end_col_offset].decode('utf-8', 'replace')
    parts = [lines[first][node.col_offset:], *lines[first + 1:last],
             lines[last][:node.end_col_offset]]
    return b'\n'.join(parts).decode('utf-8', 'replace')


_MISSING = object()


class Watch:
    """A data breakpoint: writes to `name` in a frame ('local'), a module's globals
    ('global', `holder` the globals dict) or an object ('attribute').

    Only the code objects that can write the name (those storing it: `_stored_names`) are
    instrumented (decision 8); after each of their statements the value is compared with the
    last one seen (by identity), so a write from host code or `setattr` is seen only when a
    watched code object runs its next statement."""

    def __init__(self, kind: str, holder, name: str, id: int = 0) -> None:
        self.kind = kind
        self.holder = holder
        self.name = name
        self.id = id
        self.last = self.read()

    @property
    def key(self) -> str:
        """What a storing code object's `_stored_names` contains for this watch."""
        return f'.{self.name}' if self.kind == 'attribute' else self.name

    def read(self):
        holder = self.holder
        if self.kind == 'global':
            return holder.get(self.name, _MISSING)
        if self.kind == 'local':
            code = holder.f_code
            if holder.names is not None and code.kind != 'function':
                return holder.names.get(self.name, _MISSING)
            index = code.slot_names.index(self.name)
            value = holder.fast[index]
            if index in code.cell_slots or index in code.free_slots:
                try:
                    value = value.cell_contents
                except (AttributeError, ValueError):
                    return _MISSING
            return _MISSING if value is UNBOUND else value
        # an attribute: the instance's own dictionary, so that no property (user code) runs
        names = getattr(holder, '__dict__', None)
        if isinstance(names, dict):
            return names.get(self.name, _MISSING)
        return getattr(holder, self.name, _MISSING)

    def describe(self, old, new) -> str:
        shown = {'local': self.name, 'global': self.name, 'attribute': f'.{self.name}'}
        return (f'{shown[self.kind]} changed: {_repr_or_unbound(old)} -> '
                f'{_repr_or_unbound(new)}')


def _repr_or_unbound(value) -> str:
    if value is _MISSING:
        return '<unbound>'
    try:
        return repr(value)
    except Exception as error:  # noqa: BLE001 - a failing repr is named instead
        return f'<{type(value).__name__}: repr failed: {error}>'


def _stored_names(code: Code) -> frozenset[str]:
    """The names `code`'s own body binds or deletes, and '.attr' for each attribute it
    assigns (nested scopes are their own code objects)."""
    names: set[str] = set()
    node = code.node
    pending = list(getattr(node, 'body', None) or []) if isinstance(
        getattr(node, 'body', None), list) else [getattr(node, 'body', node)]
    while pending:
        current = pending.pop()
        kind = type(current).__name__
        if kind == 'Name' and current.ctx is not None and current.ctx is not LOAD:
            names.add(current.id)
        elif kind == 'Attribute' and current.ctx == STORE:
            names.add('.' + current.attr)
        elif kind == 'alias':
            names.add(current.asname or current.name.split('.')[0])
        elif kind in ('ExceptHandler', 'MatchAs', 'MatchStar') and current.name:
            names.add(current.name)
        if kind in _NESTED_SCOPES:
            if kind != 'Lambda':
                names.add(current.name)
            continue
        pending.extend(iter_child_nodes(current))
    return frozenset(names)


class _Stepping:
    """One thread's step request: `mode` is 'into', 'over', 'out' or 'pause'.

    `stack` holds the code objects of the frames on the stack when the step began: they stay
    instrumented while the thread steps (the step hooks switch running frames at their next
    statement), so that returning into a caller finds its lines.
    """

    __slots__ = ('depth', 'frame', 'mode', 'stack', 'target')

    def __init__(self, mode: str, frame: Frame | None, target: str | None = None) -> None:
        self.mode = mode
        self.frame = frame
        self.target = target  # stepIn with a target: stop only in a function of this name
        self.depth = frame.depth if frame is not None else 0
        self.stack: set = set()
        while frame is not None:
            self.stack.add(frame.f_code)
            frame = frame.f_back


def executable_lines(filename: str) -> list[int]:
    """The first line of every statement of the file (what a breakpoint can stop at)."""
    from .parser import parse

    try:
        with open(filename, 'rb') as handle:
            data = handle.read()
    except OSError:
        return []
    result = parse(data, filename)
    lines: set[int] = set()
    _statement_lines(getattr(result.tree, 'body', []), lines, nested=True)
    return sorted(lines)


_BODY_FIELDS = ('body', 'orelse', 'finalbody', 'handlers', 'cases')


def _statement_lines(statements, lines: set, *, nested: bool, clauses: bool = False) -> None:
    """Statement lines of a block; into function and class bodies only when `nested`; with
    the lines of `except` clauses when `clauses`."""
    for statement in statements:
        kind = type(statement).__name__
        if kind not in ('ExceptHandler', 'match_case', 'Global', 'Nonlocal') or \
                clauses and kind == 'ExceptHandler':
            lines.add(statement.lineno)
        if kind in ('FunctionDef', 'AsyncFunctionDef', 'ClassDef') and not nested:
            continue
        for name in _BODY_FIELDS:
            _statement_lines(getattr(statement, name, None) or [], lines, nested=nested,
                             clauses=clauses)


def _code_lines(code: Code) -> set[int]:
    """The lines whose line events `code`'s own instrumented body reports (an `except`
    clause's too: stepping stops there as debugpy does)."""
    lines: set[int] = set()
    node = code.node
    body = getattr(node, 'body', None)
    if isinstance(body, list):
        _statement_lines(body, lines, nested=False, clauses=True)
        lines.discard(_docstring_line(code))
        if code.kind != 'module':
            lines.add(code.co_firstlineno)  # a function's call line (decorators aside)
    return lines


def frame_lines(top: Frame, top_line: int | None = None) -> list[tuple[Frame, int]]:
    """(frame, line) from `top` outwards, found in one walk of this thread's host stack.

    A running frame's line is that of the innermost node its compiled closures are executing
    (the closures name the frame `f`, their node `node`, a block's statement `s`): the same
    rule as `Frame.f_lineno`, for the whole stack at once. Call it in the frame's own thread.
    """
    found: dict[int, int] = {}
    host = sys._getframe(1)
    while host is not None:
        if host.f_code.co_varnames[:1] == ('f',):
            names = host.f_locals
            frame = names.get('f')
            if isinstance(frame, Frame) and id(frame) not in found:
                node = names.get('node')
                if node is None or getattr(node, 'lineno', None) is None:
                    statement = names.get('s')
                    node = getattr(statement, 'memphis_node', None)
                if node is not None and getattr(node, 'lineno', None) is not None:
                    found[id(frame)] = node.lineno
        host = host.f_back
    result = []
    frame = top
    while frame is not None:
        if frame is top and top_line is not None:
            line = top_line
        else:
            # a frame running instrumented knows the line of its last line event (a plain
            # one's may be stale); a plain frame's line is found on the host stack
            code = frame.f_code
            traced = code.instrumented is not None and code.body is code.instrumented
            traced_line = getattr(frame, 'trace_line', 0) if traced else 0
            # (-1: at its 'call' event, see runtime.tracing.call_event)
            line = (traced_line if traced_line > 0 else None) or found.get(id(frame)) \
                or code.co_firstlineno
        result.append((frame, line))
        frame = frame.f_back
    return result


def _frame_names(frame: Frame) -> dict:
    """A namespace for evaluating in `frame`: its locals (cells read) over nothing else."""
    return dict(frame.f_locals)


def evaluate_in_frame(frame: Frame, text: str, *, statements: bool = False):
    """Evaluate `text` (an expression, or statements when allowed) in `frame`.

    Returns the value (None for statements). Assignments to the frame's locals are written
    back into the frame, so a statement or setVariable changes what the program sees.
    """
    from .runtime.builtins import run_code

    if frame.names is not None and frame.f_code.kind != 'function':
        names = frame.names
        write_back = False
    else:
        names = _frame_names(frame)
        write_back = True
    try:
        code = _compiled(text, 'eval')
        mode = 'eval'
    except SyntaxError:
        if not statements:
            raise
        code = _compiled(text, 'exec')
        mode = 'exec'
    state = current_state()
    saved = state.tracer
    state.tracer = None
    try:
        value = run_code(code, frame.f_globals, names, frame)
    finally:
        state.tracer = saved
    if write_back and mode == 'exec':
        for name, new in names.items():
            if name in frame.f_code.slot_names:
                set_local(frame, name, new)
            elif name not in frame.f_locals:
                frame.f_globals[name] = new
    return value if mode == 'eval' else None


_compiled_texts: dict[tuple[str, str], Code] = {}


def _compiled(text: str, mode: str) -> Code:
    """A condition is evaluated on every hit: its text is compiled once."""
    key = (text, mode)
    code = _compiled_texts.get(key)
    if code is None:
        from .compiler import compile_source

        code = compile_source(text, '<string>', mode)
        if len(_compiled_texts) > 256:
            _compiled_texts.clear()
        _compiled_texts[key] = code
    return code


def set_local(frame: Frame, name: str, value) -> None:
    """Bind `name` in `frame` (a slot, a cell, or the namespace of a module/class body)."""
    code = frame.f_code
    if frame.names is not None and code.kind != 'function':
        frame.names[name] = value
        return
    index = code.slot_names.index(name)
    if index in code.cell_slots or index in code.free_slots:
        frame.fast[index].cell_contents = value
    else:
        frame.fast[index] = value
    if frame.locals_snapshot is not None:
        frame.locals_snapshot[name] = value


_GENERATOR_FLAGS = 0x20 | 0x80 | 0x200  # generator, coroutine, async generator


def _restartable_code(code: Code) -> bool:
    return code.kind == 'function' and not (code.co_flags or 0) & _GENERATOR_FLAGS


def _runs_instrumented_body(thread_id: int, frame: Frame) -> bool:
    """Whether `frame`'s current call runs inside an instrumented function body (which
    catches `RestartFrame`), found on the thread's host stack."""
    host = sys._current_frames().get(thread_id)
    wrapper = tracing.__file__
    while host is not None:
        if host.f_code.co_name == 'instrumented' and host.f_code.co_filename == wrapper and \
                host.f_locals.get('f') is frame:
            return True
        host = host.f_back
    return False


def _entry_state(frame: Frame) -> tuple[list, dict]:
    """A frame's slots at its start, and its cells' contents (a cell object stays)."""
    code = frame.f_code
    cells = {}
    for index in code.cell_slots:
        try:
            cells[index] = frame.fast[index].cell_contents
        except (AttributeError, ValueError):
            cells[index] = UNBOUND
    return list(frame.fast), cells


def _hit_condition_met(condition: str, hits: int) -> bool:
    """debugpy's hit conditions: 'N' (== N), '== N', '>= N', '> N', '< N', '<= N', '% N'."""
    text = condition.strip()
    for operator in ('==', '>=', '<=', '>', '<', '%'):
        if text.startswith(operator):
            number = int(text[len(operator):].strip())
            if operator == '%':
                return hits % number == 0
            return {'==': hits == number, '>=': hits >= number, '<=': hits <= number,
                    '>': hits > number, '<': hits < number}[operator]
    return hits == int(text)


class Debugger:
    """Breakpoints, exception filters and per-thread stepping over the step hooks.

    `on_stop(StopEvent)` is called in the stopping thread and blocks it until the client
    resumes (the caller then calls `resume`). `on_log(text)` receives logpoint output,
    `on_thread(ident, 'started' | 'exited')` the interpreter threads' lives.
    """

    def __init__(self, on_stop: Callable[[StopEvent], None], on_log: Callable[[str], None],
                 on_thread: Callable[[int, str], None] | None = None) -> None:
        self.on_stop = on_stop
        self.on_log = on_log
        self.on_thread = on_thread
        self.codes: dict[str, weakref.WeakSet] = {}
        self.all_codes: weakref.WeakSet = weakref.WeakSet()
        self.breakpoints: dict[str, dict[int, list[Breakpoint]]] = {}
        self.function_breakpoints: dict[str, Breakpoint] = {}
        self.stepping: dict[int, _Stepping] = {}
        self.raised = False
        self.uncaught = False
        self.user_unhandled = False
        self.last_exception: dict[int, tuple] = {}
        self.user_code_only = False
        self.everything_traced = False
        self.lock = threading.RLock()
        self.break_at_next_function: set[int] = set()
        self.breakpoint_lines: frozenset[int] = frozenset()
        self.code_lines: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self.watches: list[Watch] = []
        # a function frame's slots as they were when it started (instrumented code only):
        # what restart frame puts back
        self.entries: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self.restarts: dict[int, Frame] = {}
        self.jumps: dict[int, tuple[Frame, int]] = {}
        self.stored_names: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    # installation

    def install(self) -> None:
        """Observe every code object compiled from now on; trace every interpreter thread."""
        code_observers.append(self._register_tree)
        tracing.set_tracer(self._tracer)
        self._patch_thread_start()

    def uninstall(self) -> None:
        """Undo `install`: every code object gets its plain body back."""
        import _thread

        if self._register_tree in code_observers:
            code_observers.remove(self._register_tree)
        tracing.set_tracer(None)
        _thread.start_new_thread = self._original_start
        with self.lock:
            self.breakpoints.clear()
            self.function_breakpoints.clear()
            self.stepping.clear()
            self.raised = False
        self._retrace()

    def _patch_thread_start(self) -> None:
        """Threads started by interpreted code get the tracer as they start (per-thread state)."""
        import _thread

        original = self._original_start = _thread.start_new_thread
        debugger = self

        def start_new_thread(function, args, kwargs=None):
            def run(*args, **kwargs):
                tracing.set_tracer(debugger._tracer)
                if debugger.on_thread is not None:
                    debugger.on_thread(get_ident(), 'started')
                try:
                    return function(*args, **kwargs)
                except SystemExit:
                    raise
                except BaseException as error:
                    debugger.report_uncaught(error)
                    raise
                finally:
                    if debugger.on_thread is not None:
                        debugger.on_thread(get_ident(), 'exited')

            return original(run, args, kwargs or {})

        _thread.start_new_thread = start_new_thread

    def _register_tree(self, code: Code) -> None:
        with self.lock:
            pending = [code]
            while pending:
                current = pending.pop()
                pending.extend(current.children.values())
                self.all_codes.add(current)
                self.codes.setdefault(current.co_filename, weakref.WeakSet()).add(current)
                if self.everything_traced or self._wants_trace(current):
                    self._trace(current)

    # instrumentation

    def _trace(self, code: Code) -> bool:
        try:
            tracing.trace(code)
        except NotImplementedError:
            return False  # code the step hooks cannot instrument yet never stops
        return True

    def _wants_trace(self, code: Code) -> bool:
        if any(code in stepping.stack for stepping in list(self.stepping.values())):
            return True
        lines = self.breakpoints.get(code.co_filename)
        if lines and not lines.keys().isdisjoint(_code_lines(code)):
            return True
        if self.watches:
            stored = self.stored_names.get(code)
            if stored is None:
                stored = self.stored_names[code] = _stored_names(code)
            if any(watch.key in stored for watch in self.watches):
                return True
        return bool(self.function_breakpoints) and (
            code.co_name in self.function_breakpoints
            or code.co_qualname in self.function_breakpoints)

    def _retrace(self, codes=None) -> None:
        """Instrument what breakpoints or stepping need now; give the rest their plain bodies.

        `codes` limits the work to some code objects (a file's, when only its breakpoints
        changed)."""
        with self.lock:
            everything = self.raised or self.user_unhandled or any(
                s.mode in ('into', 'pause') for s in self.stepping.values())
            if everything != self.everything_traced:
                codes = None
            self.everything_traced = everything
            for code in list(self.all_codes if codes is None else codes):
                if self.everything_traced or self._wants_trace(code):
                    self._trace(code)
                else:
                    tracing.untrace(code)

    # breakpoints

    def set_breakpoints(self, filename: str, breakpoints: list[Breakpoint]) -> list[Breakpoint]:
        """Replace the file's line breakpoints. One on a line without a statement moves as
        debugpy moves it on CPython 3.11: to the closest statement line before it (the next
        one when there is none before)."""
        filename = os.path.abspath(filename)
        lines = executable_lines(filename)
        by_line: dict[int, list[Breakpoint]] = {}
        for breakpoint in breakpoints:
            before = [line for line in lines if line <= breakpoint.line]
            after = [line for line in lines if line > breakpoint.line]
            if before or after:
                breakpoint.line = before[-1] if before else after[0]
                breakpoint.verified = True
                by_line.setdefault(breakpoint.line, []).append(breakpoint)
            else:
                breakpoint.verified = False
                breakpoint.message = 'no code in this file'
        with self.lock:
            if by_line:
                self.breakpoints[filename] = by_line
            else:
                self.breakpoints.pop(filename, None)
            self.breakpoint_lines = frozenset(
                line for lines in self.breakpoints.values() for line in lines)
        self._retrace(self.codes.get(filename, ()))
        return breakpoints

    def set_function_breakpoints(self, breakpoints: list[Breakpoint]) -> list[Breakpoint]:
        with self.lock:
            self.function_breakpoints = {b.function: b for b in breakpoints if b.function}
        for breakpoint in breakpoints:
            breakpoint.verified = True
        self._retrace()
        return breakpoints

    def set_exception_filters(self, filters: list[str]) -> None:
        self.raised = 'raised' in filters
        self.uncaught = 'uncaught' in filters
        self.user_unhandled = 'userUnhandled' in filters
        self._retrace()

    def set_watches(self, watches: list[Watch]) -> list[Watch]:
        """Replace the data breakpoints (writes only); the code objects storing a watched name
        are instrumented, the others keep (or get back) their plain bodies."""
        with self.lock:
            self.watches = list(watches)
        self._retrace()
        return watches

    def _check_watches(self, frame: Frame, line: int | None) -> bool:
        """After a statement of a code object that can write a watched name: stop if a
        watched value changed (the stop's text says which, from what, to what)."""
        for watch in list(self.watches):
            try:
                current = watch.read()
            except Exception:  # noqa: BLE001, S112 - a holder gone strange is not watched
                continue
            if current is watch.last:
                continue
            old, watch.last = watch.last, current
            thread_id = get_ident()
            with self.lock:
                self.stepping.pop(thread_id, None)
            event = StopEvent('data breakpoint', thread_id, frame_lines(frame, line), [watch.id])
            event.text = watch.describe(old, current)
            self._deliver(event)
            return True
        return False

    # stepping

    def resume(self, thread_id: int, mode: str | None = None, frame: Frame | None = None,
               target: str | None = None) -> None:
        """Let a stopped thread go on: freely (mode None) or stepping from `frame` (into a
        function named `target` only, when given: stepInTargets)."""
        with self.lock:
            if mode is None:
                self.stepping.pop(thread_id, None)
            else:
                self.stepping[thread_id] = _Stepping(mode, frame, target)
        self._retrace()

    def pause(self, thread_id: int) -> None:
        self.resume(thread_id, 'pause')

    def stop_on_entry(self, thread_id: int) -> None:
        with self.lock:
            self.stepping[thread_id] = _Stepping('into', None)
        self._retrace()

    # events

    def _tracer(self, frame: Frame, event: str, arg):
        if event == 'line':
            if self.watches and self._check_watches(frame, arg):
                return self._tracer
            # the common case first: no stepping and no breakpoint on this line of any file
            if self.stepping or arg in self.breakpoint_lines or self.break_at_next_function:
                self._line(frame, arg)
        elif event == 'call':
            if _restartable_code(frame.f_code):
                # every call: a pooled frame object is reused by later calls
                self.entries[frame] = _entry_state(frame)
            if self.function_breakpoints:
                self._call(frame)
        elif event == 'return':
            if self.watches:
                self._check_watches(frame, None)
            if self.stepping:
                self._return(frame)
        elif event == 'exception' and (self.raised or self.user_unhandled) and \
                not isinstance(arg[1] if isinstance(arg, tuple) else arg, tracing.Rewind):
            self._exception(frame, arg)
        return self._tracer

    def _is_user_frame(self, frame: Frame) -> bool:
        return not self.user_code_only or is_user_file(frame.f_code.co_filename)

    def _line(self, frame: Frame, line: int) -> None:
        lines = self._reported_lines(frame.f_code)
        if lines and line not in lines:
            # the step hooks report a docstring or a nonlocal declaration, which CPython
            # does not run: debugpy never stops there
            return

        thread_id = get_ident()
        by_line = self.breakpoints.get(frame.f_code.co_filename)
        if by_line is not None:
            candidates = by_line.get(line)
            if candidates and self._breakpoints_hit(frame, line, candidates, thread_id):
                return
        if thread_id in self.break_at_next_function:
            self.break_at_next_function.discard(thread_id)
            self._stop('function breakpoint', thread_id, frame, line)
            return
        stepping = self.stepping.get(thread_id)
        if stepping is None or not self._is_user_frame(frame):
            return
        mode = stepping.mode
        if stepping.target is not None and frame.depth > stepping.depth and \
                frame.f_code.co_name != stepping.target:
            return  # inside a call made before the chosen one (an argument's)
        if mode in ('into', 'pause') or (
                mode in ('over', 'restart', 'goto') and (frame is stepping.frame
                                                         or frame.depth < stepping.depth)) or (
                mode == 'out' and frame.depth < stepping.depth):
            reason = mode if mode in ('pause', 'restart', 'goto') else (
                'entry' if stepping.frame is None and mode == 'into' else 'step')
            self._stop(reason, thread_id, frame, line)

    def _reported_lines(self, code: Code) -> set[int]:
        lines = self.code_lines.get(code)
        if lines is None:
            lines = self.code_lines[code] = _code_lines(code)
        return lines

    def _breakpoints_hit(self, frame: Frame, line: int, candidates: list, thread_id: int) -> bool:
        hit_ids = []
        for breakpoint in candidates:
            if breakpoint.condition:
                try:
                    if not evaluate_in_frame(frame, breakpoint.condition):
                        continue
                except Exception:  # noqa: BLE001, S112 - a failing condition does not stop
                    continue
            breakpoint.hits += 1
            if breakpoint.hit_condition:
                try:
                    if not _hit_condition_met(breakpoint.hit_condition, breakpoint.hits):
                        continue
                except ValueError:
                    pass
            if breakpoint.log_message is not None:
                self.on_log(self._interpolate(frame, breakpoint.log_message))
                continue
            hit_ids.append(breakpoint.id)
        if not hit_ids:
            return False
        self._stop('breakpoint', thread_id, frame, line, hit_ids)
        return True

    def _interpolate(self, frame: Frame, message: str) -> str:
        """A logpoint's text: each `{expression}` evaluated in the frame."""
        out = []
        index = 0
        while index < len(message):
            start = message.find('{', index)
            if start < 0:
                out.append(message[index:])
                break
            end = message.find('}', start)
            if end < 0:
                out.append(message[index:])
                break
            out.append(message[index:start])
            try:
                out.append(str(evaluate_in_frame(frame, message[start + 1:end])))
            except Exception as error:  # noqa: BLE001 - shown in the log line instead
                out.append(f'<error: {error}>')
            index = end + 1
        return ''.join(out) + '\n'

    def _call(self, frame: Frame) -> None:
        code = frame.f_code
        if code.co_name in self.function_breakpoints or \
                code.co_qualname in self.function_breakpoints:
            self.break_at_next_function.add(get_ident())

    def _return(self, frame: Frame) -> None:
        thread_id = get_ident()
        stepping = self.stepping.get(thread_id)
        if stepping is None or stepping.mode == 'pause' or stepping.frame is None:
            return
        if frame.depth > stepping.depth or (stepping.mode != 'out'
                                            and frame is not stepping.frame
                                            and frame.depth == stepping.depth):
            return
        caller = frame.f_back
        while caller is not None and not self._is_user_frame(caller):
            caller = caller.f_back
        if caller is None:
            return
        if stepping.mode == 'over':
            # the caller reports its next line (its code is instrumented, see _Stepping):
            # stop there, as debugpy does
            following = _Stepping('over', caller)
            following.stack = stepping.stack
            self.stepping[thread_id] = following
            return
        # stepIn and stepOut stop in the caller at its current line, as debugpy does
        self._stop('step', thread_id, caller, None)

    def _exception(self, frame: Frame, arg) -> None:
        """An exception enters `frame` (raised there or passing through): debugpy's 'raised'
        filter stops in every user frame it enters; 'userUnhandled' stops where it leaves
        user code for library code."""
        error = arg[1] if isinstance(arg, tuple) else arg
        traceback = arg[2] if isinstance(arg, tuple) else None
        line = getattr(traceback, 'tb_lineno', None) or frame.f_code.co_firstlineno
        thread_id = get_ident()
        previous = self.last_exception.get(thread_id)
        if self.user_unhandled:
            self.last_exception[thread_id] = (error, frame, line)
        user_frame = is_user_file(frame.f_code.co_filename)
        if self.raised and (user_frame or not self.user_code_only):
            event = StopEvent('exception', thread_id, frame_lines(frame, line), exception=error)
            self._deliver(event)
        elif self.user_unhandled and not user_frame and previous is not None:
            left_error, left_frame, left_line = previous
            if left_error is error and left_frame.f_back is frame and \
                    is_user_file(left_frame.f_code.co_filename):
                frames = [(left_frame, left_line), *frame_lines(frame, line)]
                self._deliver(StopEvent('exception', thread_id, frames, exception=error))

    def report_uncaught(self, error: BaseException) -> None:
        """An exception leaves a thread's outermost frame: stop post mortem if asked to."""
        from .runtime.tracebacks import memphis_traceback

        if not self.uncaught or isinstance(error, SystemExit):
            return
        frames = []
        entry = memphis_traceback(error)
        while entry is not None:
            frames.append((entry.tb_frame, entry.tb_lineno))
            entry = entry.tb_next
        frames.reverse()
        if not frames or not any(self._is_user_frame(frame) for frame, _ in frames):
            return
        event = StopEvent('exception', get_ident(), frames, exception=error)
        event.text = 'uncaught'
        self._deliver(event)

    def _stop(self, reason: str, thread_id: int, frame: Frame, line: int | None,
              hit_ids: list | None = None) -> None:
        with self.lock:
            self.stepping.pop(thread_id, None)
        event = StopEvent(reason, thread_id, frame_lines(frame, line), hit_ids or [])
        if line is not None:
            event.at_line_of = frame
        self._deliver(event)

    def _deliver(self, event: StopEvent) -> None:
        state = current_state()
        saved = state.tracer
        state.tracer = None  # nothing the client asks for while stopped is traced
        try:
            self.on_stop(event)
        finally:
            state.tracer = saved
        target = self.restarts.pop(event.thread_id, None)
        if target is not None:
            # unwinds to the target frame's instrumented body, which runs it again
            raise tracing.RestartFrame(target, self._reset_frame)
        jump = self.jumps.pop(event.thread_id, None)
        if jump is not None:
            # unwinds to the frame's running statement list that has the target line
            raise tracing.JumpTo(*jump)

    # goto

    def can_jump(self, event: StopEvent, line: int) -> str | None:
        """Why the thread stopped by `event` cannot go on at `line` of its current frame
        (None: it can). Only a stop at a line event can jump (as CPython sets `f_lineno`
        only in a 'line' trace event), within the frame's running blocks: see
        `tracing.jump_refusal`."""
        frame = event.at_line_of
        if frame is None or not event.frames or event.frames[0][0] is not frame:
            return 'the thread can only jump when stopped at a line (not at an exception or ' \
                'a return)'
        host = sys._current_frames().get(event.thread_id)
        return tracing.jump_refusal(host, frame, line)

    def jump(self, thread_id: int, frame: Frame, line: int) -> None:
        """When the stopped thread resumes, go on at `line` of `frame` and stop there
        (reason 'goto')."""
        with self.lock:
            self.jumps[thread_id] = (frame, line)
            stepping = _Stepping('over', frame)
            stepping.mode = 'goto'
            self.stepping[thread_id] = stepping
        self._retrace()

    # restart frame

    def can_restart(self, frame: Frame, event: StopEvent) -> str | None:
        """Why `frame` cannot be run again from its start (None: it can). It must be a plain
        function (not a generator or coroutine) that started instrumented (its arguments were
        recorded), and the stop not an exception's (raised from a frame's own handler)."""
        if event.exception is not None:
            return 'a frame cannot be restarted from an exception stop'
        if not _restartable_code(frame.f_code):
            return 'only a function frame (not a module, class body, generator or ' \
                'coroutine) can be restarted'
        if frame not in self.entries or not _runs_instrumented_body(event.thread_id, frame):
            return 'the frame started before its code was instrumented: its arguments ' \
                'were not recorded'
        return None

    def restart_frame(self, thread_id: int, frame: Frame) -> None:
        """When the stopped thread resumes, unwind to `frame` and run it again from its
        start with its arguments as they were on entry; stop at its first line."""
        with self.lock:
            self.restarts[thread_id] = frame
            stepping = _Stepping('over', frame)
            stepping.mode = 'restart'
            self.stepping[thread_id] = stepping
        self._retrace()

    def _reset_frame(self, frame: Frame) -> None:
        fast, cells = self.entries[frame]
        frame.fast[:] = fast
        for index, value in cells.items():
            cell = frame.fast[index]
            if value is UNBOUND:
                try:
                    del cell.cell_contents
                except ValueError:
                    pass
            else:
                cell.cell_contents = value
        frame.locals_snapshot = None
        frame.exc = frame.exc_node = None

    # threads

    @staticmethod
    def interpreter_threads() -> list[tuple[int, str]]:
        """(id, name) of every host thread that runs interpreted code."""
        names = {thread.ident: thread.name for thread in threading.enumerate()}
        names.update(_interpreted_thread_names())
        result = []
        for ident in list(thread_states):
            state = thread_states.get(ident)
            if state is None or (state.frame is None and ident != threading.main_thread().ident):
                continue
            result.append((ident, names.get(ident, f'Thread-{ident}')))
        return result


def _interpreted_thread_names() -> dict[int, str]:
    """The names the program's own (interpreted) `threading` module gave its threads."""
    try:
        from .imports.system import current_import_state

        # (not created here: the debugger's thread may ask before the program has one)
        state = current_import_state()
        module = state.modules.get('threading') if state is not None else None
        active = dict(getattr(module, '_active', None) or {})
    except Exception:  # noqa: BLE001 - no import system or no threading: host names only
        return {}
    return {ident: getattr(thread, 'name', None) or f'Thread-{ident}'
            for ident, thread in active.items()}


def _docstring_line(code: Code) -> int:
    node = code.node
    body = getattr(node, 'body', None)
    if code.kind == 'module' or not isinstance(body, list) or not body:
        return -1
    first = body[0]
    if type(first).__name__ == 'Expr' and type(first.value).__name__ == 'Constant' and \
            isinstance(first.value.value, str):
        return first.lineno
    return -1


def is_user_file(filename: str) -> bool:
    """False for the standard library and installed packages (hidden when justMyCode)."""
    import sysconfig

    if filename.startswith('<'):
        # runpy's frames under `memphis -m` are named as CPython's frozen copy's: library
        return not filename.startswith('<frozen ')
    paths = sysconfig.get_paths()
    for key in ('stdlib', 'platstdlib', 'purelib', 'platlib'):
        root = paths.get(key)
        if root and os.path.abspath(filename).startswith(os.path.abspath(root) + os.sep):
            return False
    return True
