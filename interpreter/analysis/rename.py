"""Rename: every occurrence of a symbol as CPython resolves it, across workspace files.

A local renames only in its own scope (and the nested scopes that use it); a module-level
name also renames where other workspace modules import it (`from m import name`, `m.name`).
Builtins, keywords and names that are not defined in the workspace are refused.
"""

from __future__ import annotations

import keyword
import os

from .bindings import Binding
from .navigation import (
    Location,
    ModuleLoader,
    SourceModule,
    Target,
    occurrence_target,
    references,
    same_target,
    target_at,
)
from .node_ranges import Range

__all__ = ['RenameError', 'prepare_rename', 'rename', 'workspace_references']


class RenameError(Exception):
    """Why a rename is refused (shown to the user)."""


def _check_target(loader: ModuleLoader, module: SourceModule, lineno: int, col: int):
    found = target_at(loader, module, lineno, col)
    word = _word_at(module, lineno, col)
    if found is None:
        if word and keyword.iskeyword(word):
            raise RenameError(f'cannot rename the keyword {word!r}')
        raise RenameError('no symbol to rename here')
    occurrence, target = found
    if occurrence.resolution == 'builtin' or (target is not None and target.kind == 'builtin'):
        raise RenameError(f'cannot rename the builtin {occurrence.name!r}')
    if occurrence.resolution in ('unresolved', 'implicit'):
        raise RenameError(f'{occurrence.name!r} is not defined here')
    if occurrence.kind == 'module-path':
        raise RenameError('cannot rename a module')
    if occurrence.kind in ('attribute', 'keyword', 'imported-name') and (
            target is None or target.module is None or target.kind == 'module'):
        raise RenameError(f'cannot tell what {occurrence.name!r} refers to')
    if keyword.iskeyword(occurrence.name):
        raise RenameError(f'cannot rename the keyword {occurrence.name!r}')
    return occurrence, target


def _word_at(module: SourceModule, lineno: int, col: int) -> str:
    from .selection import word_range
    rng = word_range(module.ranges, lineno, col)
    return module.ranges.text(rng) if rng else ''


def prepare_rename(loader: ModuleLoader, module: SourceModule, lineno: int, col: int
                   ) -> Range:
    """The range of the name to rename; raises RenameError where renaming is refused."""
    occurrence, _target = _check_target(loader, module, lineno, col)
    return occurrence.range


Edits = dict[str | None, list[tuple[Range, str]]]


def rename(loader: ModuleLoader, module: SourceModule, lineno: int, col: int, new_name: str,
           workspace_files: list[str] | None = None,
           in_workspace=None) -> Edits:
    """{path: [(range, new text)]} renaming the symbol at the position to `new_name`.

    `workspace_files` are searched for importers of a module-level name; `in_workspace(path)`
    says whether a definition may be changed (default: `module` and `workspace_files`).
    """
    if not new_name.isidentifier() or keyword.iskeyword(new_name):
        raise RenameError(f'{new_name!r} is not a valid identifier')
    occurrence, target = _check_target(loader, module, lineno, col)
    if in_workspace is None:
        known = {os.path.abspath(path) for path in workspace_files or ()}

        def in_workspace(path):
            return path is not None and (path == module.path or os.path.abspath(path) in known)

    edits: Edits = {}

    def add(path, rng, text=new_name):
        if (rng, text) not in edits.setdefault(path, []):
            edits[path].append((rng, text))

    definition = _workspace_definition(target, module, in_workspace)
    if definition is None:
        # Defined outside the workspace (or unresolvable import): rename the local import.
        binding = module.bindings.binding_at(lineno, col)
        if binding is None or binding.kind != 'import':
            raise RenameError(f'{occurrence.name!r} is not defined in the workspace')
        for rng in _local_import_edits(module, binding, new_name):
            add(module.path, *rng)
        for place in references(loader, module, binding.lineno, binding.col):
            if place.range != binding.range:
                add(module.path, place.range)
        return edits

    home, home_range = definition
    for place in references(loader, home, home_range[0], home_range[1]):
        add(home.path, place.range)
    symbol = home.bindings.symbol_at(home_range[0], home_range[1])
    files = set(workspace_files or ())
    for path in (module.path, home.path):
        if path is not None:
            files.add(path)
    if target.kind == 'attribute' or (symbol is not None and symbol.scope.kind == 'class'):
        # A class member: renamed wherever an attribute resolves to it.
        for path in sorted(files):
            source = _source(loader, path, module, home)
            if source is None:
                continue
            for occurrence in source.bindings.occurrences:
                if occurrence.kind == 'attribute' and occurrence.name == target.name and \
                        same_target(occurrence_target(loader, source, occurrence), target):
                    add(source.path, occurrence.range)
    elif symbol is not None and symbol.scope.kind == 'module' and home.path is not None:
        for path in sorted(files):
            if path == home.path:
                continue
            importer = _source(loader, path, module, home)
            if importer is None:
                continue
            for rng, text in _importer_edits(loader, importer, home, symbol.name, new_name):
                add(importer.path, rng, text)
    return edits


def _source(loader: ModuleLoader, path: str, *known: SourceModule) -> SourceModule | None:
    """The module at `path`: one already at hand (the edited document's text), else read."""
    for module in known:
        if module.path == path:
            return module
    return loader.load(path)


def _workspace_definition(target: Target | None, module: SourceModule, in_workspace
                          ) -> tuple[SourceModule, Range] | None:
    if target is None or target.module is None or target.range is None:
        return None
    if target.kind == 'module' or (target.binding is not None
                                   and target.binding.kind == 'import'):
        return None  # a module, or a name imported from a module that was not found
    if target.module is not module and not in_workspace(target.module.path):
        return None
    return target.module, target.range


def _local_import_edits(module: SourceModule, binding: Binding, new_name: str):
    """Rename a name imported from outside the workspace: `from m import x` becomes
    `from m import x as new` (an existing alias is simply renamed)."""
    if binding.imported_name is not None:
        if binding.name != binding.imported_name:
            return [(binding.range, new_name)]
        return [(binding.range, f'{binding.imported_name} as {new_name}')]
    if binding.module == binding.name or binding.name != binding.module.partition('.')[0]:
        if binding.module == binding.name:
            return [(binding.range, f'{binding.module} as {new_name}')]
        return [(binding.range, new_name)]
    raise RenameError(f'cannot rename {binding.name!r}: `import {binding.module}` binds '
                      f'the top package')


def _importer_edits(loader: ModuleLoader, importer: SourceModule, home: SourceModule,
                    name: str, new_name: str):
    """Edits in `importer` for a module-level name of `home` renamed."""
    home_path = os.path.abspath(home.path)
    for occurrence in importer.bindings.occurrences:
        if occurrence.name != name or occurrence.kind not in ('imported-name', 'attribute'):
            continue
        target = occurrence_target(loader, importer, occurrence)
        if target is None or target.module is None or target.module.path is None or \
                os.path.abspath(target.module.path) != home_path:
            continue
        yield occurrence.range, new_name
        if occurrence.kind == 'imported-name':
            binding = importer.bindings.binding_at(occurrence.lineno, occurrence.col)
            if binding is not None and binding.kind == 'import' and binding.name == name:
                # No alias: every use of the imported name in this file is renamed too.
                for place in references(loader, importer, binding.lineno, binding.col):
                    yield place.range, new_name


# A valid identifier no program uses: renaming to it finds the places a rename would touch.
_PROBE = '_memphis_reference_probe_'


def workspace_references(loader: ModuleLoader, module: SourceModule, lineno: int, col: int,
                         workspace_files: list[str] | None = None,
                         include_declaration: bool = True) -> list[Location]:
    """The references of the name at the position in `module` and, for a module-level name of
    the workspace, in the workspace files that import it (the places a rename changes)."""
    found = [(place.path, place.range)
             for place in references(loader, module, lineno, col, include_declaration)]
    try:
        edits = rename(loader, module, lineno, col, _PROBE, workspace_files)
    except RenameError:
        edits = {}
    declaration = None
    if not include_declaration:
        target = target_at(loader, module, lineno, col)
        if target is not None and target[1] is not None and target[1].module is not None:
            declaration = (target[1].module.path, target[1].range)
    for path, changes in edits.items():
        for rng, _text in changes:
            if (path, rng) not in found and (path, rng) != declaration:
                found.append((path, rng))
    return [Location(path, rng) for path, rng in found]
