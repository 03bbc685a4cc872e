"""The workspace index: every .py file of the workspace folders, parsed, with its outline.

Answers workspace-symbol queries and "which module defines this name"; kept up to date one
file at a time (`update`, `remove`). Files are read and parsed, never imported or run.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..parser import parse
from .navigation import read_source
from .node_ranges import NodeRanges, Range
from .symbols import DocumentSymbol, document_symbols

__all__ = ['IndexedSymbol', 'WorkspaceIndex', 'fuzzy_score']

# Folders that hold no workspace sources of interest (or far too many of other projects').
SKIPPED_FOLDERS = frozenset({'.git', '.hg', '.svn', '__pycache__', 'node_modules', '.venv',
                             'venv', '.tox', '.nox', '.mypy_cache', '.pytest_cache',
                             '.ruff_cache', 'site-packages', 'build', 'dist'})
# Files larger than this are indexed by name only (a generated table is not an outline).
MAX_FILE_BYTES = 2_000_000


@dataclass(frozen=True)
class IndexedSymbol:
    """A symbol of a workspace file; `container` is the enclosing class or function name."""

    name: str
    kind: str
    path: str
    range: Range
    selection_range: Range
    container: str | None
    top_level: bool


def fuzzy_score(name: str, query: str) -> int | None:
    """How well `query` matches `name` (lower is better), None if it does not: exact, prefix,
    substring, then in-order characters; case-insensitive."""
    if not query:
        return 3
    low_name, low_query = name.lower(), query.lower()
    if low_name == low_query:
        return 0
    if low_name.startswith(low_query):
        return 1
    if low_query in low_name:
        return 2
    position = 0
    for char in low_query:
        position = low_name.find(char, position)
        if position < 0:
            return None
        position += 1
    return 3


def _flatten(symbols: list[DocumentSymbol], path: str, container: str | None
             ) -> Iterator[IndexedSymbol]:
    for symbol in symbols:
        yield IndexedSymbol(symbol.name, symbol.kind, path, symbol.range,
                            symbol.selection_range, container, container is None)
        yield from _flatten(symbol.children, path, symbol.name)


class WorkspaceIndex:
    """Outlines of every Python file under `roots`. Thread-safe: `scan` may run on a worker
    while `update` is called for an edited file."""

    def __init__(self, roots: list[str]):
        self.roots = [os.path.abspath(root) for root in roots]
        self._files: dict[str, list[IndexedSymbol]] = {}
        self._lock = threading.Lock()
        self.scanned = threading.Event()

    def python_files(self) -> list[str]:
        """Every .py file under the roots (skipping caches, VCS and virtualenv folders)."""
        found = []
        for root in self.roots:
            for directory, folders, files in os.walk(root):
                folders[:] = sorted(f for f in folders if f not in SKIPPED_FOLDERS
                                    and not f.startswith('.'))
                found.extend(os.path.join(directory, f) for f in sorted(files)
                             if f.endswith('.py'))
        return found

    def scan(self, progress: Callable[[int, int, str], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> int:
        """Index every file; `progress(done, total, path)` is called as it goes. Returns the
        number of files indexed."""
        files = self.python_files()
        for done, path in enumerate(files):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                progress(done, len(files), path)
            with self._lock:
                known = path in self._files
            if not known:  # an edit indexed while the scan ran is newer than the disk
                self.update(path)
        self.scanned.set()
        return len(files)

    def contains(self, path: str) -> bool:
        """Whether `path` is inside one of the workspace folders."""
        path = os.path.abspath(path)
        return any(path == root or path.startswith(root + os.sep) for root in self.roots)

    def update(self, path: str, text: str | None = None) -> None:
        """(Re-)index one file, from `text` (an open editor's) or from the disk."""
        path = os.path.abspath(path)
        if not path.endswith('.py') or not self.contains(path):
            return
        if text is None:
            text = read_source(path)
            if text is None:
                self.remove(path)
                return
        symbols: list[IndexedSymbol] = []
        if len(text) <= MAX_FILE_BYTES:
            ranges = NodeRanges(text)
            symbols = list(_flatten(document_symbols(parse(text, path).tree, ranges), path,
                                    None))
        with self._lock:
            self._files[path] = symbols

    def remove(self, path: str) -> None:
        with self._lock:
            self._files.pop(os.path.abspath(path), None)

    def files(self) -> list[str]:
        with self._lock:
            return sorted(self._files)

    def symbols(self, query: str, limit: int = 500) -> list[IndexedSymbol]:
        """Symbols whose name matches `query`, best matches first."""
        with self._lock:
            every = [s for symbols in self._files.values() for s in symbols]
        scored = []
        for symbol in every:
            score = fuzzy_score(symbol.name, query)
            if score is not None:
                scored.append((score, not symbol.top_level, symbol.name, symbol.path,
                               symbol.range, symbol))
        scored.sort(key=lambda item: item[:5])
        return [item[-1] for item in scored[:limit]]

    def module_name(self, path: str) -> str | None:
        """The dotted module name of a workspace file (relative to its folder)."""
        path = os.path.abspath(path)
        for root in self.roots:
            if path.startswith(root + os.sep):
                relative = os.path.relpath(path, root)[:-len('.py')]
                parts = relative.split(os.sep)
                if parts[-1] == '__init__':
                    parts.pop()
                if parts and all(part.isidentifier() for part in parts):
                    return '.'.join(parts)
        return None

    def definers(self, name: str) -> list[tuple[str, str]]:
        """(module name, path) of the workspace modules that define `name` at top level."""
        with self._lock:
            files = list(self._files.items())
        found = []
        for path, symbols in files:
            if any(s.top_level and s.name == name for s in symbols):
                module = self.module_name(path)
                if module is not None:
                    found.append((module, path))
        return sorted(found)
