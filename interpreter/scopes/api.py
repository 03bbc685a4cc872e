"""The stdlib `symtable` module's classes (`SymbolTable`, `Function`, `Class`, `Symbol`) over raw blocks."""

from __future__ import annotations

from .builder import CLASS, FUNCTION, Block
from .flags import (
    CELL,
    DEF_ANNOT,
    DEF_BOUND,
    DEF_IMPORT,
    DEF_LOCAL,
    DEF_NONLOCAL,
    DEF_PARAM,
    FREE,
    GLOBAL_EXPLICIT,
    GLOBAL_IMPLICIT,
    LOCAL,
    SCOPE_MASK,
    SCOPE_OFF,
    USE,
)

__all__ = ['Class', 'Function', 'Symbol', 'SymbolTable', 'wrap_block']


def wrap_block(block: Block, filename: str, memo: dict[int, SymbolTable] | None = None
               ) -> SymbolTable:
    """The API object for `block`; one object per block per tree, as the stdlib's memo gives."""
    if memo is None:
        memo = {}
    table = memo.get(block.id)
    if table is None:
        cls = Function if block.type == FUNCTION else Class if block.type == CLASS else SymbolTable
        table = cls(block, filename, memo)
        memo[block.id] = table
    return table


class SymbolTable:
    """A namespace's table: the module, a class body, or a function-like scope."""

    def __init__(self, block: Block, filename: str, memo: dict[int, SymbolTable] | None = None):
        self._table = block
        self._filename = filename
        self._memo = {} if memo is None else memo
        # made by the first lookup: the compiler reads flags, not Symbols, so most tables of
        # an imported module never make one (a table per function, pickled by the cache)
        self._symbols: dict[str, Symbol] | None = None

    def __repr__(self) -> str:
        kind = '' if type(self) is SymbolTable else f'{type(self).__name__} '
        if self._table.name == 'top':
            return f'<{kind}SymbolTable for module {self._filename}>'
        return f'<{kind}SymbolTable for {self._table.name} in {self._filename}>'

    def get_type(self) -> str:
        """'module', 'function' or 'class'."""
        return self._table.type

    def get_id(self) -> int:
        return self._table.id

    def get_name(self) -> str:
        """The class or function name, 'top' for the module, or e.g. 'lambda', 'listcomp'."""
        return self._table.name

    def get_lineno(self) -> int:
        return self._table.lineno

    def is_optimized(self) -> bool:
        return self._table.type == FUNCTION

    def is_nested(self) -> bool:
        return bool(self._table.nested)

    def has_children(self) -> bool:
        return bool(self._table.children)

    def get_identifiers(self):
        """A view of the names in this table."""
        return self._table.symbols.keys()

    def lookup(self, name: str) -> Symbol:
        if self._symbols is None:
            self._symbols = {}
        symbol = self._symbols.get(name)
        if symbol is None:
            flags = self._table.symbols[name]
            namespaces = [wrap_block(child, self._filename, self._memo)
                          for child in self._table.children if child.name == name]
            # The stdlib decides "module scope" by the name 'top', so a function named top
            # counts too; kept for parity.
            symbol = Symbol(name, flags, namespaces, module_scope=self._table.name == 'top')
            self._symbols[name] = symbol
        return symbol

    def get_symbols(self) -> list[Symbol]:
        return [self.lookup(name) for name in self.get_identifiers()]

    def get_children(self) -> list[SymbolTable]:
        return [wrap_block(child, self._filename, self._memo) for child in self._table.children]


class Function(SymbolTable):
    """A function, lambda or comprehension scope."""

    def _matching(self, test) -> tuple[str, ...]:
        return tuple(name for name, flags in self._table.symbols.items() if test(flags))

    def get_parameters(self) -> tuple[str, ...]:
        return self._matching(lambda flags: flags & DEF_PARAM)

    def get_locals(self) -> tuple[str, ...]:
        return self._matching(lambda flags: (flags >> SCOPE_OFF) & SCOPE_MASK in (LOCAL, CELL))

    def get_globals(self) -> tuple[str, ...]:
        return self._matching(
            lambda flags: (flags >> SCOPE_OFF) & SCOPE_MASK in (GLOBAL_IMPLICIT, GLOBAL_EXPLICIT))

    def get_nonlocals(self) -> tuple[str, ...]:
        return self._matching(lambda flags: flags & DEF_NONLOCAL)

    def get_frees(self) -> tuple[str, ...]:
        return self._matching(lambda flags: (flags >> SCOPE_OFF) & SCOPE_MASK == FREE)


class Class(SymbolTable):
    """A class body's scope."""

    def get_methods(self) -> tuple[str, ...]:
        """Names of the child scopes, first occurrence order (as the stdlib, lambdas included)."""
        return tuple(dict.fromkeys(child.name for child in self._table.children))


class Symbol:
    """One name in one table, with the stdlib's predicates."""

    def __init__(self, name: str, flags: int, namespaces=None, *, module_scope: bool = False):
        self._name = name
        self._flags = flags
        self._scope = (flags >> SCOPE_OFF) & SCOPE_MASK
        self._namespaces = namespaces or ()
        self._module_scope = module_scope

    def __repr__(self) -> str:
        return f'<symbol {self._name!r}>'

    def get_name(self) -> str:
        return self._name

    def is_referenced(self) -> bool:
        return bool(self._flags & USE)

    def is_parameter(self) -> bool:
        return bool(self._flags & DEF_PARAM)

    def is_global(self) -> bool:
        return bool(self._scope in (GLOBAL_IMPLICIT, GLOBAL_EXPLICIT)
                    or (self._module_scope and self._flags & DEF_BOUND))

    def is_nonlocal(self) -> bool:
        return bool(self._flags & DEF_NONLOCAL)

    def is_declared_global(self) -> bool:
        return self._scope == GLOBAL_EXPLICIT

    def is_local(self) -> bool:
        return bool(self._scope in (LOCAL, CELL)
                    or (self._module_scope and self._flags & DEF_BOUND))

    def is_annotated(self) -> bool:
        return bool(self._flags & DEF_ANNOT)

    def is_free(self) -> bool:
        return self._scope == FREE

    def is_imported(self) -> bool:
        return bool(self._flags & DEF_IMPORT)

    def is_assigned(self) -> bool:
        return bool(self._flags & DEF_LOCAL)

    def is_namespace(self) -> bool:
        """Whether a class or function statement (or lambda, comprehension) binds this name."""
        return bool(self._namespaces)

    def get_namespaces(self):
        return self._namespaces

    def get_namespace(self) -> SymbolTable:
        if not self._namespaces:
            raise ValueError('name is not bound to any namespaces')
        if len(self._namespaces) > 1:
            raise ValueError('name is bound to multiple namespaces')
        return self._namespaces[0]
