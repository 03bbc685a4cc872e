"""Where a module would be found, without importing or running anything (PEP 302/420/451 search).

The language server uses this to report unresolved imports; the import system's path finder
uses `find_in_entry` so both agree on what a path entry holds.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from typing import NamedTuple

__all__ = ['ModuleLocation', 'find_in_entry', 'locate', 'locate_in']

# CPython's FileFinder tries extension modules before source (bytecode-only modules are not
# supported: Memphis interprets source).
_FILE_SUFFIXES = (*EXTENSION_SUFFIXES, '.py')


class ModuleLocation(NamedTuple):
    """Where module `name` lives.

    kind: 'source' (a .py file), 'package' (a directory with `__init__.py`), 'namespace' (PEP 420
    portions: directories without `__init__`), 'extension' (a compiled module file) or 'builtin'
    (compiled into the host). `origin` is the file (None for namespace and builtin modules);
    `submodule_search_locations` is the package's `__path__` (None for a plain module).
    """

    name: str
    kind: str
    origin: str | None
    submodule_search_locations: tuple[str, ...] | None = None

    @property
    def is_package(self) -> bool:
        return self.submodule_search_locations is not None


def _entry_directory(entry: str) -> str:
    # '' on sys.path means the current directory, as for CPython's FileFinder.
    return entry or os.getcwd()


def _is_entry_name(tail: str) -> bool:
    # FileFinder matches the name against the directory's listing, so 'pkg/mod' or a name with
    # a NUL is never found (a path join would find pkg/mod.py).
    separators = (os.sep, os.altsep or os.sep, '\0')
    return bool(tail) and not any(separator in tail for separator in separators)


def find_in_entry(name: str, entry: str) -> ModuleLocation | None:
    """Module `name` (its last component is looked up) in one path entry, as FileFinder does.

    A directory without `__init__` gives a one-portion 'namespace' location; the caller merges
    portions across entries and prefers any regular module or package found later.
    """
    tail = name.rpartition('.')[2]
    if not _is_entry_name(tail):
        return None
    directory = _entry_directory(entry)
    if not os.path.isdir(directory):
        return None
    base = os.path.join(directory, tail)
    is_directory = os.path.isdir(base)
    if is_directory:
        for suffix in _FILE_SUFFIXES:
            init = os.path.join(base, '__init__' + suffix)
            if os.path.isfile(init):
                kind = 'package' if suffix == '.py' else 'extension'
                return ModuleLocation(name, kind, init, (base,))
    for suffix in _FILE_SUFFIXES:
        path = base + suffix
        if os.path.isfile(path):
            return ModuleLocation(name, 'source' if suffix == '.py' else 'extension', path)
    if is_directory:
        return ModuleLocation(name, 'namespace', None, (base,))
    return None


def locate_in(name: str, search_locations) -> ModuleLocation | None:
    """Module `name` (dotted; only its last part is searched) in a package's `__path__`."""
    portions: list[str] = []
    for entry in search_locations:
        if not isinstance(entry, str):
            continue
        found = find_in_entry(name, entry)
        if found is None:
            continue
        if found.kind != 'namespace':
            return found
        portions.extend(found.submodule_search_locations)
    if portions:
        return ModuleLocation(name, 'namespace', None, tuple(portions))
    return None


def locate(name: str, path: list[str] | None = None) -> ModuleLocation | None:
    """Where the dotted module `name` would be imported from over `path` (default `sys.path`).

    Builtin modules come first, as BuiltinImporter comes first on `sys.meta_path`; each parent
    must be a package whose `__path__` holds the next part. Nothing is imported or executed.
    """
    parts = name.split('.')
    if not all(parts):
        return None
    if len(parts) == 1 and name in sys.builtin_module_names:
        return ModuleLocation(name, 'builtin', None)
    found = locate_in(parts[0], sys.path if path is None else path)
    for index in range(1, len(parts)):
        if found is None or not found.is_package:
            return None
        found = locate_in('.'.join(parts[:index + 1]), found.submodule_search_locations)
    return found
