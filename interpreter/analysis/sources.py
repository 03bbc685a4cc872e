"""Modules read from source for the language features: found with `interpreter.imports.locate`,
parsed and resolved (bindings), cached per file; never imported or run."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable

from .. import nodes as n
from ..imports.locate import locate, locate_in
from ..parser import parse
from .bindings import Binding, ModuleBindings, Occurrence, build_bindings
from .node_ranges import NodeRanges

__all__ = ['MAX_CACHED_MODULES', 'ModuleLoader', 'SourceModule', 'docstring_of', 'read_source']

# How many parsed modules a loader keeps.
MAX_CACHED_MODULES = 256


class SourceModule:
    """One module's text, tree and bindings (the current document's come from its analysis)."""

    def __init__(self, path: str | None, source: str, tree=None, bindings=None,
                 name: str | None = None, lines: list[str] | None = None):
        self.path = path
        self.source = source
        self.ranges = NodeRanges(source if lines is None else lines)
        self.tree = parse(source, path or '<unknown>').tree if tree is None else tree
        self._bindings = bindings
        self.name = name
        self._analysis = None
        # Answers that depend only on this text (folding ranges, semantic tokens): features
        # keep them here, so that a request repeated on the same version costs nothing.
        self.answers: dict = {}
        self._assignments: dict[int, object] | None = None
        self._attribute_stores: dict | None = None
        self._import_bindings: dict | None = None
        self._import_statements: list | None = None
        self._alias_statements: dict[int, object] | None = None

    @classmethod
    def from_analysis(cls, analysis, path: str | None) -> SourceModule:
        """The module of a `ModuleAnalysis` (its tree and bindings are reused; the module is
        kept on the analysis, so its indexes are built once per document version)."""
        module = getattr(analysis, '_navigation_module', None)
        if module is not None and module.path == path:
            return module
        module = cls(path, analysis.source, analysis.tree, lines=getattr(analysis, 'lines', None))
        module._analysis = analysis
        try:
            analysis._navigation_module = module
        except AttributeError:  # an analysis without a __dict__: no caching
            pass
        return module

    @property
    def bindings(self) -> ModuleBindings:
        if self._bindings is None:
            analysis = self._analysis
            self._bindings = analysis.bindings if analysis is not None else build_bindings(
                self.tree, self.source, self.ranges.lines, self.path or '<unknown>')
        return self._bindings

    @property
    def docstring(self) -> str | None:
        return docstring_of(self.tree)

    def assignments(self) -> dict[int, object]:
        """id(target Name) -> its Assign/AnnAssign statement (a variable binding's node is the
        Name; hover and inference want the statement)."""
        if self._assignments is None:
            found = {}
            for node in n.walk(self.tree):
                if isinstance(node, n.Assign):
                    for target in node.targets:
                        found[id(target)] = node
                elif isinstance(node, n.AnnAssign):
                    found[id(node.target)] = node
            self._assignments = found
        return self._assignments

    def import_statements(self) -> list:
        """Every `import` and `from ... import` statement of the module."""
        if self._import_statements is None:
            self._import_statements = [node for node in n.walk(self.tree)
                                       if isinstance(node, (n.Import, n.ImportFrom))]
        return self._import_statements

    def import_binding_of(self, occurrence: Occurrence) -> Binding | None:
        """The binding made by the `from m import name [as alias]` whose `name` this
        'imported-name' occurrence is."""
        if self._import_bindings is None:
            self._import_bindings = {}
            for binding in self.bindings.bindings():
                if binding.kind == 'import' and binding.imported_name is not None:
                    self._import_bindings.setdefault(
                        (id(binding.node), binding.imported_name), binding)
        statement = self._statement_of_alias().get(id(occurrence.node))
        return self._import_bindings.get((id(statement), occurrence.name))

    def _statement_of_alias(self) -> dict[int, object]:
        if self._alias_statements is None:
            self._alias_statements = {id(alias): node for node in n.walk(self.tree)
                                      if isinstance(node, n.ImportFrom) for alias in node.names}
        return self._alias_statements

    def attribute_stores(self) -> dict:
        """scope -> the `name.attr = ...` occurrences written in it (for `self.x` members)."""
        if self._attribute_stores is None:
            found: dict = {}
            for occurrence in self.bindings.occurrences:
                if occurrence.kind == 'attribute' and occurrence.ctx == 'store' and \
                        isinstance(occurrence.node.value, n.Name):
                    found.setdefault(occurrence.scope, []).append(occurrence)
            self._attribute_stores = found
        return self._attribute_stores

    @property
    def is_package(self) -> bool:
        return self.path is not None and os.path.basename(self.path) == '__init__.py'


def docstring_of(node) -> str | None:
    """The docstring of a module, class or function node, cleaned as `inspect.cleandoc`."""
    import inspect

    body = getattr(node, 'body', None)
    if not body or not isinstance(body, list):
        return None
    first = body[0]
    if isinstance(first, n.Expr) and isinstance(first.value, n.Constant) and \
            isinstance(first.value.value, str):
        return inspect.cleandoc(first.value.value)
    return None


class ModuleLoader:
    """Finds and reads modules by name, for the navigation queries. Never runs them.

    `search_path` is where absolute imports are looked for; `read_text(path)` may give the
    text of a file that is open in an editor (else the file on disk is read).
    """

    def __init__(self, search_path: list[str] | None = None,
                 read_text: Callable[[str], str | None] | None = None):
        self.search_path = list(search_path) if search_path is not None else []
        self.read_text = read_text
        # path -> (stamp, module), least recently used first; bounded (a module with its
        # bindings can take megabytes, and navigation wanders through the stdlib).
        self._cache: OrderedDict[str, tuple[object, SourceModule]] = OrderedDict()
        self._lock = threading.Lock()

    def module_path(self, name: str | None, level: int = 0, importer: str | None = None
                    ) -> str | None:
        """The source file of module `name` (relative to `importer` when `level` > 0), or
        None when it has no Python source (builtin, extension, missing)."""
        location = self.location(name, level, importer)
        if location is None or location.kind not in ('source', 'package'):
            return None
        return location.origin

    def location(self, name: str | None, level: int = 0, importer: str | None = None):
        if level:
            if importer is None:
                return None
            directory = os.path.dirname(os.path.abspath(importer))
            for _ in range(level - 1):
                directory = os.path.dirname(directory)
            if not name:
                init = os.path.join(directory, '__init__.py')
                return _Location('package', init) if os.path.isfile(init) else None
            location = None
            search = [directory]
            for part in name.split('.'):
                location = locate_in(part, search)
                if location is None or not location.submodule_search_locations:
                    break
                search = list(location.submodule_search_locations)
            return location if location is not None and \
                location.name.rpartition('.')[2] == name.rpartition('.')[2] else None
        if not name:
            return None
        try:
            return locate(name, self.search_path)
        except (OSError, ValueError):
            return None

    def submodule_path(self, package: SourceModule, name: str) -> str | None:
        if not package.is_package:
            return None
        location = locate_in(name, [os.path.dirname(package.path)])
        if location is None or location.kind not in ('source', 'package'):
            return None
        return location.origin

    def load(self, path: str | None) -> SourceModule | None:
        """The parsed module at `path` (cached until the file or its open text changes)."""
        if path is None:
            return None
        text = self.read_text(path) if self.read_text is not None else None
        if text is not None:
            stamp: object = ('open', hash(text))
        else:
            try:
                info = os.stat(path)
            except OSError:
                return None
            stamp = (info.st_mtime_ns, info.st_size)
        with self._lock:
            cached = self._cache.get(path)
            if cached is not None and cached[0] == stamp:
                self._cache.move_to_end(path)
                return cached[1]
        if text is None:
            text = read_source(path)
            if text is None:
                return None
        module = SourceModule(path, text)
        with self._lock:  # queries run on several threads
            self._cache[path] = (stamp, module)
            self._cache.move_to_end(path)
            while len(self._cache) > MAX_CACHED_MODULES:
                self._cache.popitem(last=False)
        return module


class _Location:
    def __init__(self, kind, origin):
        self.kind, self.origin, self.name = kind, origin, ''
        self.submodule_search_locations = (os.path.dirname(origin),)


def read_source(path: str) -> str | None:
    """A Python file's text in its declared encoding (undecodable bytes replaced); None if
    it cannot be read."""
    from ..source import decode_source
    try:
        with open(path, 'rb') as file:
            data = file.read()
    except OSError:
        return None
    try:
        return decode_source(data, path)
    except (SyntaxError, ValueError, LookupError):
        return data.decode('utf-8', 'replace')
