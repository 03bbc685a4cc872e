"""Text edits that remove imported names and add import statements (for the code actions).

Pure functions over a syntax tree and its lines: ranges are (lineno, col, end_lineno, end_col)
with 1-based lines and 0-based character columns; an edit is `(range, new_text)`.
"""

from __future__ import annotations

import re

from interpreter import nodes as n
from interpreter.analysis.node_ranges import NodeRanges

__all__ = ['Edit', 'add_import_edit', 'find_import', 'remove_aliases_edits']

Range = tuple[int, int, int, int]
Edit = tuple[Range, str]

_SEMICOLON_AFTER = re.compile(r'[ \t]*;[ \t]*')
_SEMICOLON_BEFORE = re.compile(r'[ \t]*;[ \t]*$')


def _statement_lists(tree) -> list[list]:
    """Every statement list of the tree (bodies, orelse, finalbody, handlers' bodies...)."""
    found = []
    todo = [tree]
    while todo:
        node = todo.pop()
        for _, value in n.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], n.stmt):
                found.append(value)
            if isinstance(value, list):
                todo.extend(item for item in value if isinstance(item, n.AST))
            elif isinstance(value, n.AST):
                todo.append(value)
        if isinstance(node, (n.ErrorStmt, n.ErrorExpr)):
            todo.extend(item for item in node.nodes if isinstance(item, n.AST))
    return found


def find_import(tree, ranges: NodeRanges, lineno: int, col: int
                ) -> tuple[n.stmt, int, list] | None:
    """(import statement, index of its alias at the position, the statement list holding it).

    The position may be anywhere in the alias (`a.b as c`).
    """
    for statements in _statement_lists(tree):
        for statement in statements:
            if not isinstance(statement, (n.Import, n.ImportFrom)):
                continue
            start_line, _, end_line, _ = ranges.of(statement)
            if not start_line <= lineno <= end_line:
                continue
            for index, alias in enumerate(statement.names):
                if getattr(alias, 'lineno', None) is None:
                    continue
                alias_range = ranges.of(alias)
                if (alias_range[0], alias_range[1]) <= (lineno, col) <= \
                        (alias_range[2], alias_range[3]):
                    return statement, index, statements
    return None


def remove_aliases_edits(statement, removed: set[int], ranges: NodeRanges, *,
                         alone_in_block: bool = False) -> list[Edit]:
    """Edits removing the aliases `removed` (indices) of an import statement.

    Removing every alias removes the statement (its whole lines when it is alone on them; `pass`
    when it is the only statement of its block); otherwise each run of removed aliases goes with
    the comma that separates it from a kept one.
    """
    aliases = statement.names
    if removed >= set(range(len(aliases))):
        return [_remove_statement(statement, ranges, alone_in_block)]
    edits: list[Edit] = []
    index = 0
    while index < len(aliases):
        if index not in removed:
            index += 1
            continue
        first = index
        while index < len(aliases) and index in removed:
            index += 1
        last = index - 1
        if index < len(aliases):  # a kept alias follows: remove up to its start
            start, end = ranges.of(aliases[first])[:2], ranges.of(aliases[index])[:2]
        else:  # the run ends the list: remove from the end of the kept alias before it
            start, end = ranges.of(aliases[first - 1])[2:], ranges.of(aliases[last])[2:]
        edits.append(((*start, *end), ''))
    return edits


def _remove_statement(statement, ranges: NodeRanges, alone_in_block: bool) -> Edit:
    lineno, col, end_lineno, end_col = ranges.of(statement)
    if alone_in_block:  # a block (def, if, try...) needs a statement; a module does not
        return (lineno, col, end_lineno, end_col), 'pass'
    before = ranges.line(lineno)[:col]
    after = ranges.line(end_lineno)[end_col:]
    semicolon = _SEMICOLON_AFTER.match(after)
    if semicolon:  # `import os; x = 1`
        return (lineno, col, end_lineno, end_col + semicolon.end()), ''
    semicolon = _SEMICOLON_BEFORE.search(before)
    if semicolon:  # `x = 1; import os`
        return (lineno, semicolon.start(), end_lineno, end_col), ''
    if before.strip() == '' and (after.strip() == '' or after.lstrip().startswith('#')):
        if end_lineno < len(ranges.lines):
            return (lineno, 0, end_lineno + 1, 0), ''
        return (lineno, 0, end_lineno, len(ranges.line(end_lineno))), ''
    return (lineno, col, end_lineno, end_col), ''


def add_import_edit(tree, ranges: NodeRanges, statement_text: str) -> Edit:
    """An edit inserting `statement_text` (one line, no line end) where imports go.

    After the module docstring, `from __future__` imports and the first group of top-level
    imports (just before the first other statement).
    """
    body = list(getattr(tree, 'body', []))
    after_line = 0
    for index, statement in enumerate(body):
        if index == 0 and isinstance(statement, n.Expr) and \
                isinstance(statement.value, n.Constant) and isinstance(statement.value.value, str):
            after_line = statement.end_lineno or statement.lineno
            continue
        if isinstance(statement, (n.Import, n.ImportFrom)):
            after_line = statement.end_lineno or statement.lineno
            continue
        break
    if after_line >= len(ranges.lines):  # after the last line, which has no line end
        last = len(ranges.lines)
        end_col = len(ranges.line(last))
        return (last, end_col, last, end_col), ('\n' if ranges.line(last) else '') \
            + statement_text + '\n'
    return (after_line + 1, 0, after_line + 1, 0), statement_text + '\n'
