"""Character ranges of syntax-tree nodes, and the nodes that enclose a position.

The parser's nodes carry CPython's UTF-8 *byte* columns; the language features work in
characters, so every node range they report goes through `NodeRanges`.
"""

from __future__ import annotations

import re

from .. import nodes as n
from ..source import split_lines

__all__ = ['NodeRanges', 'Range', 'contains', 'enclosing_nodes', 'name_range_in_header']

# (lineno, col, end_lineno, end_col): lines 1-based, columns 0-based characters.
Range = tuple[int, int, int, int]


class NodeRanges:
    """Byte-to-character column conversion over one source text's lines."""

    __slots__ = ('_ascii', 'lines')

    def __init__(self, source_or_lines: str | list[str]):
        self.lines = split_lines(source_or_lines) if isinstance(source_or_lines, str) \
            else source_or_lines
        self._ascii = [line.isascii() for line in self.lines]

    def line(self, lineno: int) -> str:
        return self.lines[lineno - 1] if 0 < lineno <= len(self.lines) else ''

    def is_ascii(self, lineno: int) -> bool:
        """Whether line `lineno` is ASCII (then bytes, characters and UTF-16 units agree)."""
        return 0 < lineno <= len(self.lines) and self._ascii[lineno - 1]

    def char_col(self, lineno: int, byte_col: int) -> int:
        """The character column of UTF-8 byte column `byte_col` on line `lineno`."""
        if not 0 < lineno <= len(self.lines) or self._ascii[lineno - 1]:
            return byte_col
        text = self.lines[lineno - 1]
        return len(text.encode('utf-8')[:byte_col].decode('utf-8', 'replace'))

    def byte_col(self, lineno: int, char_col: int) -> int:
        if not 0 < lineno <= len(self.lines) or self._ascii[lineno - 1]:
            return char_col
        return len(self.lines[lineno - 1][:char_col].encode('utf-8'))

    def of(self, node) -> Range:
        """The character range of `node` (which has `lineno`... attributes)."""
        end_lineno = node.end_lineno or node.lineno
        end_col = node.end_col_offset if node.end_col_offset is not None else node.col_offset
        return (node.lineno, self.char_col(node.lineno, node.col_offset),
                end_lineno, self.char_col(end_lineno, end_col))

    def text(self, rng: Range) -> str:
        lineno, col, end_lineno, end_col = rng
        if lineno == end_lineno:
            return self.line(lineno)[col:end_col]
        parts = [self.line(lineno)[col:]]
        parts.extend(self.line(i) for i in range(lineno + 1, end_lineno))
        parts.append(self.line(end_lineno)[:end_col])
        return '\n'.join(parts)


def contains(rng: Range, lineno: int, col: int) -> bool:
    """Whether the position is inside `rng`, its end included (a cursor just after a name
    is still on it)."""
    return (rng[0], rng[1]) <= (lineno, col) <= (rng[2], rng[3])


def _children(node):
    if isinstance(node, (n.ErrorExpr, n.ErrorStmt)):
        return node.nodes
    return n.iter_child_nodes(node)


def enclosing_nodes(tree, ranges: NodeRanges, lineno: int, col: int) -> list:
    """The nodes with positions whose range contains the position, outermost first."""
    path = []
    todo = [tree]
    while todo:
        node = todo.pop()
        found = None
        for child in _children(node):
            if not hasattr(child, 'lineno'):
                # arguments, comprehension, keyword lists without positions: look inside.
                if isinstance(child, n.AST):
                    for grandchild in _children(child):
                        if hasattr(grandchild, 'lineno') and \
                                contains(ranges.of(grandchild), lineno, col):
                            found = grandchild
                            break
                if found is not None:
                    break
                continue
            if contains(ranges.of(child), lineno, col):
                found = child
                break
        if found is None:
            break
        path.append(found)
        todo.append(found)
    return path


_HEADER_NAME = re.compile(r'\b(?:def|class)\s+(\w+)')


def name_range_in_header(ranges: NodeRanges, node) -> Range:
    """The range of the name of a `def`/`class` statement (the tree does not keep it)."""
    start = ranges.of(node)
    first = start[0]
    for lineno in range(first, min(first + 3, start[2]) + 1):
        text = ranges.line(lineno)
        begin = start[1] if lineno == first else 0
        match = _HEADER_NAME.search(text, begin)
        if match and match.group(1) == node.name:
            return (lineno, match.start(1), lineno, match.end(1))
    return (start[0], start[1], start[0], start[1])
