"""Import resolution for diagnostics: which imports cannot be found, and what a star import binds,
with Memphis's resolver (`interpreter.imports.locate`). Reads files; never imports or runs them.
"""

from __future__ import annotations

import os
import sys
import time

from ..imports.locate import ModuleLocation, locate, locate_in

__all__ = ['ImportResolver', 'star_import_names']

# Location answers are reused for a few seconds: each keystroke re-analyses the file, and its
# imports rarely change between two keystrokes; files created meanwhile are seen soon after.
_LOCATION_TTL = 5.0
_locations: dict[tuple[str, tuple[str, ...]], tuple[float, ModuleLocation | None]] = {}
# origin path -> (mtime, names a star import of it binds, or None if they cannot be known).
_star_names: dict[str, tuple[float, frozenset[str] | None]] = {}
_STAR_DEPTH = 4


class ImportResolver:
    """Resolves the imports of one file against `search_path` (default: the file's folder, then
    the host's `sys.path`)."""

    available = True

    def __init__(self, filename: str, search_path: list[str] | None = None):
        self.filename = filename
        folder = os.path.dirname(os.path.abspath(filename)) if _is_file_path(filename) else None
        self.folder = folder
        if search_path is None:
            search_path = ([folder] if folder else []) + [p for p in sys.path if p]
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
    origin = location.origin
    if location.kind not in ('source', 'package') or origin is None or depth > _STAR_DEPTH:
        return None
    try:
        mtime = os.stat(origin).st_mtime
    except OSError:
        return None
    cached = _star_names.get(origin)
    if cached is not None and cached[0] == mtime:
        return cached[1]
    names = _read_star_names(origin, location, path, depth)
    _star_names[origin] = (mtime, names)
    return names


def _read_star_names(origin: str, location: ModuleLocation, path: tuple[str, ...],
                     depth: int) -> frozenset[str] | None:
    from ..parser import parse
    from ..source import decode_source
    from .bindings import build_bindings

    try:
        with open(origin, 'rb') as file:
            source = decode_source(file.read(), origin)
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    bindings = build_bindings(parse(source, origin).tree, source, filename=origin)
    if bindings.dunder_all is not None and not bindings.dunder_all_dynamic:
        return frozenset(entry.name for entry in bindings.dunder_all)
    if 'globals' in bindings.builtins.symbols:
        # `globals().update(...)` and the like bind names no reader can list.
        return None
    # Without a literal `__all__` (or with one extended by code), every public name may be
    # exported: a superset, so no name is wrongly called undefined.
    names = {name for name, symbol in bindings.module.symbols.items()
             if not name.startswith('_') and symbol.bindings}
    names.update(entry.name for entry in bindings.dunder_all or ())
    for module, level, _node in bindings.module.star_imports:
        resolver = ImportResolver(origin, list(path))
        if level:
            found = resolver.locate_relative(module, level)
            found = found if isinstance(found, ModuleLocation) else None
        else:
            found = resolver.locate(module) if module else None
        more = star_import_names(found, path, depth + 1) if found is not None else None
        if more is None:
            return None
        names |= more
    return frozenset(names)


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
