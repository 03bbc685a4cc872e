"""Reuse of the name walk of unchanged functions between versions of a file: the walk of a
function's own scope is kept as a template and copied (renumbered) instead of walked again.

A template is the walk's output before resolution (scopes, symbols, bindings, occurrences) for
the inside of one `def`: parameters and body. It is used only when the `def` node is the same
object (incremental re-parsing shares unchanged nodes, and nodes are never changed), the lines
the walk can read are equal, and the walker's state that the walk reads and `enter` does not
reset is equal (see `_walk_state`). The copy gets the same evaluation orders, loop and branch
ids as a fresh walk at that point would give (they are renumbered from the walker's counters),
so the result is exactly that of walking. Templates are never handed out or changed: every
analysis gets copies, so no analysis can see another's objects.
"""

from __future__ import annotations

import threading

from .bindings import Binding, Occurrence, Scope, Symbol

__all__ = ['WalkTemplate', 'WalkTemplates']


class WalkTemplate:
    """The walk of one function's scope, numbered from zero, as rows to copy from, with what
    it depends on (`node`, `key`: the walker's state, `lines`: what the walk can read)."""

    __slots__ = ('_walked', 'binding_rows', 'deleted_symbols', 'error_names', 'forks', 'key',
                 'last_line', 'lines', 'loops', 'node', 'occurrence_rows', 'orders',
                 'scope_rows', 'symbol_rows')

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

    def adopt(self, walker, parent: Scope) -> None:
        """Add the walk that made this template to `walker` (once, instead of a copy): its
        objects are renumbered in place and resolved as `instantiate` resolves a copy's."""
        scope, occurrences, resolved, bindings = self._walked
        self._walked = None
        base_order, base_loop, base_fork = walker.order, walker.loop_count, walker.fork_count
        scope.parent = parent
        parent.children.append(scope)
        if base_order or base_loop or base_fork:
            shifted: dict[tuple, tuple] = {(): ()}
            for item in [*occurrences, *bindings]:
                item.order += base_order
                loops = item.loops
                if loops:
                    found = shifted.get(loops)
                    if found is None:
                        found = shifted[loops] = tuple(loop + base_loop for loop in loops)
                    item.loops = found
            for binding in bindings:
                if binding.forks:
                    binding.forks = tuple((fork + base_fork, branch)
                                          for fork, branch in binding.forks)
        for occurrence, found in zip(occurrences, resolved):
            if found is not None:
                symbol, occurrence.resolution = found
                occurrence.symbol = symbol
                symbol.occurrences.append(occurrence)
                if occurrence.ctx == 'del':
                    symbol.deleted = True
        walker.occurrences.extend(occurrences)
        walker.order += self.orders
        walker.loop_count += self.loops
        walker.fork_count += self.forks
        walker.error_names.update(self.error_names)

    def instantiate(self, walker, parent: Scope) -> None:
        """Add a copy of the walk to `walker` as if it had walked the function's scope now,
        under `parent`."""
        base_order, base_loop, base_fork = walker.order, walker.loop_count, walker.fork_count
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
        walker.order += self.orders
        walker.loop_count += self.loops
        walker.fork_count += self.forks
        walker.error_names.update(self.error_names)


class WalkTemplates:
    """The templates of one file's functions, for the next version's walk.

    `get` answers from the previous set; `publish` makes the set used by this walk the next
    one (so only the functions of the latest tree are kept).
    """

    def __init__(self):
        self._previous: dict[int, WalkTemplate] = {}
        self._lock = threading.Lock()

    def session(self) -> TemplateSession:
        with self._lock:
            return TemplateSession(self, self._previous)

    def publish(self, used: dict[int, WalkTemplate]) -> None:
        with self._lock:
            self._previous = used


class TemplateSession:
    """The templates one walk reads and the ones it records."""

    def __init__(self, owner: WalkTemplates, previous: dict[int, WalkTemplate]):
        self.owner = owner
        self.previous = previous
        self.used: dict[int, WalkTemplate] = {}
        self.reused = 0

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
            template.adopt(walker, walker.scope)
            return True
        self.used[id(node)] = template
        template.instantiate(walker, walker.scope)
        return True

    def finish(self) -> None:
        self.owner.publish(self.used)


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
