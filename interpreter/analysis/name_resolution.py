"""Name resolution behind `bindings`: which symbol each occurrence means, as CPython's compiler
decides it, and when a module- or class-level read runs before any binding of its name.
"""

from __future__ import annotations

from .bindings import (
    BUILTIN_NAMES,
    CLASS_NAMES,
    MODULE_NAMES,
    PLATFORM_BUILTINS,
    Binding,
    Occurrence,
    Scope,
    Symbol,
)

__all__ = ['NameResolver', 'deleted_before', 'runs_immediately']


class NameResolver:
    """Decides, for every occurrence, which symbol it means, as the compiler would."""

    def __init__(self, module: Scope, builtins_scope: Scope, filename: str,
                 future_annotations: bool):
        self.module = module
        self.future_annotations = future_annotations
        self.builtins = builtins_scope
        self.module_names = MODULE_NAMES | ({'__path__'} if filename.endswith('__init__.py')
                                            else frozenset())

    def resolve(self, occurrences: list[Occurrence]) -> None:
        self.move_declared()
        for occurrence in occurrences:
            if occurrence.kind in ('attribute', 'keyword', 'imported-name', 'dunder-all'):
                continue
            if occurrence.symbol is not None:
                # Resolved when it was copied from a function's walk (walk_templates).
                continue
            if occurrence.binding is not None:
                symbol = occurrence.binding.symbol
                occurrence.symbol = symbol
                symbol.occurrences.append(occurrence)
                occurrence.resolution = ('global' if symbol.scope.kind == 'module'
                                         else 'local' if symbol.scope is occurrence.scope
                                         else 'enclosing')
                if occurrence.ctx == 'augmented':
                    self.check_before_binding(occurrence)
                continue
            self.resolve_load(occurrence)

    def move_declared(self) -> None:
        """Bindings written under `global x`/`nonlocal x` belong to the declared scope."""
        stack = [self.module]
        while stack:
            scope = stack.pop()
            stack.extend(scope.children)
            for name, keyword in scope.declarations.items():
                symbol = scope.symbols.pop(name, None)
                if symbol is None:
                    continue
                target = self.declared_target(scope, name, keyword)
                if target is None:
                    # nonlocal with no enclosing binding: a compile error; keep it local.
                    scope.symbols[name] = symbol
                    continue
                for binding in symbol.bindings:
                    binding.symbol = target
                    binding.flags = binding.flags | {'in-function'}
                target.bindings.extend(symbol.bindings)
                target.bindings.sort(key=lambda b: b.order)

    def declared_target(self, scope: Scope, name: str, keyword: str) -> Symbol | None:
        if keyword == 'global':
            return self.module.symbol(name)
        parent = scope.parent
        while parent is not None and parent.kind != 'module':
            if parent.kind != 'class':
                declared = parent.declarations.get(name)
                if declared == 'global':
                    return self.module.symbol(name)
                if name in parent.symbols:
                    return parent.symbols[name]
            parent = parent.parent
        return None

    def lookup(self, scope: Scope, name: str) -> tuple[Symbol | None, str]:
        """The symbol `name` means in `scope`, and how it was found."""
        declared = scope.declarations.get(name)
        if declared is not None:
            target = self.declared_target(scope, name, declared)
            if target is not None:
                return target, 'global' if target.scope.kind == 'module' else 'enclosing'
        symbol = scope.symbols.get(name)
        if symbol is not None:
            return symbol, 'global' if scope.kind == 'module' else 'local'
        parent = scope.parent
        while parent is not None:
            if parent.kind == 'module':
                symbol = parent.symbols.get(name)
                if symbol is not None:
                    return symbol, 'global'
                break
            if parent.kind != 'class':
                declared = parent.declarations.get(name)
                if declared == 'global':
                    return self.module.symbol(name), 'global'
                symbol = parent.symbols.get(name)
                if symbol is not None:
                    return symbol, 'enclosing'
            parent = parent.parent
        # The module's own `__name__`, `__doc__`, ... shadow the builtins module's.
        if name in self.module_names:
            return None, 'implicit'
        if name in BUILTIN_NAMES:
            return self.builtins.symbol(name), 'builtin'
        if name in PLATFORM_BUILTINS:
            return None, 'implicit'
        if name in CLASS_NAMES and scope.kind == 'class':
            return None, 'implicit'
        if name == '__class__' and _inside_method(scope):
            return None, 'implicit'
        return None, 'unresolved'

    def resolve_load(self, occurrence: Occurrence) -> None:
        symbol, resolution = self.lookup(occurrence.scope, occurrence.name)
        occurrence.symbol, occurrence.resolution = symbol, resolution
        if symbol is not None:
            symbol.occurrences.append(occurrence)
            if occurrence.ctx == 'del':
                symbol.deleted = True
            if occurrence.ctx in ('load', 'del') and resolution in ('global', 'local'):
                self.check_before_binding(occurrence)

    def check_before_binding(self, occurrence: Occurrence) -> None:
        """Module and class bodies look names up at run time: a load there that runs before
        every binding of its name finds the next namespace out (for a class) or nothing."""
        symbol = occurrence.symbol
        scope = symbol.scope
        if scope.kind not in ('module', 'class') or not runs_immediately(occurrence.scope,
                                                                          scope):
            return
        if 'string-annotation' in occurrence.flags or (
                'annotation' in occurrence.flags and self.future_annotations):
            return
        if occurrence.name in (self.module_names if scope.kind == 'module' else CLASS_NAMES):
            # Bound by the runtime before the body runs (`__doc__ += ...`).
            return
        # (A binding in a function through `global` is written, so also ordered, after the
        # def: the function cannot run before its def.)
        bound = any(binding.binds_value and (binding.order < occurrence.order
                                             or _shares_loop(binding, occurrence))
                    for binding in symbol.bindings)
        if bound and not deleted_before(symbol, occurrence):
            return
        if scope.kind == 'class' and occurrence.ctx == 'load':
            # LOAD_NAME: not in the class namespace yet, so the enclosing ones are searched
            # (`del` only ever looks at the class namespace).
            outer, resolution = self.lookup(scope.parent, occurrence.name)
            symbol.occurrences.remove(occurrence)
            occurrence.symbol, occurrence.resolution = outer, resolution
            if outer is not None:
                outer.occurrences.append(occurrence)
                if resolution == 'global':
                    self.check_before_binding(occurrence)
            return
        if occurrence.name in BUILTIN_NAMES and occurrence.ctx == 'load':
            symbol.occurrences.remove(occurrence)
            occurrence.symbol = self.builtins.symbol(occurrence.name)
            occurrence.resolution = 'builtin'
            occurrence.symbol.occurrences.append(occurrence)
            return
        occurrence.resolution = 'deleted' if bound else 'before-definition'


def deleted_before(symbol: Symbol, occurrence: Occurrence) -> bool:
    """Whether the last thing to happen to `symbol` before `occurrence` (in straight-line code
    of the symbol's own body) is an unconditional `del` of it."""
    if not symbol.deleted:
        return False
    latest_order, latest_is_del = 0, False
    for binding in symbol.bindings:
        if binding.binds_value and binding.order < occurrence.order:
            if _shares_loop(binding, occurrence) or 'in-function' in binding.flags:
                return False
            if binding.order > latest_order:
                latest_order, latest_is_del = binding.order, False
    for other in symbol.occurrences:
        if (other.ctx == 'del' and latest_order < other.order < occurrence.order
                and 'conditional' not in other.flags
                and runs_immediately(other.scope, symbol.scope)):
            latest_order, latest_is_del = other.order, True
    return latest_is_del


def runs_immediately(inner: Scope, outer: Scope) -> bool:
    """Whether code in `inner` runs while `outer`'s body runs (class bodies, comprehensions)."""
    scope = inner
    while scope is not outer:
        if scope is None or scope.kind not in ('class', 'comprehension'):
            return False
        scope = scope.parent
    return True


def _shares_loop(binding: Binding, occurrence: Occurrence) -> bool:
    return bool(binding.loops) and bool(occurrence.loops) and bool(
        set(binding.loops) & set(occurrence.loops))


def _inside_method(scope: Scope) -> bool:
    while scope is not None:
        if scope.kind == 'class':
            return True
        scope = scope.parent
    return False
