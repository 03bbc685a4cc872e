"""The scope pass's errors of a module, reusing those of unchanged functions and classes.

The functions and classes written directly in the module or in a class body (at any depth of
classes) are cut out: the scope pass runs on the module with each one's body replaced by
`pass` (its name, parameters, decorators, bases, defaults and annotations stay: they are
evaluated around it), and the errors inside each body come from a pass over the definition
alone (a class's with its own functions and classes cut out in turn), inside copies of its
enclosing classes (for name mangling) after the module's docstring and future imports (for
`from __future__ import annotations`). A body's errors depend only on it and on those: its
enclosing scopes are the module and classes, whose names no function sees as enclosing ones
(`nonlocal` finds function scopes only), and nothing in a body changes an error outside it.
They are kept per node and reused while the node is the same object, its lines are equal and
the enclosing class names and future features are the same.
"""

from __future__ import annotations

import threading

from .. import nodes
from ..diagnostics import SyntaxDiagnostic
from ..scopes.builder import build_blocks, check_future
from .incremental import copy_node

__all__ = ['BodyErrorCache', 'module_scope_errors']

_FUNCTIONS = ('FunctionDef', 'AsyncFunctionDef')


class BodyErrorCache:
    """Function or class node -> its body's scope errors (and the entries of the definitions
    inside), for one file's latest tree."""

    def __init__(self):
        self._previous: dict[int, tuple] = {}
        self._lock = threading.Lock()

    def snapshot(self) -> dict[int, tuple]:
        """The entries to look up in (never changed once published)."""
        with self._lock:
            return self._previous

    def publish(self, used: dict[int, tuple]) -> None:
        with self._lock:
            self._previous = used


def module_scope_errors(tree, lines: list[str], cache: BodyErrorCache | None = None
                        ) -> list[SyntaxDiagnostic]:
    """Every scope-pass diagnostic of a Module `tree` (character columns), as
    `build_symtable(tree, source=...)` gives them (not in CPython's order)."""
    future = check_future(tree)
    prefix = _future_prefix(tree.body)
    used: dict[int, tuple] = {}
    previous = cache.snapshot() if cache is not None else {}
    bodies: list[SyntaxDiagnostic] = []

    def cut(body: list, classes: tuple, used: dict, bodies: list) -> list:
        """`body` with the bodies of its functions and classes replaced by `pass`; their
        errors go to `bodies`, their cache entries to `used`."""
        new_body = []
        for stmt in body:
            kind = type(stmt).__name__
            if not ((kind in _FUNCTIONS or kind == 'ClassDef') and stmt.body):
                new_body.append(stmt)
                continue
            key = (tuple(enclosing.name for enclosing in classes), future[0], future[2],
                   tuple(lines[stmt.lineno - 1:stmt.end_lineno or stmt.lineno]))
            entry = previous.get(id(stmt))
            if entry is not None and entry[0] is stmt and entry[1] == key:
                errors, inner_used = entry[2]
            elif kind == 'ClassDef':
                # The class body's own errors (statements, method headers) from a pass over
                # it with its functions and classes cut out in turn.
                inner_used, errors = {}, []
                holder = copy_node(stmt)
                holder.body = cut(stmt.body, classes + (stmt,), inner_used, errors)
                errors = errors + _body_errors(holder, classes, prefix, lines)
            else:
                errors, inner_used = _body_errors(stmt, classes, prefix, lines), {}
            used.update(inner_used)
            used[id(stmt)] = (stmt, key, (errors, inner_used))
            bodies.extend(errors)
            stub = copy_node(stmt)
            first = stmt.body[0]
            stub.body = [nodes.Pass(first.lineno, first.col_offset, first.lineno,
                                    first.col_offset)]
            new_body.append(stub)
        return new_body

    reduced = nodes.Module(cut(tree.body, (), used, bodies),
                           getattr(tree, 'type_ignores', None))
    _, diagnostics = build_blocks(reduced)
    for diagnostic in diagnostics:
        diagnostic.use_character_columns(lines)
    if cache is not None:
        cache.publish(used)
    return diagnostics + bodies


def _body_errors(definition, classes: tuple, prefix: list, lines: list[str]
                 ) -> list[SyntaxDiagnostic]:
    """The scope errors inside the body of `definition` (a function, or a class whose inner
    bodies are cut out), from a pass over it alone."""
    function = definition
    inner = function
    for enclosing in reversed(classes):
        wrapper = copy_node(enclosing)
        wrapper.body = [inner]
        wrapper.decorator_list, wrapper.bases, wrapper.keywords = [], [], []
        inner = wrapper
    _, diagnostics = build_blocks(nodes.Module(prefix + [inner], []))
    first = function.body[0]
    start = (first.lineno, first.col_offset)
    end = (function.end_lineno or function.lineno, function.end_col_offset or 0)
    found = []
    for diagnostic in diagnostics:
        # (Some code-generator errors have no location, line -1: a header's would also be in
        # the module's pass, and findings are unique by message and position.)
        if diagnostic.lineno < 1 or start <= (diagnostic.lineno, diagnostic.col_offset) <= end:
            diagnostic.use_character_columns(lines)
            found.append(diagnostic)
    return found


def _future_prefix(body: list) -> list:
    """The module's leading docstring and `from __future__` imports."""
    prefix = []
    for index, stmt in enumerate(body):
        kind = type(stmt).__name__
        future = kind == 'ImportFrom' and stmt.module == '__future__'
        docstring = (index == 0 and kind == 'Expr' and type(stmt.value).__name__ == 'Constant'
                     and isinstance(stmt.value.value, str))
        if not (future or docstring):
            break
        prefix.append(stmt)
    return prefix
