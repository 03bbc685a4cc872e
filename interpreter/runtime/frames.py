"""Memphis code objects, frames and the per-thread interpreter state.

A `Frame` is what compiled closures receive: locals live in `fast` (slots resolved at compile
time), module and class bodies name their namespace in `names`. The current frame of each host
thread is kept in its `ThreadState`, so threads are real host threads (decision 9).
"""

from __future__ import annotations

import threading
from _thread import get_ident

__all__ = [
    'UNBOUND',
    'Code',
    'Frame',
    'RecursionLimit',
    'ThreadState',
    'current_state',
    'recursion_limit',
    'resume_frame',
    'suspend_frame',
    'thread_states',
]


class _Unbound:
    """The value of a local slot that has not been assigned (or was deleted)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return '<unbound>'


UNBOUND = _Unbound()


class Code:
    """A compiled unit (module, class body, function, lambda, comprehension).

    `body` is the compiled closure; `instrumented` (built on demand by the step hooks) is the same
    tree compiled with line events, so tracing one code object never slows the others.
    """

    __slots__ = (
        'body',
        'cell_slots',
        'children',
        'co_argcount',
        'co_cellvars',
        'co_filename',
        'co_firstlineno',
        'co_flags',
        'co_freevars',
        'co_kwonlyargcount',
        'co_name',
        'co_posonlyargcount',
        'co_qualname',
        'co_varnames',
        'docstring',
        'free_slots',
        'instrumented',
        'kind',
        'nlocals',
        'node',
        'scope',
        'signature',
        'trampoline',
    )

    def __init__(self, name: str, qualname: str, filename: str, firstlineno: int) -> None:
        self.co_name = name
        self.co_qualname = qualname
        self.co_filename = filename
        self.co_firstlineno = firstlineno
        self.co_varnames: tuple[str, ...] = ()
        self.co_cellvars: tuple[str, ...] = ()
        self.co_freevars: tuple[str, ...] = ()
        self.co_argcount = self.co_posonlyargcount = self.co_kwonlyargcount = 0
        self.co_flags = 0
        self.nlocals = 0
        self.body = None
        self.kind = 'module'
        self.node = None
        self.scope = None
        self.free_slots: tuple[int, ...] = ()
        self.cell_slots: tuple[int, ...] = ()
        self.instrumented = None
        self.docstring = None
        self.trampoline = None
        self.signature = None
        self.children: dict = {}

    def co_positions(self):
        yield (self.co_firstlineno, self.co_firstlineno, None, None)

    def __repr__(self) -> str:
        return (f'<code object {self.co_name} at {id(self):#x}, file "{self.co_filename}", '
                f'line {self.co_firstlineno}>')


class Frame:
    """One activation of a `Code`: what every compiled closure receives as its argument.

    `exc`/`exc_node` remember, for the exception currently propagating through this frame, the
    innermost node that saw it: that is the traceback entry's position (see runtime.tracebacks).
    """

    __slots__ = (
        '__weakref__',
        'depth',
        'exc',
        'exc_node',
        'f_back',
        'f_builtins',
        'f_code',
        'f_globals',
        'f_trace',
        'fast',
        'locals_snapshot',
        'names',
        'ret',
        'temps',
    )

    def __init__(self, code: Code, globals_: dict, builtins: dict, names, fast: list,
                 back: Frame | None) -> None:
        self.f_code = code
        self.f_globals = globals_
        self.f_builtins = builtins
        self.names = names
        self.fast = fast
        self.f_back = back
        self.ret = None
        self.exc = None
        self.exc_node = None
        self.depth = 1 if back is None else back.depth + 1
        self.f_trace = None
        self.locals_snapshot = None

    @property
    def f_lineno(self) -> int:
        """The line being executed: found on demand from the host stack, never recorded."""
        node = _executing_node(self)
        if node is None and self.exc is not None:
            node = self.exc_node
        if node is not None and getattr(node, 'lineno', None) is not None:
            return node.lineno
        return self.f_code.co_firstlineno

    @property
    def f_locals(self):
        """The frame's namespace as a dict (a snapshot for function frames, as in CPython)."""
        code = self.f_code
        if self.names is not None and code.kind != 'function':
            return self.names
        result = self.locals_snapshot
        if result is None:
            result = self.locals_snapshot = {}
        cells = set(code.cell_slots) | set(code.free_slots)
        for index, name in enumerate(code.co_varnames):
            value = self.fast[index]
            if index in cells:
                try:
                    value = value.cell_contents
                except ValueError:
                    value = UNBOUND
            if value is not UNBOUND:
                result[name] = value
            else:
                result.pop(name, None)
        return result

    def __repr__(self) -> str:
        return (f'<frame at {id(self):#x}, file {self.f_code.co_filename!r}, '
                f'line {self.f_lineno}, code {self.f_code.co_name}>')


def _executing_node(frame: Frame):
    """The innermost node a compiled closure of `frame` is executing, if `frame` is running.

    Every closure takes the frame as `f`; templates hold their node as `node`, statement
    blocks their current statement closure as `s` (tagged with `memphis_node`). Reading host
    frames' locals is slow, but only introspection (sys._getframe().f_lineno) pays for it.
    """
    import sys

    host = sys._getframe(1)
    while host is not None:
        if host.f_code.co_varnames[:1] == ('f',):
            names = host.f_locals
            if names.get('f') is frame:
                node = names.get('node')
                if node is not None and hasattr(node, 'lineno'):
                    return node
                statement = names.get('s')
                if statement is not None and hasattr(statement, 'memphis_node'):
                    return statement.memphis_node
        host = host.f_back
    return None


class ThreadState:
    """Per host thread: the current Memphis frame (the top of this thread's stack).

    Found by thread id in `thread_states` rather than through `threading.local`, whose
    attribute access costs three times as much on the call path.
    """

    __slots__ = ('__weakref__', 'frame', 'tracer')

    def __init__(self) -> None:
        self.frame: Frame | None = None
        self.tracer = None


thread_states: dict[int, ThreadState] = {}


class _ThreadExit:
    """Kept in a thread-local: when the thread ends, its `ThreadState` is dropped too."""

    __slots__ = ('ident',)

    def __init__(self, ident: int) -> None:
        self.ident = ident

    def __del__(self) -> None:
        thread_states.pop(self.ident, None)


_thread_exit = threading.local()


def current_state() -> ThreadState:
    """This host thread's `ThreadState` (created on first use)."""
    ident = get_ident()
    try:
        return thread_states[ident]
    except KeyError:
        state = thread_states[ident] = ThreadState()
        _thread_exit.marker = _ThreadExit(ident)
        return state


def suspend_frame(frame: Frame) -> None:
    """A generator frame is about to yield: its resumer's frame is current again."""
    current_state().frame = frame.f_back


def resume_frame(frame: Frame) -> None:
    """A generator frame resumes: whoever resumed it becomes its `f_back`."""
    state = current_state()
    back = frame.f_back = state.frame
    frame.depth = back.depth + 1 if back is not None else 1
    state.frame = frame


class RecursionLimit:
    """Memphis's recursion limit (sys.getrecursionlimit as interpreted code sees it)."""

    value = 1000


recursion_limit = RecursionLimit
