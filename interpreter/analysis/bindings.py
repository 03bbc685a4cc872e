"""Name bindings of a module: every scope's symbols, their definition sites, and every occurrence
of a name resolved to the symbol it means, as CPython resolves it. Works on broken trees.

Positions are 1-based lines and 0-based *character* columns (the tree's are UTF-8 bytes).
"""

from __future__ import annotations

import builtins
import sys
from bisect import bisect_right
from operator import attrgetter

__all__ = [
    'BUILTIN_NAMES',
    'Binding',
    'ModuleBindings',
    'Occurrence',
    'Scope',
    'Symbol',
    'build_bindings',
]

BUILTIN_NAMES = frozenset(dir(builtins))
# Names every module namespace has without binding them (what the import system sets).
MODULE_NAMES = frozenset({
    '__name__', '__file__', '__doc__', '__loader__', '__spec__', '__package__', '__builtins__',
    '__cached__', '__annotations__', '__dict__',
})
CLASS_NAMES = frozenset({'__module__', '__qualname__'})
# Builtins of other platforms, used under platform checks (pyflakes knows them too).
PLATFORM_BUILTINS = frozenset({'WindowsError'})
# Trees can be as deep as the parser allows (it raises the limit the same way).
RECURSION_LIMIT = 30000
_START = attrgetter('lineno', 'col')

class Scope:
    """A namespace: 'module', 'class', 'function', 'lambda', 'comprehension' or 'builtins'."""

    __slots__ = ('children', 'declarations', 'kind', 'name', 'node', 'parent', 'range',
                 'star_imports', 'symbols')

    def __init__(self, kind: str, name: str, node, parent: Scope | None,
                 range_: tuple[int, int, int, int]):
        self.kind = kind
        self.name = name
        self.node = node
        self.parent = parent
        self.range = range_
        self.children: list[Scope] = []
        self.symbols: dict[str, Symbol] = {}
        # name -> 'global' | 'nonlocal', from the scope's declarations.
        self.declarations: dict[str, str] = {}
        # (module, level, ImportFrom node) of each `from m import *` in this scope.
        self.star_imports: list[tuple[str | None, int, object]] = []
        if parent is not None:
            parent.children.append(self)

    def __repr__(self) -> str:
        return f'<Scope {self.kind} {self.name!r} line {self.range[0]}>'

    @property
    def is_function(self) -> bool:
        """Whether names bound here are fast locals (functions, lambdas, comprehensions)."""
        return self.kind in ('function', 'lambda', 'comprehension')

    def symbol(self, name: str) -> Symbol:
        symbol = self.symbols.get(name)
        if symbol is None:
            symbol = self.symbols[name] = Symbol(name, self)
        return symbol


class Symbol:
    """One name in one scope: all its bindings and every occurrence that resolves to it."""

    __slots__ = ('bindings', 'deleted', 'name', 'occurrences', 'scope')

    def __init__(self, name: str, scope: Scope):
        self.name = name
        self.scope = scope
        self.bindings: list[Binding] = []
        self.occurrences: list[Occurrence] = []
        # Whether some `del` resolves to this symbol.
        self.deleted = False

    def __repr__(self) -> str:
        return f'<Symbol {self.name!r} in {self.scope!r}>'


class Binding:
    """One place that binds a name.

    `kind`: 'import', 'function', 'class', 'parameter', 'assignment', 'augmented-assignment',
    'annotation' (annotated, no value: binds nothing at run time), 'for-target', 'with-target',
    'comprehension-target', 'walrus', 'except-handler', 'match-capture', 'submodule' (in a
    package's `__init__`, `from .sub import x` also binds `sub`). The name's range is
    (`lineno`, `col`, `end_lineno`, `end_col`); `node` is the defining statement or expression.
    For imports, `module` is the dotted module, `imported_name` the name taken from it (from
    imports), `level` the number of leading dots. `flags`: 'unpacking' (a tuple or list target),
    'future', 'type-checking' (under `if TYPE_CHECKING`), 'import-guarded' (in a `try` that
    catches ImportError), 'platform-guarded' (under an `if` on `sys.platform`, `os.name`, ...),
    'conditional', 'in-function' (bound from a nested scope via global/nonlocal).
    """

    __slots__ = ('col', 'end_col', 'end_lineno', 'flags', 'forks', 'imported_name', 'kind',
                 'level', 'lineno', 'loops', 'module', 'name', 'node', 'occurrence', 'order', 'site',
                 'symbol')

    def __init__(self, name: str, kind: str, node, position: tuple[int, int, int, int],
                 site: Scope, order: int, loops: tuple, flags: frozenset[str], forks: tuple = ()):
        self.name = name
        self.kind = kind
        # ((fork id, branch), ...): the if/try/match branches the binding is written in.
        self.forks = forks
        self.node = node
        self.lineno, self.col, self.end_lineno, self.end_col = position
        self.site = site
        self.order = order
        self.loops = loops
        self.flags = flags
        self.module: str | None = None
        self.imported_name: str | None = None
        self.level = 0
        self.symbol: Symbol | None = None
        self.occurrence: Occurrence | None = None

    def __repr__(self) -> str:
        return f'<Binding {self.kind} {self.name!r} {self.lineno}:{self.col}>'

    @property
    def scope(self) -> Scope:
        """The scope the name is bound in (not always where the binding is written)."""
        return self.symbol.scope

    @property
    def range(self) -> tuple[int, int, int, int]:
        return self.lineno, self.col, self.end_lineno, self.end_col

    @property
    def binds_value(self) -> bool:
        """Whether executing this binding gives the name a value."""
        return self.kind != 'annotation'


class Occurrence:
    """One written name: its context and what it resolves to.

    `ctx`: 'load', 'store', 'del', 'augmented' (load then store), 'declare' (global/nonlocal).
    `kind`: 'name', 'attribute', 'definition' (def/class name), 'parameter', 'import' (the name
    an import binds), 'imported-name' (the name taken in `from m import name as alias`),
    'declaration', 'keyword' (a keyword argument's or class pattern's attribute name),
    'dunder-all' (a string in `__all__`).
    `resolution`: 'local', 'enclosing', 'global', 'builtin', 'implicit' (module or class
    attributes the runtime provides), 'unresolved', 'before-definition' (a module- or
    class-level load that runs before every binding of the name), 'deleted' (one that runs
    right after an unconditional `del` of it), or 'attribute' (not
    resolved: attributes, keywords, imported names). `symbol` is the resolved Symbol or None.
    `flags`: 'name-error-guard', 'annotation', 'string-annotation' (inside a forward reference
    written as a string), 'type-checking', 'conditional' (a `del` in a branch, loop or try),
    'in-branch' (a `del` under an if or while).
    """

    __slots__ = ('binding', 'col', 'ctx', 'end_col', 'end_lineno', 'flags', 'kind', 'lineno',
                 'loops', 'name', 'node', 'order', 'resolution', 'scope', 'symbol')

    def __init__(self, name: str, ctx: str, kind: str, node, position: tuple[int, int, int, int],
                 scope: Scope, order: int, loops: tuple, flags: frozenset[str]):
        self.name = name
        self.ctx = ctx
        self.kind = kind
        self.node = node
        self.lineno, self.col, self.end_lineno, self.end_col = position
        self.scope = scope
        self.order = order
        self.loops = loops
        self.flags = flags
        self.binding: Binding | None = None
        self.symbol: Symbol | None = None
        self.resolution = 'attribute'

    def __repr__(self) -> str:
        return (f'<Occurrence {self.ctx} {self.name!r} {self.lineno}:{self.col} '
                f'{self.resolution}>')

    @property
    def range(self) -> tuple[int, int, int, int]:
        return self.lineno, self.col, self.end_lineno, self.end_col

    def contains(self, lineno: int, col: int) -> bool:
        """Whether the position is on the name (its end included, as editors place cursors)."""
        return self.lineno == lineno and self.col <= col <= self.end_col


class ModuleBindings:
    """The result of `build_bindings`: scopes, symbols, occurrences, and position queries."""

    def __init__(self, module: Scope, builtins_scope: Scope, occurrences: list[Occurrence],
                 error_names: frozenset[str], dunder_all: list[Occurrence] | None,
                 future_annotations: bool, dunder_all_dynamic: bool = False):
        self.module = module
        self.builtins = builtins_scope
        # In the order the walk met them (the checks need no other); `occurrences` sorts them
        # by position on first use (navigation), which diagnostics alone never pay for.
        self.walked_occurrences = occurrences
        self._sorted: list[Occurrence] | None = None
        self._starts: list[tuple[int, int]] = []
        # Identifiers written inside code the parser could not read: they may be bound or used
        # there, so the diagnostics neither call them undefined nor unused.
        self.error_names = error_names
        # The string entries of `__all__` when the module assigns a literal list/tuple to it.
        self.dunder_all = dunder_all
        # Whether code also changes `__all__` in ways not read here (`extend(a_variable)`).
        self.dunder_all_dynamic = dunder_all_dynamic
        self.future_annotations = future_annotations
        # False when the tree was too deep to walk whole: name checks are then unreliable.
        self.complete = True
        self._scopes: list[Scope] | None = None

    # -- iteration ---------------------------------------------------------------------------

    @property
    def occurrences(self) -> list[Occurrence]:
        """Every occurrence, in source order (by start position)."""
        if self._sorted is None:
            ordered = sorted(self.walked_occurrences, key=_START)
            self._starts = list(map(_START, ordered))
            self._sorted = ordered
        return self._sorted

    def scopes(self) -> list[Scope]:
        """Every scope, the module first, parents before children."""
        if self._scopes is None:
            found, stack = [], [self.module]
            while stack:
                scope = stack.pop()
                found.append(scope)
                stack.extend(reversed(scope.children))
            self._scopes = found
        return self._scopes

    def symbols(self):
        for scope in self.scopes():
            yield from scope.symbols.values()

    def bindings(self):
        for symbol in self.symbols():
            yield from symbol.bindings

    # -- position queries --------------------------------------------------------------------

    def occurrence_at(self, lineno: int, col: int) -> Occurrence | None:
        """The name occurrence under (or just after) the position, if any."""
        occurrences = self.occurrences
        index = bisect_right(self._starts, (lineno, col))
        best = None
        for occurrence in occurrences[max(index - 2, 0):index]:
            if occurrence.contains(lineno, col):
                # Prefer the occurrence that starts at the cursor over one that ends there.
                best = occurrence
        return best

    def symbol_at(self, lineno: int, col: int) -> Symbol | None:
        occurrence = self.occurrence_at(lineno, col)
        return occurrence.symbol if occurrence is not None else None

    def binding_at(self, lineno: int, col: int) -> Binding | None:
        """The binding the name at the position means: its own binding for a definition site,
        else the latest binding written before it (else the first one) of its symbol."""
        occurrence = self.occurrence_at(lineno, col)
        if occurrence is None:
            return None
        if occurrence.binding is not None:
            return occurrence.binding
        return self.reaching_binding(occurrence)

    def reaching_binding(self, occurrence: Occurrence) -> Binding | None:
        symbol = occurrence.symbol
        if symbol is None or not symbol.bindings:
            return None
        before = [b for b in symbol.bindings if (b.lineno, b.col) <= (occurrence.lineno,
                                                                          occurrence.col)]
        return before[-1] if before else symbol.bindings[0]

    def references(self, target: Binding | Symbol) -> list[Occurrence]:
        """Every occurrence (definition sites included) of the binding's symbol, in order."""
        symbol = target.symbol if isinstance(target, Binding) else target
        if symbol is None:
            return []
        return sorted(symbol.occurrences, key=lambda o: (o.lineno, o.col))

    def scope_at(self, lineno: int, col: int) -> Scope:
        """The innermost scope whose code contains the position."""
        scope = self.module
        position = (lineno, col)
        while True:
            for child in scope.children:
                start, end = child.range[:2], child.range[2:]
                if start <= position <= end:
                    scope = child
                    break
            else:
                return scope

    def visible_names(self, lineno: int, col: int) -> dict[str, Symbol]:
        """Names usable at the position: the scope's, enclosing functions', the module's and
        the builtins' (class bodies only from inside them, as Python looks names up)."""
        scope = self.scope_at(lineno, col)
        visible: dict[str, Symbol] = {}
        first = True
        while scope is not None:
            if first or scope.kind != 'class':
                for name, symbol in scope.symbols.items():
                    visible.setdefault(name, symbol)
            first = False
            scope = scope.parent
        for name in BUILTIN_NAMES:
            if name not in visible:
                visible[name] = self.builtins.symbol(name)
        return visible


def build_bindings(tree, source: str, lines: list[str] | None = None,
                   filename: str = '<unknown>', templates=None) -> ModuleBindings:
    """Walk a (possibly broken) `interpreter.nodes` tree and resolve every name.

    `templates` (a `walk_templates.TemplateSession`) lets the walk copy the unchanged
    functions of a previous version instead of walking them.
    """
    from ..source import split_lines
    from .name_walk import NameWalker

    walker = NameWalker(source, split_lines(source) if lines is None else lines, filename)
    walker.templates = templates
    # Trees can be as deep as the parser allows (it raises the limit the same way); the walk
    # is plain Python recursion, which 3.11 runs without growing the C stack.
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(max(limit, RECURSION_LIMIT))
        return walker.run(tree)
    finally:
        sys.setrecursionlimit(limit)
