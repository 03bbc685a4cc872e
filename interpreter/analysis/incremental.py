"""Incremental re-parsing: after an edit that keeps the line count, parse only the statements the
edit touched, in the innermost function or class body that holds them, and reuse the rest of the
previous tree.

Used only when it cannot differ from a full parse: the previous text parsed without errors, the
edited chunk starts and ends at statement boundaries of one body, parses alone without errors at
its own indentation, and neither version touches `from __future__` (which can change how later
code parses). Anything else returns None and the caller parses the whole text. Nodes of the
previous tree are shared, never changed: the functions and classes on the path to the edit are
copied.
"""

from __future__ import annotations

from .. import nodes
from ..parser import parse

__all__ = ['copy_node', 'reparse']

_SCOPES = ('FunctionDef', 'AsyncFunctionDef', 'ClassDef')


def reparse(previous_tree, previous_lines: list[str], lines: list[str]):
    """The tree of the text `lines`, reusing `previous_tree` (of `previous_lines`, which parsed
    without errors); None when only a full parse can say."""
    body = getattr(previous_tree, 'body', None)
    if type(previous_tree).__name__ != 'Module' or not isinstance(body, list):
        return None
    if len(lines) != len(previous_lines):
        return None
    first = 0
    while first < len(lines) and lines[first] == previous_lines[first]:
        first += 1
    if first == len(lines):
        return previous_tree
    last = len(lines) - 1
    while lines[last] == previous_lines[last]:
        last -= 1
    start, end = first + 1, last + 1
    changed = previous_lines[first:last + 1] + lines[first:last + 1]
    if any('__future__' in line for line in changed):
        return None
    # Descend while the change lies inside the body of one def or class.
    path = []
    while True:
        touched = [index for index, stmt in enumerate(body) if _overlaps(stmt, start, end)]
        if len(touched) != 1 or type(body[touched[0]]).__name__ not in _SCOPES:
            break
        inner = body[touched[0]].body
        if not inner or not (_span(inner[0])[0] <= start and end <= _span(inner[-1])[1]):
            break
        path.append((body, touched[0]))
        body = inner
    if not touched:
        if path and all(_is_trivia(line) for line in changed):
            # Only comments or blank lines between statements changed: same tree.
            return previous_tree
        if path:
            return None
        low = high = sum(1 for stmt in body if _span(stmt)[1] < start)
    else:
        low, high = touched[0], touched[-1] + 1
        start = min(start, _span(body[low])[0])
        end = max(end, _span(body[high - 1])[1])
    new_stmts = _parse_chunk(lines[start - 1:end], start, body[0].col_offset if path else 0)
    if new_stmts is None:
        return None
    new_body = body[:low] + new_stmts + body[high:]
    for parent_body, index in reversed(path):
        if not new_body:
            return None
        holder = copy_node(parent_body[index])
        holder.body = new_body
        holder.end_lineno = new_body[-1].end_lineno
        holder.end_col_offset = new_body[-1].end_col_offset
        new_body = parent_body[:index] + [holder] + parent_body[index + 1:]
    return nodes.Module(new_body, [])


def _parse_chunk(chunk: list[str], start: int, indent: int) -> list | None:
    """The statements of `chunk` (lines from line `start`, at column `indent`), positioned as
    in the whole text; None if they do not parse cleanly there."""
    if indent:
        # An indented chunk parses as the body of a dummy block: any indentation is allowed.
        result = parse('if 1:\n' + '\n'.join(chunk) + '\n', '<chunk>', 'exec')
        if result.errors or len(result.tree.body) != 1:
            return None
        block = result.tree.body[0]
        if type(block).__name__ != 'If' or block.orelse:
            return None
        stmts, shift = block.body, start - 2
    else:
        result = parse('\n'.join(chunk) + '\n', '<chunk>', 'exec')
        if result.errors:
            return None
        stmts, shift = result.tree.body, start - 1
    if any(stmt.col_offset != indent for stmt in stmts):
        return None
    if shift:
        _shift(stmts, shift)
    return stmts


def _span(stmt) -> tuple[int, int]:
    """First and last line of a statement, decorators included."""
    start = stmt.lineno
    for decorator in getattr(stmt, 'decorator_list', None) or ():
        start = min(start, decorator.lineno)
    return start, stmt.end_lineno or stmt.lineno


def _overlaps(stmt, start: int, end: int) -> bool:
    stmt_start, stmt_end = _span(stmt)
    return stmt_end >= start and stmt_start <= end


def _is_trivia(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith('#')


def copy_node(node):
    """A shallow copy of a node (its fields and positions)."""
    copy = type(node).__new__(type(node))
    for name in node._fields + node._attributes:
        setattr(copy, name, getattr(node, name, None))
    return copy


def _shift(stmts: list, lines: int) -> None:
    seen = set()
    for stmt in stmts:
        for node in nodes.walk(stmt):
            if id(node) in seen:
                continue
            seen.add(id(node))
            if getattr(node, 'lineno', None) is not None:
                node.lineno += lines
            if getattr(node, 'end_lineno', None) is not None:
                node.end_lineno += lines
