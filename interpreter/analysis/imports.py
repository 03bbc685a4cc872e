"""Import resolution for diagnostics: which imports cannot be found, and what a star import binds,
with Memphis's resolver (`interpreter.imports.locate`). Reads files; never imports or runs them.
"""

from __future__ import annotations

import os
import sys
import time

from ..imports.locate import ModuleLocation, locate, locate_in
from .namespace_writes import binds_dynamically, changes_dunder_all_later

__all__ = ['ImportResolver', 'ModuleNames', 'forget_locations', 'module_attributes', 'module_names',
           'star_import_names']

# Location answers are reused for a few seconds: each keystroke re-analyses the file, and its
# imports rarely change between two keystrokes; files created meanwhile are seen soon after.
_LOCATION_TTL = 5.0
_locations: dict[tuple[str, tuple[str, ...]], tuple[float, ModuleLocation | None]] = {}
# origin path -> (mtime, its top-level names, or None if the file cannot be read).
_module_names: dict[str, tuple[float, ModuleNames | None]] = {}
_STAR_DEPTH = 4


class ImportResolver:
    """Resolves the imports of one file against `search_path` (default: the file's folder
    unless it is a package, then the host's `sys.path`)."""

    available = True

    def __init__(self, filename: str, search_path: list[str] | None = None):
        self.filename = filename
        folder = os.path.dirname(os.path.abspath(filename)) if _is_file_path(filename) else None
        self.folder = folder
        if search_path is None:
            # A script's folder comes first on `sys.path`; a package's module is imported
            # through the package, so its folder is not searched.
            script_folder = folder and not os.path.exists(os.path.join(folder, '__init__.py'))
            search_path = ([folder] if script_folder else []) + [p for p in sys.path if p]
        self.path = tuple(search_path)

    def locate(self, name: str) -> ModuleLocation | None:
        return _cached_locate(name, self.path)

    def package_folder(self, level: int) -> str | None:
        """The folder a relative import with `level` dots starts from (None if unknown)."""
        if self.folder is None:
            return None
        folder = self.folder
        for _ in range(level - 1):
            folder = os.path.dirname(folder)
        return folder if os.path.isdir(folder) else None

    def locate_relative(self, module: str | None, level: int) -> ModuleLocation | None | bool:
        """The location of `.module` (level dots); True for the bare package folder itself;
        False when the start folder is unknown (nothing can be said)."""
        folder = self.package_folder(level)
        if folder is None:
            return False
        if not module:
            return True
        parts = module.split('.')
        found = locate_in(parts[0], [folder])
        for index in range(1, len(parts)):
            if found is None or not found.is_package:
                return None
            found = locate_in('.'.join(parts[:index + 1]), found.submodule_search_locations)
        return found

    def missing(self, binding) -> str | None:
        """The dotted name an import binding cannot find, or None if it resolves."""
        level = binding.level
        module = binding.module
        if level:
            found = self.locate_relative(module, level)
            if found is False or found is True:
                return None
            # `from .pkg import name`: name may be a submodule or any attribute, so only the
            # module itself is checked.
            return '.' * level + (module or '') if found is None else None
        if module is None:
            return None
        parts = module.split('.')
        for index in range(1, len(parts) + 1):
            name = '.'.join(parts[:index])
            if self.locate(name) is None:
                return name
        return None

    def locate_module(self, module: str | None, level: int) -> ModuleLocation | None | bool:
        """The location of the module a `from` import names; None if it is not found, False
        if nothing can be said (a relative import of a file in no known folder)."""
        if level:
            found = self.locate_relative(module, level)
            return False if found is True else found
        if module is None:
            return False
        return self.locate(module)

    def missing_name(self, binding) -> bool:
        """Whether `from module import name` certainly fails: the module is a source file
        (or package) that binds no such name and has no such submodule. False when the module
        itself is not found (that is an unresolved import) or its names cannot be known."""
        name = binding.imported_name
        if name is None or name == '*' or (name.startswith('__') and name.endswith('__')):
            return False
        if binding.level:
            found = self.locate_relative(binding.module, binding.level)
            if found is True:
                folder = self.package_folder(binding.level)
                found = locate_in(os.path.basename(folder), [os.path.dirname(folder)])
        else:
            found = self.locate(binding.module) if binding.module else None
        if not isinstance(found, ModuleLocation):
            return False
        attributes = module_attributes(found, self.path)
        if attributes is None or name in attributes:
            return False
        # A submodule is imported by the statement itself.
        return not (found.is_package
                    and locate_in(name, found.submodule_search_locations) is not None)

    def star_names(self, module: str | None, level: int) -> frozenset[str] | None:
        """The names `from module import *` binds, or None if they cannot be known."""
        found = self.locate_module(module, level)
        if not isinstance(found, ModuleLocation):
            return None
        return star_import_names(found, self.path)


def star_import_names(location: ModuleLocation, path: tuple[str, ...], depth: int = 0
                      ) -> frozenset[str] | None:
    """What `from <location> import *` binds: `__all__` if the module spells it out, else its
    public top-level names. None for compiled modules and modules that cannot be read."""
    names = module_names(location, path, depth)
    return names.exported if names is not None else None


def module_attributes(location: ModuleLocation, path: tuple[str, ...]) -> frozenset[str] | None:
    """A superset of the names module `location` binds at its top level (what `from m import
    name` may take, submodules apart), or None if they cannot be known: compiled modules,
    unreadable files, and modules that bind names dynamically (`globals()`, module-level
    `exec`/`vars`/`locals`, `sys.modules[__name__]`, a module `__getattr__`, an unknown star
    import)."""
    names = module_names(location, path)
    return names.attributes if names is not None else None


class ModuleNames:
    """The top-level names of one source module, read from its file without running it.

    `exported`: what a star import of it binds; `attributes`: a superset of what it binds.
    Either is None when it cannot be known."""

    __slots__ = ('attributes', 'exported')

    def __init__(self, exported: frozenset[str] | None, attributes: frozenset[str] | None):
        self.exported = exported
        self.attributes = attributes


def module_names(location: ModuleLocation, path: tuple[str, ...], depth: int = 0
                 ) -> ModuleNames | None:
    """The names of a source or package module (cached per file and mtime); None for other
    kinds and files that cannot be read."""
    origin = location.origin
    if location.kind not in ('source', 'package') or origin is None or depth > _STAR_DEPTH:
        return None
    try:
        mtime = os.stat(origin).st_mtime
    except OSError:
        return None
    cached = _module_names.get(origin)
    if cached is not None and cached[0] == mtime:
        return cached[1]
    names = _read_module_names(origin, path, depth)
    _module_names[origin] = (mtime, names)
    return names


def _read_module_names(origin: str, path: tuple[str, ...], depth: int) -> ModuleNames | None:
    from ..parser import parse
    from ..source import decode_source
    from .bindings import build_bindings

    try:
        with open(origin, 'rb') as file:
            source = decode_source(file.read(), origin)
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    tree = parse(source, origin).tree
    bindings = build_bindings(tree, source, filename=origin)
    module = bindings.module
    bound = {name for name, symbol in module.symbols.items()
             if any(binding.binds_value for binding in symbol.bindings)}
    listed = {entry.name for entry in bindings.dunder_all or ()}
    starred: set[str] | None = set()
    for module_name, level, _node in module.star_imports:
        more = _nested_star_names(origin, path, module_name, level, depth)
        if more is None:
            starred = None
            break
        starred |= more
    dynamic = binds_dynamically(tree, bindings)
    all_known = not (bindings.dunder_all_dynamic or changes_dunder_all_later(tree))
    if bindings.dunder_all is not None and all_known:
        exported = frozenset(listed)
    elif dynamic or starred is None:
        # `globals().update(...)` and the like bind names no reader can list.
        exported = None
    else:
        # Without a literal `__all__` (or with one extended by code), every public name may be
        # exported: a superset, so no name is wrongly called undefined.
        exported = frozenset({name for name in bound if not name.startswith('_')}
                             | listed | starred)
    if starred is None or '__getattr__' in bound or dynamic:
        attributes = None
    else:
        attributes = frozenset(bound | listed | starred)
    return ModuleNames(exported, attributes)


def _nested_star_names(origin: str, path: tuple[str, ...], module: str | None, level: int,
                       depth: int) -> frozenset[str] | None:
    resolver = ImportResolver(origin, list(path))
    if level:
        found = resolver.locate_relative(module, level)
        found = found if isinstance(found, ModuleLocation) else None
    else:
        found = resolver.locate(module) if module else None
    return star_import_names(found, path, depth + 1) if found is not None else None


def forget_locations() -> None:
    """Drop the remembered module locations (files were created, moved or deleted)."""
    _locations.clear()


def _cached_locate(name: str, path: tuple[str, ...]) -> ModuleLocation | None:
    key = (name, path)
    now = time.monotonic()
    cached = _locations.get(key)
    if cached is not None and now - cached[0] < _LOCATION_TTL:
        return cached[1]
    found = locate(name, list(path))
    _locations[key] = (now, found)
    return found


def _is_file_path(filename: str) -> bool:
    """Whether `filename` names a place on disk (not `<stdin>` or an unsaved buffer)."""
    if not filename or filename.startswith('<') or ':' in os.path.basename(filename):
        return False
    return os.path.isabs(filename) or os.path.exists(filename)
