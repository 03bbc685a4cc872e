"""Selection ranges: from the word under the cursor outwards through the enclosing nodes."""

from __future__ import annotations

import re

from .node_ranges import NodeRanges, Range, contains, enclosing_nodes

__all__ = ['selection_ranges', 'word_range']

_WORD = re.compile(r'\w+')


def word_range(ranges: NodeRanges, lineno: int, col: int) -> Range | None:
    """The identifier-like word touching the position (the cursor may be just after it)."""
    for match in _WORD.finditer(ranges.line(lineno)):
        if match.start() <= col <= match.end():
            return (lineno, match.start(), lineno, match.end())
        if match.start() > col:
            break
    return None


def selection_ranges(tree, ranges: NodeRanges, lineno: int, col: int) -> list[Range]:
    """The ranges to grow a selection through, innermost first, each containing the one
    before it, ending with the whole text."""
    chain: list[Range] = []
    word = word_range(ranges, lineno, col)
    if word is not None:
        chain.append(word)
    for node in reversed(enclosing_nodes(tree, ranges, lineno, col)):
        rng = ranges.of(node)
        if chain and (rng == chain[-1] or not _encloses(rng, chain[-1])):
            continue
        chain.append(rng)
    last_line = len(ranges.lines)
    whole = (1, 0, last_line, len(ranges.line(last_line)))
    if not chain or chain[-1] != whole:
        chain.append(whole)
    if not chain[0] or not contains(chain[0], lineno, col):
        chain.insert(0, (lineno, col, lineno, col))
    return chain


def _encloses(outer: Range, inner: Range) -> bool:
    return (outer[0], outer[1]) <= (inner[0], inner[1]) and \
        (inner[2], inner[3]) <= (outer[2], outer[3])
