"""compile()'s `optimize` levels, applied to a checked tree as CPython's compiler applies them.

Level 1 and up: `__debug__` is the constant False (CPython's AST optimizer folds it) and
`assert` statements compile to nothing; level 2 also drops docstrings (the string statement
stays an ordinary statement, so a module, class or function gets no `__doc__`). The tree is
changed after its symbol tables are built, as CPython builds them before compiling: names used
only in an assert stay in the tables.
"""

from __future__ import annotations

from .. import nodes
from .functions import docstring_of

__all__ = ['optimize_tree']

_DOCUMENTED = frozenset({'Module', 'FunctionDef', 'AsyncFunctionDef', 'ClassDef'})


def optimize_tree(tree, level: int) -> None:
    """Apply `level` (1 or 2; 0 changes nothing) to `tree` in place."""
    if level <= 0:
        return
    pending = [tree]
    while pending:
        node = pending.pop()
        if (level >= 2 and type(node).__name__ in _DOCUMENTED
                and docstring_of(node.body) is not None):
            node.body[0] = _pass_at(node.body[0])
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, nodes.AST):
                        replaced = _replacement(item)
                        if replaced is not item:
                            value[index] = replaced
                        else:
                            pending.append(item)
            elif isinstance(value, nodes.AST):
                replaced = _replacement(value)
                if replaced is not value:
                    setattr(node, field, replaced)
                else:
                    pending.append(value)


def _replacement(node):
    kind = type(node).__name__
    if kind == 'Assert':
        return _pass_at(node)
    if kind == 'Name' and node.id == '__debug__' and type(node.ctx).__name__ == 'Load':
        return nodes.Constant(False, None, node.lineno, node.col_offset, node.end_lineno,
                              node.end_col_offset)
    return node


def _pass_at(statement):
    return nodes.Pass(statement.lineno, statement.col_offset, statement.end_lineno,
                      statement.end_col_offset)
