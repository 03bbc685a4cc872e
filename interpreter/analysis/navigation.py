"""Go to definition, find references and document highlights, within a file and across modules.

Other modules are found with `interpreter.imports.locate` and read from source (parsed, never
imported or run); a name imported from a module is followed to where that module binds it.
"""

from __future__ import annotations

import os
import re

from .. import nodes as n
from .bindings import Occurrence
from .node_ranges import Range
from .resolution import (
    Location,
    Resolver,
    Target,
    builtin_object,
    callable_definition,
    class_members,
    defining_binding,
    reaching_binding,
    same_target,
    shallow_target,
)
from .sources import ModuleLoader, SourceModule, docstring_of, read_source

__all__ = [
    'Location',
    'ModuleLoader',
    'SourceModule',
    'Target',
    'binding_target',
    'builtin_object',
    'callable_of',
    'definitions',
    'docstring_of',
    'document_highlights',
    'import_path_parts',
    'members',
    'occurrence_target',
    'reaching_binding',
    'read_source',
    'references',
    'resolve_attribute',
    'resolve_expression',
    'resolve_name',
    'same_target',
    'submodule_names',
    'target_at',
]


# -- queries ---------------------------------------------------------------------------------


def target_at(loader: ModuleLoader, module: SourceModule, lineno: int, col: int
              ) -> tuple[Occurrence, Target | None] | None:
    """The occurrence at the position and what it means (None if no name is there)."""
    occurrence = module.bindings.occurrence_at(lineno, col)
    if occurrence is None:
        return _module_path_target(loader, module, lineno, col)
    return occurrence, Resolver(loader).occurrence_target(module, occurrence)


_FROM_MODULE = re.compile(r'from\s+(\.*)\s*([\w.]*)')
_DOTTED_PART = re.compile(r'\w+')


def import_path_parts(module: SourceModule, lineno: int | None = None):
    """(statement, lineno, col, end_col, dotted prefix, level) for each part of the dotted
    module paths of the imports (`pkg` and `pkg.core` in `import pkg.core`; in `from
    ..pkg import x`, level 2), on line `lineno` only if it is given."""
    ranges = module.ranges
    for statement in module.import_statements():
        if lineno is not None and not \
                statement.lineno <= lineno <= (statement.end_lineno or statement.lineno):
            continue
        paths = []  # (dotted text, its start line and column, level)
        if isinstance(statement, n.ImportFrom):
            start = ranges.char_col(statement.lineno, statement.col_offset)
            match = _FROM_MODULE.match(ranges.line(statement.lineno), start)
            if match:
                paths.append((match.group(2), statement.lineno, match.start(2),
                              len(match.group(1))))
        else:
            for alias in statement.names:
                if getattr(alias, 'lineno', None):
                    paths.append((alias.name, alias.lineno,
                                  ranges.char_col(alias.lineno, alias.col_offset), 0))
        for dotted, path_line, path_col, level in paths:
            if lineno is not None and path_line != lineno:
                continue
            if ranges.line(path_line)[path_col:path_col + len(dotted)] != dotted:
                continue  # spaces around the dots: written unusually, not worth guessing
            for part in _DOTTED_PART.finditer(dotted):
                yield (statement, path_line, path_col + part.start(), path_col + part.end(),
                       dotted[:part.end()], level)


def _module_path_target(loader: ModuleLoader, module: SourceModule, lineno: int, col: int
                        ) -> tuple[Occurrence, Target] | None:
    """The module named by the part of an import's dotted path under the cursor (`pkg` or
    `core` in `import pkg.core` and `from pkg.core import x`), as a 'module-path'
    occurrence."""
    for statement, _, begin, end, prefix, level in import_path_parts(module, lineno):
        if begin <= col <= end:
            target = Resolver(loader).module_target(prefix, level, module)
            occurrence = Occurrence(prefix.rpartition('.')[2], 'load', 'module-path',
                                    statement, (lineno, begin, lineno, end),
                                    module.bindings.module, 0, (), frozenset())
            occurrence.resolution = 'attribute'
            return occurrence, target
    return None


def occurrence_target(loader: ModuleLoader, module: SourceModule, occurrence: Occurrence
                      ) -> Target | None:
    """What one name occurrence of `module` means, imports followed."""
    return Resolver(loader).occurrence_target(module, occurrence)


def binding_target(loader: ModuleLoader, module: SourceModule, binding) -> Target | None:
    """What a binding of `module` binds, imports followed."""
    return Resolver(loader).binding_target(module, binding)


def resolve_name(loader: ModuleLoader, module: SourceModule, name: str, lineno: int, col: int
                 ) -> Target | None:
    """What `name` means at the position (as a load there would see it), value followed."""
    bindings = module.bindings
    symbol = bindings.visible_names(lineno, col).get(name)
    if symbol is None:
        return None
    if symbol.scope is bindings.builtins:
        return Target('builtin', name)
    if not symbol.bindings:
        return None
    before = [b for b in symbol.bindings if (b.lineno, b.col) <= (lineno, col)]
    binding = before[-1] if before else symbol.bindings[0]
    resolver = Resolver(loader)
    return resolver.value_of(resolver.binding_target(module, binding), 0)


def resolve_attribute(loader: ModuleLoader, receiver: Target, name: str) -> Target | None:
    """What attribute `name` of `receiver` is, where evident; value followed."""
    resolver = Resolver(loader)
    return resolver.value_of(resolver.attribute(receiver, name, 0), 0)


def members(loader: ModuleLoader, receiver: Target) -> dict[str, Target]:
    """The attributes of a module or a source-defined class (or instance) as Targets."""
    resolver = Resolver(loader)
    if receiver.kind in ('class', 'instance'):
        return class_members(resolver, receiver)
    if receiver.kind != 'module' or receiver.module is None:
        return {}
    source = receiver.module
    found: dict[str, Target] = {}
    for name, symbol in source.bindings.module.symbols.items():
        if symbol.bindings:
            # Not followed: listing a module's names must not load every module it imports.
            found[name] = shallow_target(source, defining_binding(symbol.bindings))
    if source.is_package:
        for name in submodule_names(os.path.dirname(source.path)):
            found.setdefault(name, Target('module', name, module_name=name))
    return found


def submodule_names(directory: str) -> list[str]:
    """Names of the modules and packages a directory holds (its .py files and packages)."""
    try:
        entries = os.listdir(directory)
    except OSError:
        return []
    names = []
    for entry in entries:
        if entry.endswith('.py') and entry != '__init__.py':
            names.append(entry[:-3])
        elif entry.isidentifier() and os.path.isfile(os.path.join(directory, entry,
                                                                  '__init__.py')):
            names.append(entry)
    return [name for name in names if name.isidentifier()]


def callable_of(loader: ModuleLoader, target: Target | None) -> Target | None:
    """The source function a call of `target` runs (a function, or a class's `__init__`)."""
    return callable_definition(Resolver(loader), target)


def resolve_expression(loader: ModuleLoader, module: SourceModule, node) -> Target | None:
    """What an expression node of `module` evaluates to, where evident."""
    return Resolver(loader).expression(module, node)


def definitions(loader: ModuleLoader, module: SourceModule, lineno: int, col: int
                ) -> list[Location]:
    """Where the name at the position is defined (following imports into other modules)."""
    found = target_at(loader, module, lineno, col)
    if found is None:
        return []
    occurrence, target = found
    if target is None or target.location is None:
        # Unresolvable import: its own binding is the best answer.
        binding = module.bindings.binding_at(lineno, col) if occurrence.symbol else None
        return [Location(module.path, binding.range)] if binding is not None else []
    return [target.location]


def references(loader: ModuleLoader, module: SourceModule, lineno: int, col: int,
               include_declaration: bool = True) -> list[Location]:
    """Every place in `module` that names what the name at the position names.

    A name's references are its symbol's occurrences (scope-correct, as CPython resolves
    them); an attribute's are the attribute names whose receiver resolves to the same thing.
    """
    found = target_at(loader, module, lineno, col)
    if found is None:
        return []
    occurrence, target = found
    resolver = Resolver(loader)
    if occurrence.kind in ('attribute', 'keyword', 'imported-name'):
        if target is None:
            return []
        places = []
        for other in module.bindings.occurrences:
            if other.name != occurrence.name:
                continue
            if other.kind in ('attribute', 'keyword', 'imported-name'):
                if same_target(resolver.occurrence_target(module, other), target):
                    places.append(other.range)
            elif other.symbol is not None and other.resolution != 'builtin':
                own = resolver.occurrence_target(module, other)
                if same_target(own, target):
                    places.append(other.range)
        if include_declaration and target.module is module and target.range is not None \
                and target.range not in places:
            places.append(target.range)
        return [Location(module.path, rng) for rng in sorted(set(places))]
    if occurrence.symbol is None:
        return []
    places = [o.range for o in module.bindings.references(occurrence.symbol)
              if include_declaration or o.ctx in ('load', 'del', 'augmented')]
    if occurrence.symbol.scope is module.bindings.module:
        # `__all__ = ['name', ...]` names a module-level name too (plainly quoted only).
        places.extend(entry.range for entry in module.bindings.dunder_all or ()
                      if entry.name == occurrence.name
                      and module.ranges.text(entry.range) == entry.name)
    parameter = next((b for b in occurrence.symbol.bindings if b.kind == 'parameter'), None)
    if parameter is not None:
        # `f(name=...)` names the parameter too (rename must change it).
        own = Target('parameter', parameter.name, module, parameter, parameter.node,
                     parameter.range)
        for other in module.bindings.occurrences:
            if other.kind == 'keyword' and other.name == parameter.name and \
                    same_target(resolver.occurrence_target(module, other), own):
                places.append(other.range)
    return [Location(module.path, rng) for rng in sorted(places)]


def document_highlights(module: SourceModule, lineno: int, col: int
                        ) -> list[tuple[Range, str]]:
    """(range, 'read' | 'write') of each occurrence of the symbol at the position in this file
    (attributes: same attribute name on the same receiver name)."""
    occurrence = module.bindings.occurrence_at(lineno, col)
    if occurrence is None:
        return []
    if occurrence.symbol is not None:
        return [(o.range, _access(o)) for o in module.bindings.references(occurrence.symbol)]
    if occurrence.kind == 'attribute':
        receiver = _receiver_text(module, occurrence)
        return [(o.range, _access(o)) for o in module.bindings.occurrences
                if o.kind == 'attribute' and o.name == occurrence.name
                and _receiver_text(module, o) == receiver]
    return [(occurrence.range, _access(occurrence))]


def _receiver_text(module: SourceModule, occurrence: Occurrence) -> str:
    return module.ranges.text(module.ranges.of(occurrence.node.value))


def _access(occurrence: Occurrence) -> str:
    return 'read' if occurrence.ctx == 'load' else 'write'
