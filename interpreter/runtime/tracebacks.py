"""Memphis tracebacks: recorded as exceptions leave interpreted frames, printed as CPython does.

Nothing is recorded while no exception is raised. When one propagates, the innermost compiled
node of each frame that sees it notes itself in `frame.exc`/`frame.exc_node` (a `try` in the
closure, free in 3.11 when nothing is raised); when the exception leaves the frame, or is caught
in it, the entry `(frame, node)` is appended to the exception's Memphis traceback.
"""

from __future__ import annotations

import sys
import textwrap
import traceback as host_traceback

__all__ = [
    'ALREADY_RECORDED',
    'Traceback',
    'catch_in_frame',
    'format_exception',
    'leave_frame',
    'memphis_traceback',
    'print_exception',
]

_KEY = '__memphis_traceback__'


class _AlreadyRecorded:
    __slots__ = ()


ALREADY_RECORDED = _AlreadyRecorded()
"""`frame.exc_node` value: this frame's entry for `frame.exc` is already in its traceback."""


def _entries(error: BaseException) -> list:
    entries = error.__dict__.get(_KEY)
    if entries is None:
        entries = error.__dict__[_KEY] = []
    return entries


def leave_frame(frame, error: BaseException) -> None:
    """`error` propagates out of `frame`: append the frame's entry unless already there."""
    node = frame.exc_node if frame.exc is error else None
    if node is ALREADY_RECORDED:
        return
    _entries(error).append((frame, node))


def catch_in_frame(frame, error: BaseException) -> None:
    """`error` is caught (by try, with or a host-level handler) in `frame`: record the entry now.

    Afterwards the frame marks it as recorded, so re-raising it from a handler or a `finally`
    does not add a second entry (an explicit `raise error` does: it resets the mark).
    """
    leave_frame(frame, error)
    frame.exc = error
    frame.exc_node = ALREADY_RECORDED


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
    """One entry of a Memphis traceback, with the attributes of a host traceback object."""

    __slots__ = ('node', 'tb_frame', 'tb_lineno', 'tb_next')
    tb_lasti = 0

    def __init__(self, frame, node, next_entry) -> None:
        self.tb_frame = frame
        self.node = node
        self.tb_lineno = _position(frame, node)[0]
        self.tb_next = next_entry


def _position(frame, node) -> tuple:
    if node is None or getattr(node, 'lineno', None) is None:
        line = frame.f_code.co_firstlineno
        return (line, line, None, None)
    return (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)


def memphis_traceback(error: BaseException) -> Traceback | None:
    """The Memphis traceback of `error`, outermost entry first (like `__traceback__`)."""
    head = None
    for frame, node in _entries(error) if _KEY in error.__dict__ else ():
        head = Traceback(frame, node, head)
    return head


def _stack_lines(error: BaseException) -> list[str]:
    summaries = []
    for frame, node in reversed(error.__dict__.get(_KEY, ())):
        line, end_line, col, end_col = _position(frame, node)
        summaries.append(host_traceback.FrameSummary(
            frame.f_code.co_filename, line, frame.f_code.co_name, lookup_line=False,
            end_lineno=end_line, colno=col, end_colno=end_col))
    return host_traceback.StackSummary.from_list(summaries).format()


def _innermost_frame(error: BaseException):
    entries = error.__dict__.get(_KEY)
    return entries[0][0] if entries else None


def format_exception_only(error: BaseException) -> list[str]:
    """The last lines of a traceback: `Type: message`, suggestions and notes, as CPython."""
    if isinstance(error, SyntaxError):
        return host_traceback.format_exception_only(type(error), error)
    cls = type(error)
    name = cls.__qualname__
    module = cls.__module__
    if module not in ('__main__', 'builtins'):
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
        if isinstance(notes, (list, tuple)):
            for note in notes:
                note = note if isinstance(note, str) else _safe_str(note)
                lines.append(note + '\n')
        else:
            lines.append(f'{_safe_repr(notes)}\n')
    return lines


def _safe_str(value) -> str:
    try:
        return str(value)
    except BaseException:  # noqa: BLE001
        return '<note str() failed>'


def _safe_repr(value) -> str:
    try:
        return repr(value)
    except BaseException:  # noqa: BLE001
        return '<__notes__ repr() failed>'


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
    """Write the report of `error` to `file` (default: stderr)."""
    file = sys.stderr if file is None else file
    file.write(''.join(format_exception(error)))
