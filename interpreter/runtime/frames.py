"""Memphis code objects, frames and the per-thread interpreter state.

A `Frame` is what compiled closures receive: locals live in `fast` (slots resolved at compile
time), module and class bodies name their namespace in `names`. The current frame of each host
thread is kept in its `ThreadState`, so threads are real host threads (decision 9).
"""

from __future__ import annotations

import threading
import types
import weakref
from _thread import get_ident

__all__ = [
    'NO_CHILDREN',
    'UNBOUND',
    'ClosingThrow',
    'Code',
    'Frame',
    'RecursionLimit',
    'ThreadState',
    'ThrowArguments',
    'code_observers',
    'current_state',
    'detach_suspended',
    'executing_node',
    'outside_delegation',
    'recursion_limit',
    'relink_resumed',
    'resume_frame',
    'suspend_frame',
    'thread_states',
]

# The children of a code that has no nested code (read-only: nothing adds to a code's
# children once compiled)
NO_CHILDREN = types.MappingProxyType({})


class ClosingThrow(BaseException):
    """What a traced generator's driver throws into its body for close() (runtime.tracing):
    the compiled `yield` raises `exit`, the GeneratorExit, where the body waits. Through the
    body's nested host generators a GeneratorExit would close each level instead, so a body
    that yields in `except GeneratorExit` could not be resumed."""

    def __init__(self, exit: BaseException) -> None:
        super().__init__()
        self.exit = exit


class ThrowArguments(BaseException):
    """What an interpreted generator's throw() throws in when the `yield from` it waits in
    (`compiler.generators.delegation_in_frame`) sends to an iterator that is not a generator:
    that iterator's throw() gets `arguments`, the caller's, as given, as in CPython (the
    host's throw would hand the compiled `yield from` one exception instead)."""

    def __init__(self, arguments: tuple) -> None:
        super().__init__()
        self.arguments = arguments

    def exception(self) -> BaseException:
        """The exception CPython's throw() raises in the generator itself when the iterator
        has no throw() (a TypeError for arguments it refuses)."""
        from .tracebacks import Traceback, check_throw_arguments, set_traceback

        typ, value, traceback = (*self.arguments, None, None)[:3]
        check_throw_arguments(typ, value, traceback)
        if isinstance(typ, BaseException):
            error = typ
        elif isinstance(value, typ):
            error = value
        else:
            error = typ(*(() if value is None else value if isinstance(value, tuple)
                          else (value,)))
        if isinstance(traceback, Traceback):
            set_traceback(error, traceback)
        elif traceback is not None:
            error = error.with_traceback(traceback)
        return error


class _Unbound:
    """The value of a local slot that has not been assigned (or was deleted)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return '<unbound>'


UNBOUND = _Unbound()


# the fields `Code.replace` can change; the host's code type names every field CPython has
_REPLACEABLE = frozenset({'co_name', 'co_qualname', 'co_filename'})
_HOST_CODE = (lambda: None).__code__
# the fields of CPython's code objects a Memphis code reads from the host compiler's code for
# the same source (runtime.host_code)
SOURCE_FIELDS = frozenset({'co_consts', 'co_names'})


class Code:
    """A compiled unit (module, class body, function, lambda, comprehension).

    `body` is the compiled closure; `instrumented` (built on demand by the step hooks) is the same
    tree compiled with line events, so tracing one code object never slows the others.
    """

    __slots__ = (
        '__weakref__',
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
        'lazy',
        'linetable',
        'nlocals',
        'node',
        'origin',
        'positions',
        'scope',
        'slot_names',
        'trampoline',
    )

    def __init__(self, name: str, qualname: str, filename: str, firstlineno: int) -> None:
        self.co_name = name
        self.co_qualname = qualname
        self.co_filename = filename
        self.co_firstlineno = firstlineno
        self.co_varnames: tuple[str, ...] = ()
        # the names of a frame's fast slots: locals, cells and free variables (co_varnames has
        # CPython's, without the cells that are not parameters and the free variables)
        self.slot_names: tuple[str, ...] = ()
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
        # how to compile the body while it waits for its first call (compiler.lazy)
        self.lazy = None
        self.docstring = None
        self.trampoline = None
        # {code_key: nested Code}; a code without nested ones (most) shares one empty mapping
        self.children = NO_CHILDREN
        # (source text, compile mode) for code compile() made from a string (runtime.host_code)
        self.origin = None
        # a location table given by `replace(co_linetable=...)`: positions come from it
        self.linetable = None

    def __getattr__(self, name: str):
        # only for names that are not set slots (also `getattr(code, 'positions', None)` on
        # the traceback path, so nothing is imported unless it is asked for a source field)
        if name in SOURCE_FIELDS:
            from .host_code import source_field

            return source_field(self, name)
        raise AttributeError(f"'code' object has no attribute '{name}'")

    def co_lines(self):
        """(start, end, line) for each run of instructions on one line. Memphis's instructions
        are the entries of `co_positions()`, at offsets 0, 2, 4, ... as `f_lasti` counts them
        (pdb maps a traceback's `tb_lasti` to its line through this)."""
        start = 0
        current = None
        offset = 0
        for offset, (line, *_) in enumerate(self.co_positions()):
            if offset and line != current:
                yield (2 * start, 2 * offset, current)
                start = offset
            current = line
        yield (2 * start, 2 * (offset + 1), current)

    @property
    def co_nlocals(self) -> int:
        return len(self.co_varnames)

    def co_positions(self):
        """The first line, then the nodes tracebacks and frames point at (see `f_lasti`); for
        a code given a location table, that table's positions of those instructions."""
        from .tracebacks import code_positions

        positions = code_positions(self)
        if self.linetable is None:
            return positions
        return iter(self.replaced_positions(sum(1 for _ in positions)))

    def replaced_positions(self, count: int) -> list[tuple]:
        """The positions of the first `count` instructions read from the location table
        `replace(co_linetable=...)` gave: no location past its end."""
        from .line_tables import decode_positions

        decoded = decode_positions(self.co_firstlineno, self.linetable)[:count]
        return decoded + [(None, None, None, None)] * (count - len(decoded))

    @property
    def co_linetable(self) -> bytes:
        """CPython 3.11's location table of `co_positions()` (see runtime.line_tables)."""
        if self.linetable is not None:
            return self.linetable
        from .line_tables import encode_positions

        return encode_positions(self.co_firstlineno, self.co_positions())

    def replace(self, /, *positional, **changes) -> Code:
        """A copy with another name, qualified name or file (what jinja2 and friends change to
        relabel tracebacks), or another location table (`co_linetable`: its positions are
        the copy's). Other fields (bytecode, constants, first line: line numbers come from
        the nodes) cannot change on a Memphis code object: ValueError."""
        if positional:
            raise TypeError('replace() takes no positional arguments')
        for key, value in changes.items():
            expected = bytes if key == 'co_linetable' else str
            if key not in _REPLACEABLE and key != 'co_linetable':
                if key.startswith('co_') and hasattr(_HOST_CODE, key):
                    raise ValueError(f'replace(): Memphis code objects cannot change {key}')
                raise TypeError(f"'{key}' is an invalid keyword argument for replace()")
            if not isinstance(value, expected):
                given = 'None' if value is None else type(value).__name__
                raise TypeError(f"replace() argument '{key}' must be {expected.__name__}, not "
                                f'{given}')
        copy = Code.__new__(Code)
        for slot in Code.__slots__:
            if slot != '__weakref__' and hasattr(self, slot):
                setattr(copy, slot, getattr(self, slot))
        for key, value in changes.items():
            if key == 'co_linetable':
                # the code's own table (a round trip) keeps its positions, those of the
                # instructions not indexed yet included
                key, value = 'linetable', None if value == self.co_linetable else value
            setattr(copy, key, value)
        if self.trampoline is not None:
            # its own trampoline binding: a function given the copy runs the copy
            copy.trampoline = self.trampoline.copy()
        return copy

    def thrown_before_start(self, fast: list, globals_: dict, builtins: dict,
                            error: BaseException) -> None:
        """`error` is thrown into a generator or coroutine of this code that has not started
        (throw(), close(), its finalization; see async_generators.UNSTARTED_GUARD): CPython
        3.11 runs its frame, which a traced code's reports. Nothing to do untraced."""
        if getattr(self.body, 'plain', None) is None:  # not instrumented (runtime.tracing)
            return
        from .tracing import thrown_before_start

        thrown_before_start(Frame(self, globals_, builtins, None, fast, current_state().frame),
                            error)

    def __repr__(self) -> str:
        return (f'<code object {self.co_name} at {id(self):#x}, file "{self.co_filename}", '
                f'line {self.co_firstlineno}>')

    # as CPython's code objects: never pickled or copied (deepcopy keeps the same one)
    def __reduce_ex__(self, protocol):
        if protocol >= 2:
            raise TypeError('cannot pickle code objects')
        raise TypeError("cannot pickle 'code' object")

    def __reduce__(self):
        raise TypeError("cannot pickle 'code' object")

    def __deepcopy__(self, memo) -> Code:
        return self


switched_frames: set = set()
"""Frames that were running their plain body when sys.settrace was turned on
(runtime.tracing), and generator frames resuming their plain body since: their later
statements report lines, and the ways out of a frame report its 'exception' and 'return'
(`runtime.tracing.switched_frame_left`). Held here, such a frame is never pooled for reuse by
its function's next call (runtime.functions._call_function)."""

watched_resumptions: set = set()
"""Not empty while some thread traces or profiles: the only test a plain generator's
resumption makes (runtime.switched_generators)."""

suspended_switched: weakref.WeakSet = weakref.WeakSet()
"""Generator and coroutine frames of `switched_frames` while suspended (weakly: an abandoned
generator is finalized as usual): their next resumption reports 'call' (see
runtime.switched_generators)."""

code_observers: list = []
"""Called with each module-level `Code` the compiler makes (a debugger's registry, see
interpreter.hooks); empty, it costs one test per compilation."""


class Frame:
    """One activation of a `Code`: what every compiled closure receives as its argument.

    `exc`/`exc_node` remember, for the exception currently propagating through this frame, the
    innermost node that saw it: that is the traceback entry's position (see runtime.tracebacks).
    """

    __slots__ = (
        '__weakref__',
        'delegating',
        'depth',
        'exc',
        'exc_node',
        'f_back',
        'f_builtins',
        'f_code',
        'f_globals',
        'f_trace',
        'fast',
        'handled',
        'locals_snapshot',
        'names',
        'pending_jump',
        'reraise_line',
        'ret',
        'temps',
        'trace_delegation',
        'trace_driver',
        'trace_line',
        'trace_lines_off',
        'trace_raised_line',
        'trace_resume',
        'trace_suspending',
        'traced_exc',
    )
    # `handled` (the exception a generator body's handler is handling: the host forgets it when
    # a throw() is delegated through nested host generators, see exception_being_handled),
    # `trace_line` (the line of the last line event, kept only while an instrumented body runs),
    # `traced_exc` and `trace_raised_line` (the line it was raised at), `trace_driver` and
    # `trace_resume` (a traced generator's driver, see runtime.tracing._generator_body),
    # `trace_suspending` (a traced generator's body while it reports a suspension),
    # `trace_delegation` (a traced generator suspended in `yield from`/`await`,
    # see runtime.tracing.traced_delegation), `trace_lines_off` and `pending_jump` (a line a
    # trace function set as
    # `f_lineno`, see runtime.tracing) and `reraise_line` (the line of the instruction that
    # re-raised the exception `exc`, see f_lineno) are left unset by __init__:
    # plain frames never pay for them.

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
        # True while a generator frame's `yield from` delegates to an interpreted generator:
        # the host resumes the inner one directly, so the inner one links this frame back in
        self.delegating = False

    def __delattr__(self, name: str) -> None:
        """As CPython's frame: deleting the trace function unsets it, the other attributes
        of the frame type cannot be deleted."""
        if name == 'f_trace':
            self.f_trace = None
        elif name == 'f_lineno':
            raise AttributeError('cannot delete attribute')
        elif name in ('f_trace_lines', 'f_trace_opcodes'):
            raise TypeError("can't delete numeric/char attribute")
        elif name in ('f_back', 'f_builtins', 'f_code', 'f_globals', 'f_lasti', 'f_locals'):
            raise AttributeError(f"attribute '{name}' of 'frame' objects is not writable")
        else:
            object.__delattr__(self, name)

    @property
    def f_lineno(self) -> int:
        """The line being executed: found on demand from the host stack, never recorded.

        A traced frame knows its line (that of its last line event); a suspended generator's
        frame, the line of the `yield` it waits at.
        """
        line = getattr(self, 'trace_line', 0)
        if line > 0:
            return line
        if line < 0:  # a traced frame's 'call' event (runtime.tracing.call_event)
            return 0 if self.f_code.kind == 'module' else self.f_code.co_firstlineno
        node = executing_node(self)
        if node is None:
            from .generator_frames import suspended_line

            line = suspended_line(self)
            if line:
                return line
        if node is None and self.exc is None:
            node = self._sole_statement()
        if node is None and self.exc is not None:
            node = self.exc_node
            if getattr(node, 'lineno', None) is None:
                # re-raised by this frame (a `finally`, a handler that did not match, a bare
                # `raise`, a `with` whose __exit__ did not suppress it): the line of CPython's
                # RERAISE, which the re-raising construct noted
                line = getattr(self, 'reraise_line', None)
                if line is not None:
                    return line
        code = self.f_code
        if code.linetable is not None:
            from .tracebacks import instruction_index

            index = instruction_index(code, node if getattr(node, 'lineno', None) else None)
            return code.replaced_positions(index + 1)[index][0]
        if node is not None and getattr(node, 'lineno', None) is not None:
            return node.lineno
        # not started: CPython's first instruction (RESUME) is on line 0 in a module's code
        return 0 if code.kind == 'module' else code.co_firstlineno

    @f_lineno.setter
    def f_lineno(self, line) -> None:
        """A trace function's jump (pdb's `jump`): see runtime.tracing.set_line_from_trace."""
        from .tracing import set_line_from_trace

        set_line_from_trace(self, line)

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
        for index, name in enumerate(code.slot_names):
            value = self.fast[index]
            if index in cells and value is not UNBOUND:  # (cleared: no cell any more)
                try:
                    value = value.cell_contents
                except ValueError:
                    value = UNBOUND
            if value is not UNBOUND:
                result[name] = value
            else:
                result.pop(name, None)
        return result

    @property
    def f_lasti(self) -> int:
        """An index into `f_code.co_positions()` (times 2, as CPython's) of the running node."""
        from .tracebacks import instruction_index

        node = executing_node(self)
        if node is None and self.exc is None:
            node = self._sole_statement()
        if node is None and self.exc is not None:
            node = self.exc_node
        return 2 * instruction_index(self.f_code, node)

    def _sole_statement(self):
        """The statement of a body of one (its closure is the body itself): what it dropped is
        freed (a ResourceWarning, an unawaited coroutine) once that closure has returned,
        where no host frame of this frame names the running statement any more."""
        return getattr(self.f_code.body, 'memphis_node', None)

    @property
    def f_trace_lines(self) -> bool:
        """Whether the local trace function receives 'line' events (True by default)."""
        return not getattr(self, 'trace_lines_off', False)

    @f_trace_lines.setter
    def f_trace_lines(self, value: bool) -> None:
        self.trace_lines_off = not value

    def clear(self) -> None:
        """Drop the frame's local variables (CPython's frame.clear()); not while it runs."""
        running = current_state().frame
        while running is not None:
            if running is self:
                raise RuntimeError('cannot clear an executing frame')
            running = running.f_back
        if self.f_code.kind in ('generator', 'coroutine', 'asyncgen'):
            from .generator_frames import finalize_generator

            finalize_generator(self)
        if self.f_code.kind == 'function' or self.names is None:
            # in place: the host frames of its call (a traceback keeps them) share the list
            self.fast[:] = [UNBOUND] * len(self.fast)
        self.locals_snapshot = None
        self.f_trace = None

    def __repr__(self) -> str:
        return (f'<frame at {id(self):#x}, file {self.f_code.co_filename!r}, '
                f'line {self.f_lineno}, code {self.f_code.co_name}>')


def executing_node(frame: Frame):
    """The innermost node a compiled closure of `frame` is executing, if `frame` is running.

    Every closure takes the frame as `f`; templates hold their node as `node`, statement
    blocks their current statement closure as `s` (tagged with `memphis_node`). Reading host
    frames' locals is slow, but only introspection (sys._getframe().f_lineno) pays for it.
    """
    import sys

    node = _node_in_host_stack(sys._getframe(1), frame)
    if node is None:
        # running in another thread (faulthandler's dump of every thread); this thread's stack
        # was searched above
        me = get_ident()
        for ident, host in sys._current_frames().items():
            if ident != me:
                node = _node_in_host_stack(host, frame)
                if node is not None:
                    break
    return node


def _node_in_host_stack(host, frame: Frame):
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
                if 'n0' in names:  # a block of one or two statements (compiler.core)
                    second = 'n1' in names and host.f_lineno >= _second_statement_line(
                        host.f_code)
                    return names['n1'] if second else names['n0']
        host = host.f_back
    return None


_second_lines: dict = {}


def _second_statement_line(code) -> int:
    """The host line where a two-statement block (compiler.core._block2) calls its second."""
    line = _second_lines.get(code)
    if line is None:
        import dis

        line = next(instruction.positions.lineno for instruction in dis.get_instructions(code)
                    if instruction.argval == 's1')
        _second_lines[code] = line
    return line


class ThreadState:
    """Per host thread: the current Memphis frame (the top of this thread's stack).

    Found by thread id in `thread_states` rather than through `threading.local`, whose
    attribute access costs three times as much on the call path.
    """

    __slots__ = ('__weakref__', 'frame', 'in_trace', 'installing', 'profiler', 'sys_tracer',
                 'trace_event', 'tracer')

    def __init__(self) -> None:
        self.frame: Frame | None = None
        self.tracer = None  # the step hook (runtime.tracing.set_tracer)
        self.sys_tracer = None  # sys.settrace's function
        self.profiler = None  # sys.setprofile's function
        self.in_trace = False  # a trace or profile function is running: it is not traced
        self.trace_event = None  # (frame, event) the sys.settrace function is called for
        # 'trace', 'profile': which of sys.settrace and sys.setprofile is replacing its function
        self.installing: frozenset = frozenset()


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
    current_state().frame = detach_suspended(frame)


def detach_suspended(frame: Frame) -> Frame | None:
    """The frame current once `frame` yields (outside the generators delegating to it, which
    are suspended with it); the outermost of these (or `frame`) forgets it, as a suspended
    frame has no f_back in CPython: else the resumer's frame, whose locals may hold the
    generator, would be kept by it, and the generator finalized late (by the collector)."""
    link = frame
    back = frame.f_back
    while back is not None and back.delegating:
        link = back
        back = back.f_back
    link.f_back = None
    return back


def resume_frame(frame: Frame) -> None:
    """A generator frame resumes: whoever resumed it becomes its `f_back`."""
    state = current_state()
    relink_resumed(frame, state.frame)
    state.frame = frame


def outside_delegation(back: Frame | None) -> Frame | None:
    """The frame current once a generator yields to `back`: the generators delegating to it
    (`yield from`) are suspended with it, as in CPython."""
    while back is not None and back.delegating:
        back = back.f_back
    return back


def relink_resumed(frame: Frame, resumer: Frame | None) -> None:
    """`frame` resumes on behalf of `resumer`: it becomes its `f_back`, or, when `frame` runs
    for the generators delegating to it, the outermost of those gets `resumer` instead."""
    back = frame.f_back
    if back is None or not back.delegating:
        frame.f_back = resumer
        frame.depth = resumer.depth + 1 if resumer is not None else 1
        return
    chain = [frame]
    while back is not None and back.delegating:
        chain.append(back)
        back = back.f_back
    chain[-1].f_back = resumer
    depth = resumer.depth if resumer is not None else 0
    for link in reversed(chain):
        depth += 1
        link.depth = depth


class RecursionLimit:
    """Memphis's recursion limit (sys.getrecursionlimit as interpreted code sees it)."""

    value = 1000


recursion_limit = RecursionLimit


# what type(frame) and type(code) read in CPython
Frame.__name__ = Frame.__qualname__ = 'frame'
Code.__name__ = Code.__qualname__ = 'code'
Frame.__module__ = Code.__module__ = 'builtins'
