"""One module's analysis: parse, scopes, bindings and diagnostics of a source text, lazily."""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import cached_property

from ..diagnostics import SyntaxDiagnostic
from ..parser import parse
from ..scopes import SymbolTable, build_symtable
from ..source import split_lines
from .bindings import ModuleBindings, build_bindings
from .findings import Finding
from .incremental import reparse

__all__ = ['ModuleAnalysis', 'analyse_module']

# filename -> (lines, tree) of its latest error-free parse, for incremental re-parsing of the
# next version (an editor sends one version after another). A few files, most recent last.
_RECENT_LIMIT = 16
_recent: OrderedDict[str, tuple[list[str], object]] = OrderedDict()
_recent_lock = threading.Lock()


class ModuleAnalysis:
    """Everything the language features need about one version of one file.

    The tree, syntax errors, symbol table and scope errors are computed at once; `bindings`
    and `diagnostics` on first use. Nothing here imports or runs the module's code.
    `reparsed` says whether the tree came from an incremental re-parse of the previous version.
    """

    def __init__(self, source: str, filename: str, search_path: list[str] | None = None,
                 *, incremental: bool = True):
        self.source = source
        self.filename = filename
        self.search_path = search_path
        self.lines: list[str] = split_lines(source)
        self.reparsed = False
        tree = None
        if incremental:
            with _recent_lock:
                previous = _recent.get(filename)
            if previous is not None:
                tree = reparse(previous[1], previous[0], self.lines)
                self.reparsed = tree is not None
        if tree is None:
            result = parse(source, filename, 'exec')
            tree, self.syntax_errors = result.tree, result.errors
        else:
            self.syntax_errors: list[SyntaxDiagnostic] = []
        self.tree = tree
        if incremental:
            with _recent_lock:
                if self.syntax_errors:
                    _recent.pop(filename, None)
                else:
                    _recent[filename] = (self.lines, tree)
                    _recent.move_to_end(filename)
                    while len(_recent) > _RECENT_LIMIT:
                        _recent.popitem(last=False)
        # Scope analysis runs on broken trees too: its errors are reported even below a syntax
        # error (CPython would stop at the first; an editor should not).
        self.table: SymbolTable | None
        self.scope_errors: list[SyntaxDiagnostic]
        try:
            self.table, self.scope_errors = build_symtable(self.tree, filename, source=source)
        except RecursionError:
            # Too deep for the scope pass (CPython's compiler gives up on such code too).
            self.table, self.scope_errors = None, []

    def __repr__(self) -> str:
        return f'<ModuleAnalysis {self.filename!r}>'

    @cached_property
    def bindings(self) -> ModuleBindings:
        return build_bindings(self.tree, self.source, self.lines, self.filename)

    @cached_property
    def diagnostics(self) -> list[Finding]:
        from .diagnostics import module_findings

        return module_findings(self)


def analyse_module(source: str, filename: str, *, search_path: list[str] | None = None,
                   incremental: bool = True) -> ModuleAnalysis:
    """Analyse `source` (the text of `filename`); resolve imports against `search_path`.

    With `incremental` (the default), an edit of the previously analysed version of the same
    `filename` that keeps its line count re-parses only the top-level statements it touched.
    """
    return ModuleAnalysis(source, filename, search_path, incremental=incremental)
