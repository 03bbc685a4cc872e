"""Folding ranges: blocks, multi-line brackets and strings, import groups and comment runs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import nodes as n
from .node_ranges import NodeRanges

__all__ = ['FoldingRange', 'folding_ranges', 'token_folds']


@dataclass(frozen=True)
class FoldingRange:
    """Lines `start_line`..`end_line` (1-based, inclusive) fold; `kind` is 'region',
    'imports' or 'comment'."""

    start_line: int
    end_line: int
    kind: str = 'region'


_OPEN = {'(': ')', '[': ']', '{': '}'}
def _keyword_line(ranges: NodeRanges, keyword: str, after: int, first_statement) -> int:
    """The line of the `else:`/`finally:` that opens a block (the tree does not keep it)."""
    for lineno in range(first_statement.lineno, after, -1):
        if ranges.line(lineno).lstrip().startswith(keyword):
            return lineno
    return first_statement.lineno


def _block_folds(tree, ranges: NodeRanges, out: list[FoldingRange]) -> None:
    todo = list(getattr(tree, 'body', []))
    while todo:
        node = todo.pop()
        if isinstance(node, n.ErrorStmt):
            todo.extend(child for child in node.nodes if isinstance(child, n.stmt))
            rng = ranges.of(node)
            out.append(FoldingRange(rng[0], rng[2]))
            continue
        body = getattr(node, 'body', None)
        if not isinstance(body, list) or not body:
            continue
        out.append(FoldingRange(node.lineno, body[-1].end_lineno))
        todo.extend(body)
        previous_end = body[-1].end_lineno
        for handler in getattr(node, 'handlers', ()):
            out.append(FoldingRange(handler.lineno, handler.end_lineno))
            todo.extend(handler.body)
            previous_end = handler.end_lineno
        for case in getattr(node, 'cases', ()):
            if case.body:
                out.append(FoldingRange(case.pattern.lineno, case.body[-1].end_lineno))
                todo.extend(case.body)
        orelse = getattr(node, 'orelse', None)
        if orelse:
            if isinstance(node, n.If) and len(orelse) == 1 and isinstance(orelse[0], n.If) \
                    and ranges.line(orelse[0].lineno).lstrip().startswith('elif'):
                todo.extend(orelse)  # an `elif` folds as its own If node
            else:
                start = _keyword_line(ranges, 'else', previous_end, orelse[0])
                out.append(FoldingRange(start, orelse[-1].end_lineno))
                todo.extend(orelse)
                previous_end = orelse[-1].end_lineno
        finalbody = getattr(node, 'finalbody', None)
        if finalbody:
            start = _keyword_line(ranges, 'finally', previous_end, finalbody[0])
            out.append(FoldingRange(start, finalbody[-1].end_lineno))
            todo.extend(finalbody)


# What folding needs of the tokens (strings, comments, brackets), scanned by one regex: the
# full lexer costs four times as much and folding runs after every edit.
_PREFIX = r'(?:[rRbBuUfF]{0,2})'
_TRIPLE = _PREFIX + (r"(?:'''(?:[^'\\]|\\[\s\S]|'(?!''))*(?:'''|\Z)"
                     r'|"""(?:[^"\\]|\\[\s\S]|"(?!""))*(?:"""|\Z))')
_SINGLE = _PREFIX + (r"(?:'(?:[^'\\\r\n]|\\(?:\r\n|[\s\S]))*'?"
                     r'|"(?:[^"\\\r\n]|\\(?:\r\n|[\s\S]))*"?)')
_PIECES = re.compile('|'.join((
    # Code first: most of a file is runs of code without brackets, strings or comments.
    r'(?P<code>[^\r\n#\\' + '\'"' + r'()\[\]{}]+)', r'(?P<newline>\r\n|\r|\n)',
    f'(?P<string>{_TRIPLE}|{_SINGLE})', r'(?P<comment>#[^\r\n]*)', r'(?P<open>[(\[{])',
    r'(?P<close>[)\]}])', r'(?P<continuation>\\(?:\r\n|\r|\n)?)')))


def _line_breaks(text: str) -> int:
    return text.count('\n') + text.count('\r') - text.count('\r\n')


def token_folds(source: str, out: list[FoldingRange]) -> None:
    """Append the folds of multi-line brackets and strings and of comment-only line runs."""
    stack: list[int] = []
    comment_run: list[int] = []
    lineno = 1
    code_on_line = False
    for match in _PIECES.finditer(source):
        kind = match.lastgroup
        if kind == 'newline':
            lineno += 1
            code_on_line = False
        elif kind == 'comment':
            if code_on_line:
                continue
            if comment_run and comment_run[-1] == lineno - 1:
                comment_run.append(lineno)
            else:
                _close_comment_run(comment_run, out)
                comment_run = [lineno]
        elif kind == 'open':
            code_on_line = True
            stack.append(lineno)
        elif kind == 'close':
            code_on_line = True
            if stack:
                start = stack.pop()
                if lineno > start:
                    out.append(FoldingRange(start, lineno - 1 if lineno - 1 > start
                                            else lineno))
        elif kind == 'code':
            # A run of code without brackets, strings or comments (or only blanks).
            code_on_line = code_on_line or not match.group().isspace()
        else:  # a string, or a backslash that continues the line
            code_on_line = True
            breaks = _line_breaks(match.group())
            if breaks:
                if kind == 'string':
                    out.append(FoldingRange(lineno, lineno + breaks))
                lineno += breaks
    _close_comment_run(comment_run, out)


def _close_comment_run(run: list[int], out: list[FoldingRange]) -> None:
    if len(run) > 1:
        out.append(FoldingRange(run[0], run[-1], 'comment'))


def _import_folds(tree, out: list[FoldingRange]) -> None:
    group: list = []
    for statement in list(getattr(tree, 'body', [])) + [None]:
        if isinstance(statement, (n.Import, n.ImportFrom)):
            group.append(statement)
            continue
        if group and group[-1].end_lineno > group[0].lineno:
            out.append(FoldingRange(group[0].lineno, group[-1].end_lineno, 'imports'))
        group = []


def folding_ranges(tree, ranges: NodeRanges, source: str) -> list[FoldingRange]:
    """Every folding range of the module, sorted, at most one per start line (clients keep
    one per line): the widest, with import and comment kinds winning ties."""
    found: list[FoldingRange] = []
    _block_folds(tree, ranges, found)
    token_folds(source, found)
    _import_folds(tree, found)
    best: dict[int, FoldingRange] = {}
    for fold in found:
        if fold.end_line <= fold.start_line:
            continue
        current = best.get(fold.start_line)
        if current is None or (fold.kind != 'region', fold.end_line) > \
                (current.kind != 'region', current.end_line):
            best[fold.start_line] = fold
    return [best[line] for line in sorted(best)]
