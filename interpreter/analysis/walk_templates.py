"""Reuse of the name walk of unchanged functions between versions of a file: the walk of a
function's own scope is kept as a template and copied (renumbered), or its objects taken over
from an older version's result, instead of walked again.

A template is the walk's output before resolution (scopes, symbols, bindings, occurrences) for
the inside of one `def`: parameters and body. It is used only when the `def` node is the same
object (incremental re-parsing shares unchanged nodes, and nodes are never changed), the lines
the walk can read are equal, and the walker's state that the walk reads and `enter` does not
reset is equal (see `_walk_state`). The copy gets the same evaluation orders, loop and branch
ids as a fresh walk at that point would give (they are renumbered from the walker's counters),
so the result is exactly that of walking. Templates' rows are never handed out or changed.

Copying costs most of an edit's name walk (on `_pydecimal.py`, some 7,500 occurrences), so a
walk takes over the objects of the result *two* versions back instead when it can (`relink`:
renumbered in place, put under the new parent scope, free names left to the new resolver).
The latest result before the walk (the one in use) is never touched; the older one's bindings
then describe the new version: its analysis is `superseded`, and diagnostics asked of it only
then are computed from bindings of its own. Only templates whose inside resolves alone (no
`global`/`nonlocal`, no class: `free_occurrences`) are taken over; the others are copied.
"""

from __future__ import annotations

import threading

from .bindings import Binding, Occurrence, Scope, Symbol

__all__ = ['WalkTemplate', 'WalkTemplates']


class WalkTemplate:
    """The walk of one function's scope, numbered from zero, as rows to copy from, with what
    it depends on (`node`, `key`: the walker's state, `lines`: what the walk can read)."""

    __slots__ = ('_walked', 'binding_rows', 'deleted_symbols', 'error_names', 'forks',
                 'free_occurrences', 'instances', 'key', 'last_line', 'lines', 'loops', 'node',
                 'occurrence_rows', 'orders', 'scope_rows', 'symbol_rows')

    def __init__(self, node, key: tuple, lines: tuple[tuple, int], scope: Scope,
                 occurrences: list[Occurrence], counters: tuple[int, int, int],
                 error_names: frozenset[str]):
        self.node = node
        self.key = key
        # The lines from the def to its end or to the last one a search read past it.
        self.lines, self.last_line = lines
        self.orders, self.loops, self.forks = counters
        self.error_names = error_names
        scopes = list(_all_scopes(scope))
        scope_index = {id(current): index for index, current in enumerate(scopes)}
        # (kind, name, node, parent's index or -1, range, declarations, star imports)
        self.scope_rows = [
            (current.kind, current.name, current.node,
             scope_index[id(current.parent)] if current is not scope else -1, current.range,
             dict(current.declarations), list(current.star_imports)) for current in scopes]
        binding_index: dict[int, int] = {}
        self.binding_rows = []
        # (scope's index, name, indexes of its bindings), in each scope's symbol order.
        self.symbol_rows = []
        for index, current in enumerate(scopes):
            for name, symbol in current.symbols.items():
                indexes = []
                for binding in symbol.bindings:
                    binding_index[id(binding)] = len(self.binding_rows)
                    indexes.append(len(self.binding_rows))
                    self.binding_rows.append((
                        binding.name, binding.kind, binding.node, binding.range,
                        scope_index[id(binding.site)], binding.order, binding.loops,
                        binding.flags, binding.forks, binding.module, binding.imported_name,
                        binding.level))
                self.symbol_rows.append((index, name, tuple(indexes)))
        symbol_index = {id(current.symbols[name]): index
                        for index, (scope_number, name, _) in enumerate(self.symbol_rows)
                        for current in (scopes[scope_number],)}
        resolved = _internal_resolutions(scopes, occurrences)
        # The walk's own objects, until the walk that made them adopts them (`adopt`).
        self._walked = (scope, occurrences, resolved, list(_all_bindings(scopes)))
        # The objects of earlier walks of this function, for a later one to take over
        # (`relink`); only when every name resolved inside stays so (no declaration, no class:
        # see `_internal_resolutions`), so that a taker only has to resolve the free names:
        # the indexes of those occurrences.
        self.instances: list[_Instance] = []
        self.free_occurrences: list[int] | None = (
            None if any(current.declarations or current.kind == 'class' for current in scopes)
            else [index for index, found in enumerate(resolved) if found is None])
        # Symbols a `del` written inside resolves to (resolution sets `deleted`).
        self.deleted_symbols = sorted({symbol_index[id(found[0])]
                                       for occurrence, found in zip(occurrences, resolved)
                                       if found is not None and occurrence.ctx == 'del'})
        self.occurrence_rows = [
            (occurrence.name, occurrence.ctx, occurrence.kind, occurrence.node,
             occurrence.range, scope_index[id(occurrence.scope)], occurrence.order,
             occurrence.loops, occurrence.flags,
             binding_index[id(occurrence.binding)] if occurrence.binding is not None else -1,
             symbol_index[id(found[0])] if found is not None else -1,
             found[1] if found is not None else None)
            for occurrence, found in zip(occurrences, resolved)]

    def adopt(self, walker, parent: Scope, session: TemplateSession) -> None:
        """Add the walk that made this template to `walker` (once, instead of a copy): its
        objects are renumbered in place and resolved as `instantiate` resolves a copy's."""
        scope, occurrences, resolved, bindings = self._walked
        self._walked = None
        base_order, base_loop, base_fork = walker.order, walker.loop_count, walker.fork_count
        scope.parent = parent
        parent.children.append(scope)
        _renumber(occurrences, bindings, base_order, base_loop, base_fork)
        if self.free_occurrences is not None:
            self.instances.append(_Instance(scope, occurrences, bindings,
                                            (base_order, base_loop, base_fork), session))
        for occurrence, found in zip(occurrences, resolved):
            if found is not None:
                symbol, occurrence.resolution = found
                occurrence.symbol = symbol
                symbol.occurrences.append(occurrence)
                if occurrence.ctx == 'del':
                    symbol.deleted = True
        walker.occurrences.extend(occurrences)
        self._advance(walker)

    def _advance(self, walker) -> None:
        """Move the walker's counters past this walk, as walking it would have."""
        walker.order += self.orders
        walker.loop_count += self.loops
        walker.fork_count += self.forks
        walker.error_names.update(self.error_names)

    def reuse(self, walker, parent: Scope, session: TemplateSession) -> None:
        """Add the walk to `walker` as if it had walked the function's scope now: the objects
        of an earlier walk taken over (`relink`) when one is free, else a copy."""
        for instance in self.instances:
            if instance.free_for(session):
                self.relink(instance, walker, parent, session)
                return
        self.instantiate(walker, parent, session)

    def relink(self, instance: _Instance, walker, parent: Scope,
               session: TemplateSession) -> None:
        """Take over the objects of an earlier walk: renumbered, put under `parent`, their
        free names left for this walk's resolver (the earlier analysis no longer holds)."""
        base_order, base_loop, base_fork = walker.order, walker.loop_count, walker.fork_count
        old_order, old_loop, old_fork = instance.bases
        _renumber(instance.occurrences, instance.bindings, base_order - old_order,
                  base_loop - old_loop, base_fork - old_fork)
        instance.bases = (base_order, base_loop, base_fork)
        instance.session.superseded = True
        instance.session = session
        scope, occurrences = instance.scope, instance.occurrences
        scope.parent = parent
        parent.children.append(scope)
        for index in self.free_occurrences:
            occurrence = occurrences[index]
            occurrence.symbol = None
            occurrence.resolution = 'attribute'
        walker.occurrences.extend(occurrences)
        self._advance(walker)

    def instantiate(self, walker, parent: Scope, session: TemplateSession) -> None:
        """Add a copy of the walk to `walker` as if it had walked the function's scope now,
        under `parent`."""
        base_order, base_loop, base_fork = walker.order, walker.loop_count, walker.fork_count
        first_occurrence = len(walker.occurrences)
        scopes: list[Scope] = []
        for kind, name, node, parent_index, range_, declarations, star_imports in \
                self.scope_rows:
            scope = Scope(kind, name, node, parent if parent_index < 0 else scopes[parent_index],
                          range_)
            if declarations:
                scope.declarations = dict(declarations)
            if star_imports:
                scope.star_imports = list(star_imports)
            scopes.append(scope)
        shifted: dict[tuple, tuple] = {(): ()}

        def shift_loops(loops: tuple) -> tuple:
            found = shifted.get(loops)
            if found is None:
                found = shifted[loops] = tuple(loop + base_loop for loop in loops)
            return found

        bindings: list[Binding] = []
        symbols: list[Symbol] = []
        for (name, kind, node, range_, site, order, loops, flags, forks, module, imported_name,
             level) in self.binding_rows:
            binding = Binding(name, kind, node, range_, scopes[site], order + base_order,
                              shift_loops(loops) if loops else loops, flags,
                              tuple((fork + base_fork, branch) for fork, branch in forks)
                              if forks else forks)
            binding.module, binding.imported_name, binding.level = module, imported_name, level
            bindings.append(binding)
        for scope_index, name, indexes in self.symbol_rows:
            scope = scopes[scope_index]
            symbol = scope.symbols[name] = Symbol(name, scope)
            symbols.append(symbol)
            own = symbol.bindings
            for index in indexes:
                binding = bindings[index]
                binding.symbol = symbol
                own.append(binding)
        append = walker.occurrences.append
        for (name, ctx, kind, node, range_, scope_index, order, loops, flags, binding_index,
             symbol_index, resolution) in self.occurrence_rows:
            occurrence = Occurrence(name, ctx, kind, node, range_, scopes[scope_index],
                                    order + base_order, shift_loops(loops) if loops else loops,
                                    flags)
            if binding_index >= 0:
                binding = bindings[binding_index]
                occurrence.binding = binding
                binding.occurrence = occurrence
            if symbol_index >= 0:
                # Resolved already (the resolver leaves occurrences with a symbol alone).
                symbol = symbols[symbol_index]
                occurrence.symbol = symbol
                occurrence.resolution = resolution
                symbol.occurrences.append(occurrence)
            append(occurrence)
        for index in self.deleted_symbols:
            symbols[index].deleted = True
        if self.free_occurrences is not None and len(self.instances) < _INSTANCES:
            self.instances.append(_Instance(
                scopes[0], walker.occurrences[first_occurrence:], bindings,
                (base_order, base_loop, base_fork), session))
        self._advance(walker)


class WalkTemplates:
    """The templates of one file's functions, for the next version's walk.

    `get` answers from the previous set; `publish` makes the set used by this walk the next
    one (so only the functions of the latest tree are kept).
    """

    def __init__(self):
        self._previous: dict[int, WalkTemplate] = {}
        self._lock = threading.Lock()
        self._sessions = 0

    def session(self) -> TemplateSession:
        with self._lock:
            self._sessions += 1
            return TemplateSession(self, self._previous, self._sessions)

    def publish(self, used: dict[int, WalkTemplate]) -> None:
        with self._lock:
            self._previous = used


class TemplateSession:
    """The templates one walk reads and the ones it records."""

    def __init__(self, owner: WalkTemplates, previous: dict[int, WalkTemplate], number: int):
        self.owner = owner
        self.previous = previous
        self.used: dict[int, WalkTemplate] = {}
        self.reused = 0
        # Sessions of one file are numbered in the order they start.
        self.number = number
        self.finished = False
        # Set when a later walk took over objects of this one's result (`relink`).
        self.superseded = False

    def walk_function(self, walker, node, scope_range) -> bool:
        """Add the walk of `node`'s scope to `walker` from a template (made now if there is
        none valid); False when the walker must walk it itself."""
        if walker.string_origin is not None:
            return False
        key = _walk_state(walker)
        template = self.previous.get(id(node))
        if (template is not None and template.node is node and template.key == key
                and template.lines == _lines(walker.lines, node, template.last_line)):
            self.reused += 1
        else:
            template = _make_template(walker, node, scope_range, key)
            if template is None:
                return False
            self.used[id(node)] = template
            template.adopt(walker, walker.scope, self)
            return True
        self.used[id(node)] = template
        template.reuse(walker, walker.scope, self)
        return True

    def finish(self) -> None:
        self.finished = True
        self.owner.publish(self.used)


# How many earlier walks' objects a template keeps: the latest result is never taken over,
# so with two, each walk takes over the objects of the result two versions back.
_INSTANCES = 2


class _Instance:
    """The objects one walk made for a function's scope (or took over), and its numbering."""

    __slots__ = ('bases', 'bindings', 'occurrences', 'scope', 'session')

    def __init__(self, scope: Scope, occurrences: list[Occurrence], bindings: list[Binding],
                 bases: tuple[int, int, int], session: TemplateSession):
        self.scope = scope
        self.occurrences = occurrences
        self.bindings = bindings
        self.bases = bases
        self.session = session

    def free_for(self, session: TemplateSession) -> bool:
        """Whether `session` may take the objects over: the walk holding them is finished
        and not the latest before `session` (whose result is what is in use now)."""
        holder = self.session
        return holder.finished and holder.number < session.number - 1


def _renumber(occurrences: list[Occurrence], bindings: list[Binding], order: int, loop: int,
              fork: int) -> None:
    """Shift evaluation orders, loop and branch ids by the given amounts, in place."""
    if not (order or loop or fork):
        return
    shifted: dict[tuple, tuple] = {(): ()}
    for item in [*occurrences, *bindings]:
        item.order += order
        loops = item.loops
        if loops and loop:
            found = shifted.get(loops)
            if found is None:
                found = shifted[loops] = tuple(number + loop for number in loops)
            item.loops = found
    if fork:
        for binding in bindings:
            if binding.forks:
                binding.forks = tuple((number + fork, branch)
                                      for number, branch in binding.forks)


def _walk_state(walker) -> tuple:
    """The walker's state that the walk of a function's scope reads and `enter` keeps."""
    return (bool(walker.type_checking), bool(walker.platform_check),
            bool(walker.in_annotation), bool(walker.unpacking), walker.literal_value,
            walker.store_kind, walker.ascii, walker.package_init)


def _lines(lines: list[str], node, last_line: int) -> tuple:
    return tuple(lines[node.lineno - 1:max(node.end_lineno or node.lineno, last_line)])


def _make_template(walker, node, scope_range, key: tuple) -> WalkTemplate | None:
    from .name_walk import NameWalker

    inner = NameWalker(walker.source, walker.lines, walker.filename)
    for name in ('type_checking', 'platform_check', 'in_annotation', 'unpacking',
                 'literal_value', 'store_kind', 'ascii', 'package_init'):
        setattr(inner, name, getattr(walker, name))
    holder = Scope('module', '<template>', None, None, (0, 0, 0, 0))
    inner.scope = holder
    scope = Scope('function', node.name, node, holder, scope_range)
    args = node.args
    try:
        inner.enter(scope, lambda: (inner.parameters(args), inner.stmts(node.body)))
    except RecursionError:
        return None
    # The copy maps scopes and bindings by their place in the function's scope tree: the walk
    # must have written nothing outside it (a binding's site is its symbol's scope until
    # resolution).
    inside = {id(current) for current in _all_scopes(scope)}
    if any(id(occurrence.scope) not in inside for occurrence in inner.occurrences):
        return None
    if any(binding.site is not current
           for current in _all_scopes(scope) for symbol in current.symbols.values()
           for binding in symbol.bindings):
        return None
    lines = _lines(walker.lines, node, inner.last_line_read)
    return WalkTemplate(node, key, (lines, inner.last_line_read), scope, inner.occurrences,
                        (inner.order, inner.loop_count, inner.fork_count),
                        frozenset(inner.error_names))


def _internal_resolutions(scopes: list[Scope], occurrences: list[Occurrence]
                          ) -> list[tuple[Symbol, str] | None]:
    """For each occurrence, the (symbol, resolution) `NameResolver` will give it when that
    symbol is inside the function's scope tree, whatever the code around the function; None
    when it depends on the outside (free names) or is not resolved at all.

    Holds when no scope inside declares `global`/`nonlocal` (nothing moves between symbols)
    and none is a class (whose reads before a binding look outside): then an occurrence
    resolves to the first scope from its own outwards that has its name, and no check of a
    read before its binding applies (those are for module and class scopes). Otherwise every
    occurrence is left to the resolver.
    """
    if any(scope.declarations or scope.kind == 'class' for scope in scopes):
        return [None] * len(occurrences)
    root = scopes[0]
    found: list[tuple[Symbol, str] | None] = []
    for occurrence in occurrences:
        if occurrence.kind in ('attribute', 'keyword', 'imported-name', 'dunder-all'):
            found.append(None)
            continue
        binding = occurrence.binding
        if binding is not None:
            symbol = binding.symbol
            found.append((symbol, 'local' if symbol.scope is occurrence.scope else 'enclosing'))
            continue
        scope, result = occurrence.scope, None
        while True:
            symbol = scope.symbols.get(occurrence.name)
            if symbol is not None:
                result = (symbol, 'local' if scope is occurrence.scope else 'enclosing')
                break
            if scope is root:
                break
            scope = scope.parent
        found.append(result)
    return found


def _all_bindings(scopes: list[Scope]):
    for scope in scopes:
        for symbol in scope.symbols.values():
            yield from symbol.bindings


def _all_scopes(scope: Scope):
    todo = [scope]
    while todo:
        current = todo.pop()
        yield current
        # Parents before children, children in their order (a copy appends them in this one).
        todo.extend(reversed(current.children))


def _shift_loops(loops: tuple, base: int) -> tuple:
    if not loops or not base:
        return loops
    return tuple(loop + base for loop in loops)


def _shift_forks(forks: tuple, base: int) -> tuple:
    if not forks or not base:
        return forks
    return tuple((fork + base, branch) for fork, branch in forks)
