"""Memoised failures of bracketed atoms: what keeps re-parsing after an error linear.

Error hints (CPython's second-pass `invalid_*` rules) re-read the text after a failure, and
inside nested brackets each level re-reads the levels within it: `'x = (' * n` cost 2**n.
A bracketed atom that failed once fails again the same way from the same state, so the
second attempt replays the first one's effects instead of parsing.
"""

from __future__ import annotations

from .core import ParseError

__all__ = ['MAX_DEPTH', 'SCRATCH', 'parse_bracketed']

# How deep brackets (and '**' operands) may nest: CPython's limit.
MAX_DEPTH = 200

# The parser attributes a failing atom can read or leave changed besides the cursor, the
# depth, `errors` and `warnings`. `probe_reach` is read and written only while `reach_line`
# is None.
SCRATCH = ('reach_line', 'reach_end', 'probe_reach', 'stray_not', 'match_reach',
           '_bare_genexp', '_genexp_for', '_operand_end', '_cond_node', '_value_start')


def _state(parser) -> tuple:
    values = [getattr(parser, name) for name in SCRATCH]
    if values[0] is not None:
        values[2] = None  # unused while reach_line is set
    return tuple(values)


def _same(before: tuple, now: tuple) -> bool:
    # Nodes compare by identity (their `==` may be structural, and they may be unhashable).
    return all(a is b or (type(a) in (int, tuple) and type(a) is type(b) and a == b)
               for a, b in zip(before, now))


def parse_bracketed(parser, rule):
    """Run `rule` (the parser's paren/list/brace atom) at the current token, or replay the
    failure it met the last time it ran from the same place and state.

    The depth at the start matters only through the nesting limit: an attempt that nested
    `nest` levels deeper is the same from any depth that stays within the limit.
    """
    memo = parser.failed_atoms
    start, depth = parser.i, parser.depth
    before = _state(parser)
    entry = memo.get(start)
    if entry is not None and _same(entry[0], before) and (
            depth == entry[1] or max(depth, entry[1]) + entry[2] <= MAX_DEPTH):
        _, first_depth, _, after, end, end_depth, errors, warnings = entry
        parser.errors.extend(errors)
        parser.warnings.extend(warnings)
        for name, value in zip(SCRATCH, after):
            if name != 'probe_reach' or before[0] is None:
                setattr(parser, name, value)
        parser.i, parser.depth = end, depth + end_depth - first_depth
        parser.tok = parser.toks[end]
        parser.replayed_atoms += 1
        raise ParseError
    marks = len(parser.errors), len(parser.warnings)
    deepest, parser.deepest = parser.deepest, depth
    try:
        return rule()
    except ParseError:
        memo[start] = (before, depth, parser.deepest - depth,
                       tuple(getattr(parser, name) for name in SCRATCH), parser.i, parser.depth,
                       parser.errors[marks[0]:], parser.warnings[marks[1]:])
        raise
    finally:
        parser.deepest = max(deepest, parser.deepest)
