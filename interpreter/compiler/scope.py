"""Compile-time name resolution: which slot, cell, global or namespace each name lives in.

Built from the symbol tables (the API of the stdlib `symtable` module), matched to the tree's
scopes by (kind, name, line). Locals of a function get slot numbers in CPython's co_varnames
order; cell and free variables hold host cell objects in their slots.
"""

from __future__ import annotations

from collections import defaultdict, deque

from ..scopes import SymbolTable
from ..scopes.flags import (
    CELL,
    DEF_BOUND,
    FREE,
    GLOBAL_EXPLICIT,
    GLOBAL_IMPLICIT,
    LOCAL,
    SCOPE_MASK,
    SCOPE_OFF,
)

__all__ = [
    'SCOPE_NODES',
    'Scope',
    'ScopeKind',
    'build_module_scope',
    'compute_cells',
    'declared_global',
    'is_coroutine_comprehension',
    'mangle',
    'release_ran_trees',
    'set_local_names',
    'yield_kinds',
    'yielding_nodes',
]

SCOPE_NODES = frozenset({'FunctionDef', 'AsyncFunctionDef', 'Lambda', 'ClassDef', 'ListComp',
                         'SetComp', 'DictComp', 'GeneratorExp'})
_TABLE_NAMES = {'Lambda': 'lambda', 'ListComp': 'listcomp', 'SetComp': 'setcomp',
                'DictComp': 'dictcomp', 'GeneratorExp': 'genexpr'}


class ScopeKind:
    MODULE = 'module'
    CLASS = 'class'
    FUNCTION = 'function'


def mangle(private_class: str | None, name: str) -> str:
    """CPython's private name mangling: `__x` in class `C` is `_C__x`."""
    if (private_class is None or not name.startswith('__') or name.endswith('__')
            or '.' in name):
        return name
    stripped = private_class.lstrip('_')
    if not stripped:
        return name
    return f'_{stripped}{name}'


_NO_NAMES: frozenset[str] = frozenset()


class Scope:
    """One code block's names: slot numbers, cells, frees and how each name is reached."""

    # a scope per function of every imported module (a dict each was 0.5 MB for dataclasses,
    # enum and typing); `lazy_bodies` and `future` are set on a module's scope only
    __slots__ = ('_children', '_children_by_node', 'cell_map', 'cells', 'constants', 'deleted',
                 'frees', 'future', 'kind', 'lazy_bodies', 'name', 'own_cell_slots',
                 'own_frees', 'params', 'parent', 'private_class', 'qualname', 'slots',
                 'table', 'varnames')

    def __init__(self, table, kind: str, parent: Scope | None, name: str, qualname: str,
                 private_class: str | None) -> None:
        self.table = table
        self.kind = kind
        self.parent = parent
        self.name = name
        self.qualname = qualname
        self.private_class = private_class
        self.slots: dict[str, int] = {}
        self.own_cell_slots: tuple[int, ...] = ()
        # read only once made (one shared empty set: a scope per function of every module)
        self.cells: frozenset[str] = _NO_NAMES
        self.frees: list[str] | tuple[str, ...] = ()
        self.params: tuple[str, ...] = ()
        self.deleted: frozenset[str] | set[str] = _NO_NAMES
        # the child tables by (name, line) and by node, indexed when the body is compiled
        # (a function body compiled on its first call may never be)
        self._children: dict[tuple, deque] | None = None
        self._children_by_node: dict[int, object] | None = None
        self.cell_map = parent.cell_map if parent is not None else None
        # the compilation unit's constants, one object per value (compiler.constants)
        self.constants: dict = parent.constants if parent is not None else {}
        if self.cell_map is not None:
            cells = self.cell_map.get(table.get_id())
            if cells:
                self.cells = frozenset(cells)
        if kind == ScopeKind.CLASS:
            self.frees = _free_names(table)
            self.own_frees = set(self.frees)
            if self.cell_map is not None:
                # names the class's methods take from an enclosing function, through the class
                extra = self.cell_map['passthrough'].get(table.get_id(), ())
                self.frees += sorted(name for name in extra if name not in self.frees)
        elif kind == ScopeKind.FUNCTION:
            # CPython's co_freevars order (sorted), which the trampoline's closure follows
            self.frees = tuple(sorted(_free_names(table)))  # most have none: the shared ()

    def child_table(self, node):
        """The symbol table of the scope that `node` (a def, class, lambda, ...) opens."""
        kind = type(node).__name__
        name = _TABLE_NAMES.get(kind) or node.name
        if kind in ('FunctionDef', 'AsyncFunctionDef', 'ClassDef'):
            name = node.name
        if self._children is None:
            self._index_children()
        key = (name, node.lineno)
        queue = self._children.get(key)
        found = self._children_by_node.pop(id(node), None)
        if not queue:
            raise LookupError(f'no symbol table for {kind} {name!r} at line {node.lineno}')
        if found is not None and found in queue:
            queue.remove(found)
        else:
            found = queue.popleft()
        if not queue:
            # the index goes as the body compiles: the scope outlives its compilation
            del self._children[key]
        return found

    def _index_children(self) -> None:
        children: dict[tuple, deque] = defaultdict(deque)
        self._children_by_node = {}
        for child in self.table.get_children():
            # Memphis's own tables know their node; the host's `symtable` (for compile() of
            # an ast tree) is matched by name and line, in visiting order
            node = getattr(getattr(child, '_table', None), 'node', None)
            if node is not None:
                self._children_by_node[id(node)] = child
            children[(child.get_name(), child.get_lineno())].append(child)
        self._children = children

    def symbol(self, name: str):
        try:
            return self.table.lookup(name)
        except KeyError:
            return None

    def mangle(self, name: str) -> str:
        return mangle(self.private_class, name)

    def layout(self, params: list[str]) -> None:
        """Give every local, cell and free name of a function or class scope its slot."""
        # tuples: the collector stops scanning a tuple of strings (a scope per function)
        self.params = tuple(params)
        names = list(params)
        if self.kind == ScopeKind.FUNCTION:
            if self.table.get_name() == 'top':
                # the stdlib's is_local() also counts a bound name of any table named 'top'
                local = [sym.get_name() for sym in self.table.get_symbols() if sym.is_local()]
            else:
                # from the flags: no Symbol object per name of every function compiled
                local = _local_names(self.table)
            taken = {*names, *self.frees}
            for name in local:
                if name not in taken:
                    taken.add(name)
                    names.append(name)
        else:
            names.extend(sorted(self.cells))
        names.extend(self.frees)
        # a free variable's slot wins: a class body's `nonlocal __class__` is the enclosing
        # function's variable, and the implicit class cell (its methods' `__class__`) keeps
        # a slot of its own among the cells, as CPython's class code has both
        self.slots = {name: index for index, name in enumerate(names)}
        self.varnames = tuple(names)
        self.own_cell_slots = tuple(
            names.index(name, len(params)) if self.kind != ScopeKind.FUNCTION
            else self.slots[name] for name in self.cells)

    @property
    def cell_slots(self) -> tuple[int, ...]:
        return tuple(sorted(self.own_cell_slots))

    @property
    def class_cell_slot(self) -> int | None:
        """The slot of a class body's implicit `__class__` cell, or None without one."""
        if self.kind != ScopeKind.CLASS or '__class__' not in self.cells:
            return None
        return self.varnames.index('__class__')

    @property
    def free_slots(self) -> tuple[int, ...]:
        return tuple(self.slots[name] for name in self.frees)

    def _kind_of(self, name: str) -> tuple[int, bool, bool] | None:
        """(scope flag, is local, is global) of `name` in this scope's table, or None if the
        table does not know it: from the flags of Memphis's own tables (no `Symbol` object
        and namespace list per name of every function compiled), else from the `symtable`
        API (what `Symbol.is_local()` and `is_global()` answer, quirks included)."""
        table = self.table
        if isinstance(table, SymbolTable):
            block = table._table
            flags = block.symbols.get(name)
            if flags is None:
                return None
            scope = (flags >> SCOPE_OFF) & SCOPE_MASK
            # the stdlib counts every bound name of a table named 'top' as global and local
            top = block.name == 'top' and bool(flags & DEF_BOUND)
            return (scope, scope in (LOCAL, CELL) or top,
                    scope in (GLOBAL_IMPLICIT, GLOBAL_EXPLICIT) or top)
        sym = self.symbol(name)
        if sym is None:
            return None
        return (GLOBAL_EXPLICIT if sym.is_declared_global() else 0, sym.is_local(),
                sym.is_global())

    def resolve(self, name: str) -> str:
        """How `name` (already mangled) is reached from this scope.

        'fast' (a slot), 'deref' (a cell in a slot), 'global', 'name' (the namespace, then
        globals and builtins) or 'classderef' (class namespace, then a cell).
        """
        if self.kind == ScopeKind.FUNCTION:
            if name in self.cells or name in self.frees:
                return 'deref'
            known = self._kind_of(name)
            if known is None or known[0] == GLOBAL_EXPLICIT:
                return 'global'
            # local first: the stdlib's is_global() is also true of every bound name of a
            # table named 'top' (a function named top: its parameters are fast locals)
            if known[1]:
                return 'fast'
            return 'global'
        # module and class scopes: from the flags, no `Symbol` per name (declared_global)
        if declared_global(self.table, name):
            return 'global'
        if self.kind == ScopeKind.CLASS and name in self.own_frees:
            return 'classderef'
        return 'name'

    def resolve_store(self, name: str) -> str:
        if self.kind == ScopeKind.FUNCTION:
            if name in self.cells or name in self.frees:
                return 'deref'
            known = self._kind_of(name)
            if known is not None and known[0] == GLOBAL_EXPLICIT:
                return 'global'
            if known is not None and known[2] and not known[1]:
                return 'global'
            return 'fast'
        if declared_global(self.table, name):
            return 'global'
        if self.kind == ScopeKind.CLASS and name in self.frees:
            sym = self.symbol(name)
            if sym is not None and sym.is_nonlocal():
                return 'deref'
        return 'name'


def set_local_names(code, scope: Scope, n_params: int) -> None:
    """Lay out `code`'s locals from `scope`: `slot_names` (every slot of a frame's fast list:
    locals, cells and free variables, in slot order), `nlocals`, and CPython's `co_varnames`
    (parameters, then the locals that are neither cells nor free), `co_cellvars` (the
    parameters that are cells, then the other cells sorted) and `co_freevars`."""
    slots = tuple(scope.varnames)
    frees = set(scope.frees)
    code.slot_names = slots
    code.nlocals = len(slots)
    code.co_varnames = slots[:n_params] + tuple(
        name for name in slots[n_params:] if name not in scope.cells and name not in frees)
    param_cells = tuple(name for name in slots[:n_params] if name in scope.cells)
    code.co_cellvars = param_cells + tuple(sorted(
        name for name in slots[n_params:] if name in scope.cells and name not in frees))
    code.co_freevars = tuple(scope.frees)


def build_module_scope(table) -> Scope:
    scope = Scope(table, ScopeKind.MODULE, None, '<module>', '', None)
    scope.cell_map = compute_cells(table)
    return scope


def release_ran_trees(code) -> None:
    """After a module's body ran: its symbol tables let go of the module's and its classes'
    syntax trees (they run once; a third of an imported module's nodes, which every
    collection scanned). The functions keep their own nodes, and `code` its tree."""
    table = getattr(getattr(code, 'scope', None), 'table', None)
    if not isinstance(table, SymbolTable):
        return
    pending = [table._table]
    while pending:
        block = pending.pop()
        if block.type in ('module', 'class'):
            block.node = None
            pending.extend(block.children)


def _free_names(table) -> list[str]:
    """The free names of a function's or class's table, in table order: from the flags of
    Memphis's own tables (no `Symbol` object per name of every class), else from the
    `symtable` API."""
    if isinstance(table, SymbolTable):
        return [name for name, flags in table._table.symbols.items()
                if (flags >> SCOPE_OFF) & SCOPE_MASK == FREE]
    if table.get_type() == 'function':
        return list(table.get_frees())
    return [sym.get_name() for sym in table.get_symbols() if sym.is_free()]


def declared_global(table, name: str) -> bool:
    """Whether `global name` is declared in `table`'s scope: from the flags of Memphis's own
    tables (no `Symbol` object per class attribute), else from the `symtable` API."""
    if isinstance(table, SymbolTable):
        flags = table._table.symbols.get(name)
        return flags is not None and (flags >> SCOPE_OFF) & SCOPE_MASK == GLOBAL_EXPLICIT
    try:
        return table.lookup(name).is_declared_global()
    except (KeyError, AttributeError):
        return False


def _local_names(table) -> list[str]:
    """A function table's locals (cells included), in table order, as `get_locals()`."""
    if isinstance(table, SymbolTable):
        return [name for name, flags in table._table.symbols.items()
                if (flags >> SCOPE_OFF) & SCOPE_MASK in (LOCAL, CELL)]
    return list(table.get_locals())


def compute_cells(module_table) -> dict:
    """For every table id, the names its nested scopes take from it as free variables."""
    cells: dict = defaultdict(set)
    passthrough: dict = defaultdict(set)

    def frees_of(table):
        if table.get_type() in ('function', 'class'):
            return _free_names(table)
        return ()

    def visit(table, ancestors):
        for name in frees_of(table):
            for ancestor in reversed(ancestors):
                kind = ancestor.get_type()
                if kind == 'class':
                    if name == '__class__':
                        cells[ancestor.get_id()].add(name)
                        break
                    passthrough[ancestor.get_id()].add(name)
                    continue
                if kind != 'function':
                    break
                try:
                    sym = ancestor.lookup(name)
                except KeyError:
                    continue
                if not sym.is_free():
                    cells[ancestor.get_id()].add(name)
                    break
        for child in table.get_children():
            visit(child, ancestors + [table])

    visit(module_table, [])
    cells['passthrough'] = passthrough
    return cells


def yield_kinds(body: list) -> set[str]:
    """The kinds among Yield, YieldFrom and Await that occur in `body`'s own scope."""
    found: set[str] = set()

    def visit(node) -> None:
        kind = type(node).__name__
        if kind in ('Yield', 'YieldFrom', 'Await'):
            found.add(kind)
        for child in _children_in_scope(node):
            visit(child)

    for statement in body:
        visit(statement)
    return found


def _children_in_scope(node):
    """The sub-nodes of `node` that are evaluated in the same scope as `node` itself."""
    kind = type(node).__name__
    if kind in ('FunctionDef', 'AsyncFunctionDef', 'Lambda'):
        args = node.args
        found = list(getattr(node, 'decorator_list', ()))
        found.extend(args.defaults)
        found.extend(d for d in args.kw_defaults if d is not None)
        return found
    if kind == 'ClassDef':
        return [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]
    if kind in ('ListComp', 'SetComp', 'DictComp', 'GeneratorExp'):
        return [node.generators[0].iter]
    return _children_of(node)


def _comprehension_scope_nodes(node):
    """Every node a comprehension evaluates in its own scope: all but its first iterable (the
    enclosing scope's), and of a nested lambda or comprehension only what its own parent
    evaluates (defaults, the first iterable)."""
    first, *others = node.generators
    pending = [first.target, *first.ifs, *others]
    pending.extend(child for child in _children_of(node) if type(child).__name__ != 'comprehension')
    while pending:
        item = pending.pop()
        yield item
        pending.extend(_children_in_scope(item))


def _children_of(node) -> list:
    found = []
    for field in node._fields:
        value = getattr(node, field, None)
        if isinstance(value, list):
            found.extend(item for item in value if hasattr(item, '_fields'))
        elif hasattr(value, '_fields'):
            found.append(value)
    return found


def is_coroutine_comprehension(node) -> bool:
    """A comprehension or generator expression whose code is a coroutine (an asynchronous
    generator for a generator expression), by CPython 3.11's symtable rule: it has an `async
    for`, awaits in its own scope, or holds a list, set or dict comprehension that is one."""
    if any(g.is_async for g in node.generators):
        return True
    for item in _comprehension_scope_nodes(node):
        kind = type(item).__name__
        if kind == 'Await' or (kind in ('ListComp', 'SetComp', 'DictComp')
                               and is_coroutine_comprehension(item)):
            return True
    return False


def is_async_comprehension(node) -> bool:
    """A list, set or dict comprehension that awaits (so its evaluation awaits, as in CPython)."""
    if type(node).__name__ not in ('ListComp', 'SetComp', 'DictComp'):
        return False
    return is_coroutine_comprehension(node)


def yielding_nodes(body: list) -> set[int]:
    """ids of the nodes in `body` (one scope) that contain a yield, yield from or await."""
    found: set[int] = set()

    def visit(node) -> bool:
        hit = type(node).__name__ in ('Yield', 'YieldFrom', 'Await')
        for child in _children_in_scope(node):
            if visit(child):
                hit = True
        if type(node).__name__ in ('AsyncFor', 'AsyncWith') or is_async_comprehension(node):
            hit = True
        if hit:
            found.add(id(node))
        return hit

    for statement in body:
        visit(statement)
    return found
