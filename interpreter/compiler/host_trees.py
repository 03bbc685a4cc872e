"""Trees a program builds with the `ast` classes, handed to `compile()`, made Memphis trees.

Programs such as Werkzeug's router and dataclasses-like code generators build `ast` trees by
hand; they need not be what the parser would give (an `ast.Call` straight inside a JoinedStr,
missing end positions), so they are converted node for node, never unparsed and parsed again
(that would lose their line numbers and refuse some valid trees).
"""

from __future__ import annotations

import ast as host_ast
import warnings

from .. import nodes

__all__ = ['from_host_tree']

_EXPR_CONTEXTS = {host_ast.Load: nodes.LOAD, host_ast.Store: nodes.STORE,
                  host_ast.Del: nodes.DEL}


def from_host_tree(tree: host_ast.AST, filename: str, mode: str):
    """The Memphis tree for a host `ast` tree, after CPython's own checks of it.

    The checks are CPython's AST validator (in C, so reached through the bridge): its
    TypeError/ValueError/SyntaxError messages are the ones a program sees under CPython. The
    host's code object it produces is thrown away, and its SyntaxWarnings are silenced here:
    Memphis's compiler gives its own, through the program's warnings filters."""
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        compile(tree, filename, mode, dont_inherit=True)
    return _convert(tree)


def _convert(value):
    if isinstance(value, host_ast.AST):
        context = _EXPR_CONTEXTS.get(type(value))
        if context is not None:
            return context
        cls = getattr(nodes, type(value).__name__)
        converted = cls.__new__(cls)
        for name in cls._fields:
            setattr(converted, name, _convert(getattr(value, name, None)))
        if cls is nodes.ImportFrom and converted.level is None:
            converted.level = 0  # the one optional int field: obj2ast reads None (or none) as 0
        _copy_positions(value, converted, cls._attributes)
        return converted
    if isinstance(value, list):
        return [_convert(item) for item in value]
    return value


def _copy_positions(value, converted, attributes: tuple[str, ...]) -> None:
    if not attributes:
        return
    lineno = value.lineno
    col_offset = value.col_offset
    # end positions are optional in a built tree; a node then ends where it starts
    end_lineno = getattr(value, 'end_lineno', None)
    end_col_offset = getattr(value, 'end_col_offset', None)
    converted.lineno = lineno
    converted.col_offset = col_offset
    converted.end_lineno = lineno if end_lineno is None else end_lineno
    converted.end_col_offset = col_offset if end_col_offset is None else end_col_offset
