"""Memphis tracebacks: recorded as exceptions leave interpreted frames, printed as CPython does.

Nothing is recorded while no exception is raised. When one propagates, the innermost compiled
node of each frame that sees it notes itself in `frame.exc`/`frame.exc_node` (a `try` in the
closure, free in 3.11 when nothing is raised); when the exception leaves the frame, or is caught
in it, the entry `(frame, node)` is appended to the exception's Memphis traceback.
"""

from __future__ import annotations

import collections
import itertools
import types
import weakref
from types import TracebackType

from ..diagnostics import format_syntax_error
from .c_stand_ins import stand_in_codes
from .frames import switched_frames
from .jumps import JumpTo

__all__ = [
    'ALREADY_RECORDED',
    'MEMPHIS_ATTRIBUTES',
    'Traceback',
    'catch_in_frame',
    'check_throw_arguments',
    'code_positions',
    'exc_info',
    'format_exception',
    'format_traceback',
    'host_unraisablehook',
    'instruction_index',
    'leave_frame',
    'memphis_attribute',
    'memphis_traceback',
    'print_exception',
    'report_unraisable',
    'set_traceback',
    'store_exception_traceback',
    'thread_excepthook',
    'traceback_from_frame',
    'traceback_of',
    'unraisablehook',
]

_KEY = '__memphis_traceback__'
_BUILT = '__memphis_traceback_objects__'


class _AlreadyRecorded:
    __slots__ = ()


ALREADY_RECORDED = _AlreadyRecorded()
"""`frame.exc_node` value: this frame's entry for `frame.exc` is already in its traceback."""

LEFT_WITH_EXCEPTION = _AlreadyRecorded()
"""`frame.exc` value: an exception left the frame at `frame.exc_node` (not kept alive)."""


class _Entries(list):
    """An exception's Memphis traceback, kept in its `__dict__`: pickled and deep-copied as
    empty, and not its copy's (copy.copy shares the dict's values), as CPython pickles and
    copies an exception without its traceback (frames cannot be pickled: multiprocessing's
    workers send exceptions back)."""

    __slots__ = ('owner',)

    def __init__(self, owner: BaseException) -> None:
        super().__init__()
        self.owner = id(owner)

    def __reduce__(self):
        return (list, ())


class _Built(tuple):
    """(entries, count, head): the traceback objects made for them; pickled as None."""

    __slots__ = ()

    def __reduce__(self):
        return (type(None), ())


def _entries(error: BaseException) -> list:
    entries = _own_entries(error)
    if entries is None:
        entries = error.__dict__[_KEY] = _Entries(error)
        original = _split_from(error)
        if original is not None:
            entries.extend(_own_entries(original) or ())
    return entries


# Exception groups that interpreted code caught, by the id of their host traceback: the parts
# split() and subgroup() derive from one get that host traceback (and not the Memphis one,
# which lives in the group's __dict__), so a part finds its group's Memphis traceback there.
_caught_groups: dict = {}


def _remember_caught_group(group: BaseExceptionGroup) -> None:
    host = group.__traceback__
    if host is None:
        return
    key = id(host)

    def forget(ref, key=key) -> None:
        if _caught_groups.get(key) is ref:
            del _caught_groups[key]

    try:
        _caught_groups[key] = weakref.ref(group, forget)
    except TypeError:
        # a BaseExceptionGroup proper (of a BaseException) takes no weak reference: the
        # last few are kept instead
        _caught_groups[key] = _Kept(group)
        while len(_kept_groups) >= _KEPT_GROUPS:
            _caught_groups.pop(_kept_groups.popleft(), None)
        _kept_groups.append(key)


class _Kept:
    """A strong stand-in for a weak reference."""

    __slots__ = ('group',)

    def __init__(self, group: BaseExceptionGroup) -> None:
        self.group = group

    def __call__(self) -> BaseExceptionGroup:
        return self.group


_KEPT_GROUPS = 16
_kept_groups: collections.deque = collections.deque()


def _split_from(error: BaseException) -> BaseExceptionGroup | None:
    """The caught group a part without a Memphis traceback of its own was derived from."""
    if not isinstance(error, BaseExceptionGroup) or not _caught_groups:
        return None
    # raised again, the part's host traceback goes on to the one split() copied
    host = error.__traceback__
    while host is not None:
        ref = _caught_groups.get(id(host))
        original = ref() if ref is not None else None
        if original is not None and original is not error and original.__traceback__ is host:
            return original
        host = host.tb_next
    return None


def _own_entries(error: BaseException) -> _Entries | None:
    """The entries of `error`'s Memphis traceback (None for none, or for a copy's)."""
    entries = error.__dict__.get(_KEY)
    if type(entries) is _Entries and entries.owner == id(error):
        return entries
    return None


def leave_frame(frame, error: BaseException) -> None:
    """`error` propagates out of `frame`: append the frame's entry unless already there."""
    _record(frame, error)
    # The caller receives the exception from a call, which CPython always records, even when
    # the caller had caught this very exception before (a handler calling a function whose
    # bare `raise` re-raises it: Flask's handle_user_exception), so its mark no longer holds.
    back = frame.f_back
    if back is not None and back.exc is error and back.exc_node is ALREADY_RECORDED:
        back.exc = None
        back.traced_exc = None  # a traced caller reports it again too (runtime.tracing)
    if switched_frames and frame in switched_frames:
        from .tracing import switched_frame_left

        switched_frame_left(frame, error)


def _record(frame, error: BaseException) -> None:
    """Append `frame`'s entry to `error`'s traceback unless it is already there."""
    # (close() through nested host generators raises a new GeneratorExit at each level: the
    # frame's is the innermost one's, which would keep it, and its f_back, alive)
    if frame.exc is error or type(error) is GeneratorExit and type(frame.exc) is GeneratorExit:
        node = frame.exc_node
        # the frame is done with the exception: no cycle exception -> traceback -> frame ->
        # exception to keep the frame's locals alive until the collector runs (CPython frees
        # them at once); exc_node stays, for the finished frame's f_lineno
        frame.exc = LEFT_WITH_EXCEPTION
        if node is ALREADY_RECORDED:
            return
    else:
        node = None
    if stand_in_codes and frame.f_code in stand_in_codes:
        return  # CPython's code here is C: no frame (runtime.c_stand_ins)
    _entries(error).append((frame, node))


def catch_in_frame(frame, error: BaseException) -> None:
    """`error` is caught (by try, with or a host-level handler) in `frame`: record the entry now.

    Afterwards the frame marks it as recorded, so re-raising it from a handler or a `finally`
    does not add a second entry (an explicit `raise error` does: it resets the mark).
    The line it was raised at is the frame's `reraise_line` until a construct re-raising it
    notes its own (a `with` re-raises at the original line, as CPython's RERAISE restores
    `f_lasti`).
    """
    if type(error) is JumpTo:
        # a jump leaves the statement: its handlers, `finally` or `__exit__` do not run
        raise error
    if switched_frames and frame in switched_frames:
        from .tracing import switched_frame_caught

        switched_frame_caught(frame, error)
    # close() through nested host generators raises a new GeneratorExit at each level
    if frame.exc is error or type(error) is GeneratorExit and type(frame.exc) is GeneratorExit:
        if frame.exc_node is not ALREADY_RECORDED:
            frame.reraise_line = getattr(frame.exc_node, 'lineno', None)
    else:
        frame.reraise_line = None
    _record(frame, error)
    frame.exc = error
    frame.exc_node = ALREADY_RECORDED
    if isinstance(error, BaseExceptionGroup):
        _remember_caught_group(error)


class _Position:
    """A code-like object whose only instruction has one node's source position."""

    __slots__ = ('co_filename', 'co_name', 'position')

    def __init__(self, filename: str, name: str, position: tuple) -> None:
        self.co_filename = filename
        self.co_name = name
        self.position = position

    def co_positions(self):
        yield self.position


class Traceback:
    """One entry of a Memphis traceback, with the attributes of a host traceback object.

    `tb_lasti` is an index into the frame's code's `co_positions()` (the entry's node is given
    one there), so the `traceback` module finds the entry's columns as it does in CPython.
    """

    __slots__ = ('__weakref__', 'lasti', 'next', 'node', 'tb_frame', 'tb_lineno')

    def __init__(self, tb_next, tb_frame, tb_lasti: int, tb_lineno: int) -> None:
        """`types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`, as in CPython."""
        if tb_next is not None and not isinstance(tb_next, Traceback):
            raise TypeError(f"expected traceback object or None, got '{type(tb_next).__name__}'")
        from .frames import Frame

        if not isinstance(tb_frame, Frame):
            raise TypeError(f"TracebackType() argument 'tb_frame' must be frame, not "
                            f'{type(tb_frame).__name__}')
        self.next = tb_next
        self.tb_frame = tb_frame
        self.lasti = _int_argument(tb_lasti)
        self.tb_lineno = _int_argument(tb_lineno)
        self.node = None

    @classmethod
    def entry(cls, frame, node, next_entry) -> Traceback:
        """The entry for (frame, node) of a Memphis traceback, before `next_entry`."""
        self = cls.__new__(cls)
        self.tb_frame = frame
        self.node = node
        self.tb_lineno = _position(frame, node)[0]
        self.next = next_entry
        self.lasti = None
        return self

    @property
    def tb_next(self) -> Traceback | None:
        return self.next

    @tb_next.setter
    def tb_next(self, value) -> None:
        """As CPython's: a traceback or None, and no loop."""
        if value is not None and not isinstance(value, Traceback):
            raise TypeError(f"expected traceback object, got '{type(value).__name__}'")
        cursor = value
        while cursor is not None:
            if cursor is self:
                raise ValueError('traceback loop detected')
            cursor = cursor.next
        self.next = value

    @tb_next.deleter
    def tb_next(self) -> None:
        raise TypeError("can't delete tb_next attribute")

    @property
    def tb_lasti(self) -> int:
        if self.lasti is not None:
            return self.lasti
        return 2 * instruction_index(self.tb_frame.f_code, self.node)

    def __iter__(self):
        """(frame, node) of each entry from this one inwards (for Memphis's own tools)."""
        entry = self
        while entry is not None:
            yield entry.tb_frame, entry.node
            entry = entry.tb_next

    def __dir__(self):
        return ['tb_frame', 'tb_lasti', 'tb_lineno', 'tb_next']

    def __repr__(self) -> str:
        return f'<traceback object at {id(self):#x}>'


Traceback.__name__ = Traceback.__qualname__ = 'traceback'  # as type(tb) reads in CPython
Traceback.__module__ = 'builtins'


def _int_argument(value) -> int:
    """An `int` argument of a C function (Argument Clinic's `int`)."""
    import operator

    return operator.index(value)


def instruction_index(code, node) -> int:
    """The index of `node`'s position in `code.co_positions()`.

    Index 0 is where CPython's first instruction is (line 0 in a module); a frame whose node is
    unknown is at its code's first line.
    """
    table = getattr(code, 'positions', None)
    if table is None:
        try:
            table = code.positions = {}
        except AttributeError:  # not a Memphis code object
            return 0
    if node is None or getattr(node, 'lineno', None) is None:
        key = None
        node = table.get(None, (0, _Line(code.co_firstlineno)))[1]
    else:
        key = id(node)
    index = table.get(key)
    if index is None:
        index = table[key] = (len(table) + 1, node)
    return index[0]


# False under -X no_debug_ranges: positions are lines only (no columns, no carets)
debug_ranges = True


def code_positions(code):
    """`co_positions()` of a Memphis code: CPython's first instruction, then each indexed node."""
    if not debug_ranges:
        for position in _code_ranges(code):
            yield (position[0], position[0], None, None)
        return
    yield from _code_ranges(code)


def _code_ranges(code):
    line = code.co_firstlineno
    if code.kind == 'module':
        yield (0, 1, 0, 0)
    elif code.kind in ('function', 'class') and not code.co_cellvars and not code.co_freevars:
        yield (line, line, 0, 0)  # RESUME (a generator starts at RETURN_GENERATOR, no columns)
    else:
        yield (line, line, None, None)
    table = getattr(code, 'positions', None) or {}
    for _, node in sorted(table.values(), key=lambda entry: entry[0]):
        yield node_position(node)


def node_position(node) -> tuple:
    """(line, end line, column, end column) of the instruction CPython 3.11 compiles for
    `node`: an attribute (or a method call) whose name is on a later line than its object
    starts at the name (update_start_location_to_match_attr)."""
    kind = type(node).__name__
    attribute = node if kind == 'Attribute' else (
        node.func if kind == 'Call' and type(node.func).__name__ == 'Attribute' else None)
    if attribute is not None and attribute.lineno != attribute.end_lineno:
        end_col = attribute.end_col_offset
        start = end_col - len(attribute.attr)
        if kind == 'Attribute':
            return (node.end_lineno, node.end_lineno, start, end_col)
        return (attribute.end_lineno, node.end_lineno, start,
                node.end_col_offset if node.end_lineno != attribute.end_lineno
                else max(start, node.end_col_offset))
    return (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)


class _Line:
    """The position of an entry made by `types.TracebackType(...)`: a line, and the columns of
    the instruction its `tb_lasti` names when there is one on that line."""

    __slots__ = ('col_offset', 'end_col_offset', 'end_lineno', 'lineno')

    def __init__(self, lineno: int, col_offset: int | None = None,
                 end_col_offset: int | None = None) -> None:
        self.lineno = self.end_lineno = lineno
        self.col_offset = col_offset
        self.end_col_offset = end_col_offset


def _given_position(entry: Traceback):
    """The node of a traceback entry, or for one made by `types.TracebackType(...)` its line
    with the columns CPython's printers find at its `tb_lasti` in `co_positions()`."""
    if entry.node is not None:
        return entry.node
    line = entry.tb_lineno
    lasti = entry.lasti
    if isinstance(lasti, int) and lasti >= 0:
        try:
            position = next(itertools.islice(entry.tb_frame.f_code.co_positions(), lasti // 2,
                                             None), None)
        except Exception:  # noqa: BLE001 - a code without positions: the line alone
            position = None
        if position is not None and position[0] == position[1] == line:
            return _Line(line, position[2], position[3])
    return _Line(line)


def _position(frame, node) -> tuple:
    position = _range(frame, node)
    return position if debug_ranges else (position[0], position[0], None, None)


def _range(frame, node) -> tuple:
    code = frame.f_code
    if getattr(code, 'linetable', None) is not None:
        index = instruction_index(code, node)
        return code.replaced_positions(index + 1)[index]
    if node is None or getattr(node, 'lineno', None) is None:
        line = frame.f_code.co_firstlineno
        return (line, line, None, None)
    return node_position(node)


def memphis_traceback(error: BaseException) -> Traceback | None:
    """The Memphis traceback of `error`, outermost entry first (like `__traceback__`).

    The entry objects are made once: asked again after the exception left more frames, the
    new outer entries are linked to the same inner ones, as CPython's traceback grows.
    """
    details = error.__dict__
    entries = _own_entries(error)
    if not entries:
        return None
    built = details.get(_BUILT)
    if built is not None and built[0] is entries and built[1] <= len(entries):
        count, head = built[1], built[2]
    else:
        count, head = 0, None
    for frame, node in entries[count:]:
        head = Traceback.entry(frame, node, head)
    details[_BUILT] = _Built((entries, len(entries), head))
    return head


def traceback_from_frame(frame, error: BaseException) -> Traceback:
    """The traceback of `error` as seen while it enters `frame` (a trace 'exception' event)."""
    node = frame.exc_node if frame.exc is error and frame.exc_node is not ALREADY_RECORDED \
        else None
    inner = memphis_traceback(error)
    if inner is not None and inner.tb_frame is frame:
        return inner
    return Traceback.entry(frame, node, inner)


def traceback_of(error: BaseException):
    """`error.__traceback__` as interpreted code sees it: Memphis's when it crossed a Memphis
    frame, else the host's (an exception that only host code has seen)."""
    head = memphis_traceback(error)
    if head is not None:
        return head
    original = _split_from(error)
    if original is not None:
        return memphis_traceback(original)  # a part split() derived from it, as in CPython
    return error.__traceback__


def set_traceback(error: BaseException, traceback) -> None:
    """`error.__traceback__ = traceback` (or `with_traceback`) from interpreted code."""
    if traceback is None or isinstance(traceback, Traceback):
        entries = _Entries(error)
        entry = traceback
        while entry is not None:
            node = _given_position(entry)
            entries.append((entry.tb_frame, node))
            entry = entry.tb_next
        entries.reverse()
        error.__dict__[_KEY] = entries
        # the same objects come back from __traceback__, as in CPython
        error.__dict__[_BUILT] = _Built((entries, len(entries), traceback))
        if traceback is None:
            error.__traceback__ = None
        return
    # a host traceback (or a wrong type: the host raises CPython's TypeError)
    error.__traceback__ = traceback
    error.__dict__.pop(_KEY, None)
    error.__dict__.pop(_BUILT, None)


MEMPHIS_ATTRIBUTES = frozenset({'__traceback__', 'with_traceback', '__code__', 'gi_frame',
                                'cr_frame', 'ag_frame', 'gi_code', 'cr_code', 'ag_code', 'throw',
                                'athrow', 'gi_yieldfrom', 'cr_await'})
"""Attributes interpreted code reads through `memphis_attribute` (decision 6): an exception's
traceback is Memphis's, and so is an interpreted function's code object."""


def _with_traceback(error: BaseException):
    def with_traceback(tb, /):
        set_traceback(error, tb)
        return error

    with_traceback.__name__ = with_traceback.__qualname__ = 'with_traceback'
    with_traceback.__doc__ = BaseException.with_traceback.__doc__
    return with_traceback


def memphis_attribute(value, attr: str, node):
    """The closure for `value.<attr>` in interpreted code, for an attr of MEMPHIS_ATTRIBUTES."""
    def memphis_attribute_load(f):
        obj = value(f)
        try:
            return memphis_attribute_value(obj, attr)
        except BaseException as e:
            if f.exc is not e:
                f.exc = e
                f.exc_node = node
            raise

    return memphis_attribute_load


def memphis_attribute_value(obj, attr: str):
    """`obj.<attr>` as interpreted code sees it, for an attr of MEMPHIS_ATTRIBUTES (also
    through the builtin `getattr`)."""
    from .functions import memphis_code_of

    if attr == '__code__':
        code = memphis_code_of(obj)
        return code if code is not None else obj.__code__
    if attr in _GENERATOR_ATTRIBUTES:
        return _generator_attribute(obj, attr)
    if attr in ('gi_yieldfrom', 'cr_await'):
        from .generator_frames import delegated_to

        return delegated_to(obj, attr)
    if attr in ('throw', 'athrow'):
        return _throw_method(obj, attr)
    if isinstance(obj, BaseException):
        if attr == '__traceback__':
            return traceback_of(obj)
        return _with_traceback(obj)
    return getattr(obj, attr)


_GENERATOR_ATTRIBUTES = frozenset({'gi_frame', 'cr_frame', 'ag_frame', 'gi_code', 'cr_code',
                                   'ag_code'})


def _generator_attribute(generator, attr: str):
    """An interpreted generator's code and frame are Memphis's (a host one's are the host's)."""
    from .functions import registered_code
    from .generator_frames import frame_of_generator, unstarted_frame

    host_value = getattr(generator, attr)
    kind = attr[3:]
    host_code = getattr(generator, attr[:3] + 'code', None)
    code = registered_code(host_code)
    if code is None:
        return host_value
    if kind == 'code':
        return code
    if host_value is None:
        return None
    frame = frame_of_generator(generator, code)
    if frame is not None:
        return frame
    # not started: the same frame each time it is asked for, as in CPython
    frame = _unstarted_frames.get(generator)
    if frame is None:
        frame = _unstarted_frames[generator] = unstarted_frame(code, host_value)
    return frame


_unstarted_frames: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


_THROWERS = (types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)
_OMITTED = object()  # an argument throw() was not given


def _throw_method(obj, attr: str):
    """`gen.throw(type, value, tb)` with a Memphis traceback (contextlib passes the one its
    `__exit__` received): the host only takes its own, so the traceback goes on the value."""
    method = getattr(obj, attr)
    if not isinstance(obj, _THROWERS):
        return method

    def throw(typ, value=_OMITTED, traceback=_OMITTED, /):
        given = (typ,) if value is _OMITTED else (typ, value) if traceback is _OMITTED \
            else (typ, value, traceback)
        value = None if value is _OMITTED else value
        traceback = None if traceback is _OMITTED else traceback
        if attr == 'throw' and isinstance(obj, types.GeneratorType):
            from ..compiler.generators import delegated_throw

            instead = delegated_throw(obj, given)  # what the host would not do down the chain
            if instead is not None:
                return method(instead)
        if attr == 'throw' and _suspended_at_plain_yield(obj):
            # checked before the host's: an interpreted generator's trampoline delegates with
            # `yield from`, and a bad throw() would finish it instead of only raising (when the
            # generator itself delegates, CPython raises the TypeError at its `yield from`)
            check_throw_arguments(typ, value, traceback)
        start = _not_started(obj) if attr == 'throw' else None
        if start is not None:
            try:
                return _throw(typ, value, traceback)
            except BaseException as error:
                _raised_at_start(start, error)
                raise
        return _throw(typ, value, traceback)

    def _throw(typ, value, traceback):
        if isinstance(traceback, Traceback):
            if isinstance(typ, BaseException):
                value = typ
            elif value is None or not isinstance(value, BaseException):
                value = typ(*(() if value is None else
                              value if isinstance(value, tuple) else (value,)))
            set_traceback(value, traceback)
            return method(value)
        if traceback is None:
            return method(typ) if value is None else method(typ, value)
        return method(typ, value, traceback)

    throw.__name__ = throw.__qualname__ = attr
    throw.__doc__ = method.__doc__
    return throw


def _not_started(generator):
    """For an interpreted generator or coroutine that has not run yet (its Memphis frame is
    only made when its body starts): (its Code, globals, builtins); else None."""
    from .functions import registered_code

    is_generator = isinstance(generator, types.GeneratorType)
    prefix = 'gi_' if is_generator else 'cr_'
    if not is_generator and not isinstance(generator, types.CoroutineType):
        return None
    code = registered_code(getattr(generator, prefix + 'code'))
    host_frame = getattr(generator, prefix + 'frame')
    if (code is None or host_frame is None or getattr(generator, prefix + 'suspended')
            or getattr(generator, prefix + 'running')):
        return None
    return code, host_frame.f_globals, host_frame.f_builtins


def _raised_at_start(start, error: BaseException) -> None:
    """throw() into a generator that never ran: CPython raises in its frame, at its first
    line, so the traceback has that frame between the caller's and the thrower's entries."""
    from .frames import Frame, current_state

    code, globals_, builtins = start
    leave_frame(Frame(code, globals_, builtins, None, [], current_state().frame), error)


def _suspended_at_plain_yield(generator) -> bool:
    """An interpreted generator suspended at a `yield` (not delegating with `yield from`)."""
    from .functions import is_interpreted_generator, registered_code
    from .generator_frames import frame_of_generator

    if not is_interpreted_generator(generator) or generator.gi_frame is None:
        return False
    frame = frame_of_generator(generator, registered_code(generator.gi_code))
    # (a traced frame delegates through runtime.tracing.traced_delegation)
    return frame is not None and not frame.delegating \
        and not getattr(frame, 'trace_delegation', None)


def check_throw_arguments(typ, value, traceback) -> None:
    """The TypeErrors of CPython's generator throw() for arguments it refuses."""
    if traceback is not None and not isinstance(traceback, (Traceback, TracebackType)):
        raise TypeError('throw() third argument must be a traceback object')
    if isinstance(typ, type) and issubclass(typ, BaseException):
        return
    if isinstance(typ, BaseException):
        if value is not None:
            raise TypeError('instance exception may not have a separate value')
        return
    raise TypeError('exceptions must be classes or instances deriving from BaseException, '
                    f'not {type(typ).__name__}')


def store_exception_traceback(target, node):
    """The store closure for `target.__traceback__ = value` in interpreted code."""
    def store_traceback(f, value):
        obj = target(f)
        try:
            if isinstance(obj, BaseException):
                if value is not None and not isinstance(value, (Traceback, TracebackType)):
                    raise TypeError('__traceback__ must be a traceback or None')
                set_traceback(obj, value)
            else:
                obj.__traceback__ = value
        except BaseException as e:
            if f.exc is not e:
                f.exc = e
                f.exc_node = node
            raise

    return store_traceback


def exc_info() -> tuple:
    """`sys.exc_info()` for interpreted code: the exception being handled, Memphis traceback."""
    from .exceptions import exception_being_handled
    from .frames import current_state

    error = exception_being_handled(current_state().frame)
    if error is None:
        return (None, None, None)
    return (type(error), error, traceback_of(error))


def _stack_lines(error: BaseException) -> list[str]:
    return _format_entries(_limited(list(reversed(_own_entries(error) or ()))))


def _limited(entries: list) -> list:
    """The innermost `sys.tracebacklimit` entries, as CPython's C printer keeps them: all
    unless the limit is an int, none if it is 0 or less."""
    from .host import sys_attribute

    limit = sys_attribute('tracebacklimit')
    if not isinstance(limit, int) or limit >= len(entries):
        return entries
    return entries[len(entries) - limit:] if limit > 0 else []


def format_traceback(traceback: Traceback) -> list[str]:
    """CPython's `PyTraceBack_Print` of a Memphis traceback: the heading and the entries from
    `traceback` inwards (nothing if `sys.tracebacklimit` leaves none)."""
    entries = []
    while traceback is not None:
        entries.append((traceback.tb_frame, _given_position(traceback)))
        traceback = traceback.tb_next
    entries = _limited(entries)
    if not entries:
        return []
    return ['Traceback (most recent call last):\n', *_format_entries(entries)]


def _format_entries(entries) -> list[str]:
    """The lines of the (frame, node) entries, outermost first, as CPython prints them."""
    # the host's traceback printer (and linecache, tokenize) are imported by the first
    # traceback printed, not by every start-up
    import linecache
    import traceback as host_traceback

    summaries = []
    checked = set()
    for frame, node in entries:
        filename = frame.f_code.co_filename
        if filename not in checked:
            # the C printer reads the file as it is now: a changed one is read again
            checked.add(filename)
            linecache.checkcache(filename)
        line, end_line, col, end_col = _position(frame, node)
        summaries.append(host_traceback.FrameSummary(
            filename, line, frame.f_code.co_name, lookup_line=False,
            end_lineno=end_line, colno=col, end_colno=end_col))
    return host_traceback.StackSummary.from_list(summaries).format()


def _innermost_frame(error: BaseException):
    entries = _own_entries(error)
    return entries[0][0] if entries else None


def _single_caret(line: str) -> str:
    """CPython marks an IndentationError with one caret, whatever its end offset."""
    stripped = line.strip()
    if stripped and set(stripped) == {'^'}:
        return line[:line.index('^') + 1] + '\n'
    return line


def format_exception_only(error: BaseException) -> list[str]:
    """The last lines of a traceback: `Type: message`, suggestions and notes, as CPython."""
    if isinstance(error, SyntaxError):
        # CPython's C display, not traceback.py: they place and count carets differently.
        lines = None if getattr(error, '__notes__', None) else format_syntax_error(error)
        if lines is not None:
            return lines
        import traceback as host_traceback

        lines = host_traceback.format_exception_only(type(error), error)
        if isinstance(error, IndentationError):
            lines = [_single_caret(line) for line in lines]
        return lines
    cls = type(error)
    name = cls.__qualname__
    module = getattr(cls, '__module__', None)
    if not isinstance(module, str):
        name = f'<unknown>.{name}'
    elif module not in ('__main__', 'builtins'):
        name = f'{module}.{name}'
    try:
        text = str(error)
    except BaseException:  # noqa: BLE001 - CPython prints a placeholder whatever str() raised
        text = '<exception str() failed>'
    line = f'{name}: {text}' if text else name
    if isinstance(error, (NameError, AttributeError)):
        from .suggestions import suggestion_for

        suggestion = suggestion_for(error, _innermost_frame(error))
        if suggestion:
            line += f". Did you mean: '{suggestion}'?"
    lines = [line + '\n']
    notes = getattr(error, '__notes__', None)
    if notes is not None:
        if _is_sequence(notes):
            for index in range(len(notes)):
                note = notes[index]
                note = note if isinstance(note, str) else _safe_str(note)
                lines.append(note + '\n')
        else:
            # C's print_exception_notes ends no line after a non-sequence's repr
            lines.append(_safe_repr(notes))
    return lines


def _is_sequence(value) -> bool:
    """`__notes__` the C printer reads note by note (PySequence_Check: a str too, in 3.11)."""
    return hasattr(type(value), '__getitem__') and not isinstance(value, dict)


def _safe_str(value, failed: str = '<note str() failed>') -> str:
    try:
        return str(value)
    except BaseException:  # noqa: BLE001
        return failed


def _safe_repr(value, failed: str = '<__notes__ repr() failed>') -> str:
    try:
        return repr(value)
    except BaseException:  # noqa: BLE001
        return failed


_CAUSE = '\nThe above exception was the direct cause of the following exception:\n\n'
_CONTEXT = '\nDuring handling of the above exception, another exception occurred:\n\n'


_MAX_GROUP_WIDTH = 15
_MAX_GROUP_DEPTH = 10


class _PrintContext:
    """Indentation state while printing nested exception groups (as traceback.py's)."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.group_depth = 0
        self.need_close = False

    def indent(self) -> str:
        return ' ' * (2 * self.group_depth)

    def emit(self, texts, margin: str = '|'):
        prefix = self.indent()
        if self.group_depth:
            prefix += margin + ' '
        if isinstance(texts, str):
            texts = [texts]
        import textwrap

        for text in texts:
            yield textwrap.indent(text, prefix, lambda line: True)


def _format(error: BaseException, ctx: _PrintContext):
    chain = []
    current = error
    while current is not None:
        ctx.seen.add(id(current))
        cause, context = current.__cause__, current.__context__
        if cause is not None and id(cause) not in ctx.seen:
            message, following = _CAUSE, cause
        elif context is not None and not current.__suppress_context__ \
                and id(context) not in ctx.seen:
            message, following = _CONTEXT, context
        else:
            message, following = None, None
        chain.append((message, current))
        current = following
    for message, exc in reversed(chain):
        if message is not None:
            yield from ctx.emit(message)
        stack = _stack_lines(exc)
        if not isinstance(exc, BaseExceptionGroup):
            if stack:
                yield from ctx.emit('Traceback (most recent call last):\n')
                yield from ctx.emit(stack)
            yield from ctx.emit(format_exception_only(exc))
            continue
        if ctx.group_depth > _MAX_GROUP_DEPTH:
            yield from ctx.emit(f'... (max_group_depth is {_MAX_GROUP_DEPTH})\n')
            continue
        toplevel = ctx.group_depth == 0
        if toplevel:
            ctx.group_depth += 1
        if stack:
            yield from ctx.emit('Exception Group Traceback (most recent call last):\n',
                                margin='+' if toplevel else '|')
            yield from ctx.emit(stack)
        yield from ctx.emit(format_exception_only(exc))
        count = len(exc.exceptions)
        shown = count if count <= _MAX_GROUP_WIDTH else _MAX_GROUP_WIDTH + 1
        ctx.need_close = False
        for index in range(shown):
            last = index == shown - 1
            if last:
                ctx.need_close = True
            truncated = index >= _MAX_GROUP_WIDTH
            title = f'{index + 1}' if not truncated else '...'
            yield (ctx.indent() + ('+-' if index == 0 else '  ') +
                   f'+---------------- {title} ----------------\n')
            ctx.group_depth += 1
            if not truncated:
                yield from _format(exc.exceptions[index], ctx)
            else:
                remaining = count - _MAX_GROUP_WIDTH
                plural = 's' if remaining > 1 else ''
                yield from ctx.emit(f'and {remaining} more exception{plural}\n')
            if last and ctx.need_close:
                yield ctx.indent() + '+------------------------------------\n'
                ctx.need_close = False
            ctx.group_depth -= 1
        if toplevel:
            ctx.group_depth = 0


def format_exception(error: BaseException) -> list[str]:
    """The full report of an uncaught `error`, chained exceptions first, as CPython 3.11."""
    return list(_format(error, _PrintContext()))


def print_exception(error: BaseException, file=None) -> None:
    """Write the report of `error` to `file` (default: the program's sys.stderr; if it deleted
    it, what CPython's PyErr_Display writes then on the process's standard error)."""
    if file is None:
        from .host import program_stream

        file = program_stream('stderr')
        if file is None:
            _lost_stderr(error)
            return
    file.write(''.join(format_exception(error)))


def _lost_stderr(error: BaseException) -> None:
    """CPython's _PyObject_Dump of the exception, then 'lost sys.stderr', on file descriptor
    2 (the program's sys.stderr is gone)."""
    import os
    import sys

    try:
        text = repr(error)
    except Exception:  # noqa: BLE001 - as _PyObject_Dump, which shows what it can
        text = '<repr failed>'
    report = (f'object address  : {id(error):#x}\n'
              # (less the references of this report: the callers' arguments and ours)
              f'object refcount : {sys.getrefcount(error) - 4}\n'
              f'object type     : {id(type(error)):#x}\n'
              f'object type name: {type(error).__name__}\n'
              f'object repr     : {text}\n'
              'lost sys.stderr\n')
    os.write(2, report.encode('utf-8', 'backslashreplace'))


def thread_excepthook(args, /) -> None:
    """`_thread._excepthook` (the default `threading.excepthook`): what the C function prints
    for an exception that ended a thread, from the exception's Memphis traceback."""
    import _thread

    from .host import program_stream

    if type(args) is not _thread._ExceptHookArgs:
        raise TypeError('_thread._excepthook argument type must be ExceptHookArgs')
    exc_type, value, traceback, thread = args
    if exc_type is SystemExit:
        return
    file = program_stream('stderr')
    if file is None:
        if thread is None:
            return
        file = thread._stderr
        if file is None:
            return
    name = getattr(thread, 'name', None) if thread is not None else None
    file.write(f'Exception in thread {_thread.get_ident() if name is None else name}:\n')
    if isinstance(value, BaseException):
        if isinstance(traceback, Traceback):
            set_traceback(value, traceback)
        file.write(''.join(format_exception(value)))
    file.flush()


def unraisablehook(unraisable, /) -> None:
    """Memphis's `sys.unraisablehook` (and `__unraisablehook__`): CPython's report of an
    exception nothing can catch (a failing `__del__` or weakref callback, the wait for threads
    at exit), with the interpreted frames of its traceback."""
    from .host import sys_attribute

    file = sys_attribute('stderr')
    if file is None:
        return
    exc_type, value, traceback, message, obj = unraisable
    lines = []
    if obj is not None:
        shown = _safe_repr(obj, '<object repr() failed>')
        lines.append(f'{"Exception ignored in" if message is None else message}: {shown}\n')
    elif message is not None:
        lines.append(f'{message}:\n')
    if isinstance(traceback, Traceback):
        lines.extend(format_traceback(traceback))
    elif traceback is not None:
        import traceback as host_traceback

        lines.append('Traceback (most recent call last):\n')
        lines.extend(host_traceback.format_tb(traceback))
    if exc_type is None:
        file.write(''.join(lines))
        return
    module = getattr(exc_type, '__module__', None)
    prefix = '' if module in ('builtins', '__main__') else \
        f'{module if isinstance(module, str) else "<unknown>"}.'
    lines.append(f'{prefix}{getattr(exc_type, "__qualname__", exc_type)}')
    if value is not None:
        lines.append(f': {_safe_str(value, "<exception str() failed>")}')
    file.write(''.join(lines) + '\n')
    file.flush()


_UnraisableArgs = collections.namedtuple('UnraisableHookArgs',
                                         'exc_type exc_value exc_traceback err_msg object')


def report_unraisable(error: BaseException, obj=None, message: str | None = None) -> None:
    """CPython's `PyErr_WriteUnraisable` for an exception Memphis itself cannot raise."""
    _call_unraisablehook(_UnraisableArgs(type(error), error, traceback_of(error), message, obj))


def host_unraisablehook(unraisable, /) -> None:
    """The host's `sys.unraisablehook` while a program runs: the host reports there what
    interpreted code raised in a `__del__`, a weakref callback, ...; handed on to the
    program's `sys.unraisablehook` with the Memphis traceback."""
    exc_type, value, traceback, message, obj = unraisable
    if isinstance(value, BaseException):
        traceback = memphis_traceback(value)
        if traceback is None:
            # raised by host code alone (a coroutine's close() at its finalization): CPython's
            # PyErr_WriteUnraisable shows the frame running, as for a C exception
            traceback = _running_frame_traceback()
    _call_unraisablehook(type(unraisable)((exc_type, value, traceback, message, obj)))


def _running_frame_traceback() -> Traceback | None:
    from .frames import current_state, executing_node

    frame = current_state().frame
    if frame is None:
        return None
    return Traceback.entry(frame, executing_node(frame), None)


def _call_unraisablehook(details) -> None:
    from .host import sys_attribute

    hook = sys_attribute('unraisablehook')
    if hook is None or hook is unraisablehook or hook is host_unraisablehook:
        unraisablehook(details)
        return
    try:
        hook(details)
    except BaseException as error:  # noqa: BLE001 - reported by the default hook, as CPython
        unraisablehook(type(details)((type(error), error, traceback_of(error),
                                      'Exception ignored in sys.unraisablehook', hook)))


def excepthook(exc_type, value, traceback, /) -> None:
    """Memphis's `sys.excepthook` (and `sys.__excepthook__`): the report CPython prints, on the
    program's `sys.stderr`."""
    if not isinstance(value, BaseException):
        from .host import sys_attribute

        stderr = sys_attribute('stderr')
        if stderr is not None:
            stderr.write('TypeError: print_exception(): Exception expected for value, '
                         f'{type(value).__name__} found\n')
        return
    if isinstance(traceback, Traceback) and not _own_entries(value):
        set_traceback(value, traceback)  # as PyErr_Display: shown if the value has none
    print_exception(value)
