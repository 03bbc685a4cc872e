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
from .scope_errors import BodyErrorCache, module_scope_errors
from .walk_templates import WalkTemplates

__all__ = ['ModuleAnalysis', 'analyse_module']

# filename -> (lines, tree) of its latest error-free parse, for incremental re-parsing of the
# next version (an editor sends one version after another). A few files, most recent last.
_RECENT_LIMIT = 16
_recent: OrderedDict[str, tuple[list[str], object]] = OrderedDict()
_recent_lock = threading.Lock()
# filename -> what the analysis of its next version may reuse of its functions' analyses
# (each entry checks it is valid for the node it is asked about: see walk_templates and
# scope_errors).
_reuse: OrderedDict[str, FunctionReuse] = OrderedDict()


class FunctionReuse:
    """Per-function results of one file kept for its next version."""

    def __init__(self):
        self.walks = WalkTemplates()
        self.body_errors = BodyErrorCache()


def _function_reuse(filename: str) -> FunctionReuse:
    with _recent_lock:
        reuse = _reuse.get(filename)
        if reuse is None:
            reuse = _reuse[filename] = FunctionReuse()
        _reuse.move_to_end(filename)
        while len(_reuse) > _RECENT_LIMIT:
            _reuse.popitem(last=False)
        return reuse


class ModuleAnalysis:
    """Everything the language features need about one version of one file.

    The tree, syntax errors and scope errors are computed at once; `bindings`, `diagnostics`
    and (when the scope errors came from reused pieces) `table` on first use. Nothing here
    imports or runs the module's code. The bindings of an incremental analysis describe its
    version until two later analyses of the same file have been made (walk_templates: the
    objects of unchanged functions are then taken over; `superseded` says so). `reparsed`
    says whether the tree came from an incremental re-parse of the previous version,
    `reused_walks` how many functions' name walks came from an earlier version's.
    """

    def __init__(self, source: str, filename: str, search_path: list[str] | None = None,
                 *, incremental: bool = True, reuse_functions: bool = True):
        self.source = source
        self.filename = filename
        self.search_path = search_path
        # (`split_lines` without a regular expression when only `\n` ends lines.)
        self.lines: list[str] = (source.split('\n') if '\r' not in source
                                 else split_lines(source))
        self.reparsed = False
        # (`reuse_functions=False`: only the re-parse is incremental, for comparisons.)
        self._reuse = _function_reuse(filename) if incremental and reuse_functions else None
        # How many functions' name walks were copied from the previous version's.
        self.reused_walks = 0
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
        self.scope_errors: list[SyntaxDiagnostic] | None = None
        if (self._reuse is not None and not self.syntax_errors
                and type(tree).__name__ == 'Module'):
            # Reuses the errors of unchanged function bodies; the symbol table itself (which
            # no feature reads) is then built only if asked for.
            try:
                self.scope_errors = module_scope_errors(tree, self.lines,
                                                        self._reuse.body_errors)
            except RecursionError:
                pass
        if self.scope_errors is None:
            try:
                table, self.scope_errors = build_symtable(self.tree, filename, source=source)
            except RecursionError:
                # Too deep for the scope pass (CPython's compiler gives up on such code too).
                table, self.scope_errors = None, []
            self.__dict__['table'] = table

    def __repr__(self) -> str:
        return f'<ModuleAnalysis {self.filename!r}>'

    @cached_property
    def table(self) -> SymbolTable | None:
        """The module's symbol table (None when the tree is too deep for the scope pass)."""
        try:
            return build_symtable(self.tree, self.filename, source=self.source)[0]
        except RecursionError:
            return None

    @cached_property
    def bindings(self) -> ModuleBindings:
        if self._reuse is None:
            return build_bindings(self.tree, self.source, self.lines, self.filename)
        session = self._reuse.walks.session()
        bindings = build_bindings(self.tree, self.source, self.lines, self.filename, session)
        session.finish()
        self.reused_walks = session.reused
        self._session = session
        return bindings

    @property
    def superseded(self) -> bool:
        """Whether a later analysis of the same file took over objects of this one's
        bindings (walk_templates): they then describe that version, not this one."""
        session = getattr(self, '_session', None)
        return session is not None and session.superseded

    @cached_property
    def diagnostics(self) -> list[Finding]:
        from .diagnostics import module_findings

        if self.superseded:
            # Asked for late: check bindings of this version's own.
            self.__dict__['bindings'] = build_bindings(self.tree, self.source, self.lines,
                                                       self.filename)
        return module_findings(self)


def analyse_module(source: str, filename: str, *, search_path: list[str] | None = None,
                   incremental: bool = True) -> ModuleAnalysis:
    """Analyse `source` (the text of `filename`); resolve imports against `search_path`.

    With `incremental` (the default), an edit of the previously analysed version of the same
    `filename` that keeps its line count re-parses only the top-level statements it touched.
    """
    return ModuleAnalysis(source, filename, search_path, incremental=incremental)
