"""Whether a module's code may bind top-level names that no reader of its source can list:
writes through `globals()`, module-level `exec`/`vars()`/`locals()`, through its own module
object (`sys.modules[__name__]`), enum members exported to the module (`_convert_`,
`global_enum`), or an import hook it installs. Reads (`globals()[name]`) bind nothing.
"""

from __future__ import annotations

from ..nodes import (
    AST,
    Assign,
    AsyncFunctionDef,
    Attribute,
    AugAssign,
    Call,
    Compare,
    For,
    FunctionDef,
    Lambda,
    Load,
    Name,
    Subscript,
    comprehension,
    iter_child_nodes,
)

__all__ = ['binds_dynamically', 'changes_dunder_all_later']

# Methods of a namespace dict that only read it.
_READING_METHODS = frozenset({'get', 'copy', 'keys', 'items', 'values', '__contains__',
                              '__getitem__'})
_MODULE_LEVEL_WRITERS = ('exec', 'vars', 'locals')
# enum's helpers that copy an enum's members into its module's namespace
# (`Enum._convert_(name, __name__, ...)`, `global_enum(cls)`).
_ENUM_EXPORTERS = frozenset({'_convert_', 'global_enum'})
_LIST_CHANGERS = frozenset({'append', 'extend', 'insert', 'remove', 'pop', 'clear', '__iadd__'})
_IMPORT_HOOKS = frozenset({'meta_path', 'path_hooks'})
# Functions that only read a namespace dict handed to them.
_READING_CALLS = frozenset({'__import__', 'dict', 'list', 'tuple', 'set', 'sorted', 'len',
                            'iter', 'repr', 'print', 'id'})
# Names without which none of the writes below can be spelled (`globals` apart).
_WRITER_NAMES = _ENUM_EXPORTERS | _IMPORT_HOOKS | {'modules'}
# Builtins that write a module object's namespace when handed one.
_MODULE_WRITERS = frozenset({'setattr', 'delattr', 'vars'})


def binds_dynamically(tree: AST, bindings) -> bool:
    """Whether the module (`tree`, analysed into `bindings`) may bind names dynamically."""
    builtin_symbols = bindings.builtins.symbols
    for name in _MODULE_LEVEL_WRITERS:
        symbol = builtin_symbols.get(name)
        if symbol is not None and any(o.scope is bindings.module for o in symbol.occurrences):
            return True
    if 'globals' not in builtin_symbols and not _WRITER_NAMES & _spelled_names(tree):
        return False
    return _NamespaceWrites(tree).found


def changes_dunder_all_later(tree: AST) -> bool:
    """Whether a function of the module changes `__all__` (`__all__.append(name)` in a helper
    called at import time): the list then cannot be read from the source."""
    stack = [(child, False) for child in iter_child_nodes(tree)]
    while stack:
        node, in_function = stack.pop()
        if in_function and _changes_dunder_all(node):
            return True
        nested = in_function or isinstance(node, (FunctionDef, AsyncFunctionDef))
        stack.extend((child, nested) for child in iter_child_nodes(node))
    return False


def _changes_dunder_all(node: AST) -> bool:
    if isinstance(node, AugAssign):
        return _is_name(node.target, '__all__')
    return (isinstance(node, Call) and isinstance(node.func, Attribute)
            and _is_name(node.func.value, '__all__') and node.func.attr in _LIST_CHANGERS)


def _spelled_names(tree: AST) -> set[str]:
    """Every identifier and attribute name written in the module."""
    names = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, Attribute):
            names.add(node.attr)
        elif isinstance(node, Name):
            names.add(node.id)
        stack.extend(iter_child_nodes(node))
    return names


class _NamespaceWrites:
    """One walk with parents: `found` is True at the first possible write."""

    def __init__(self, tree: AST):
        self.module_aliases: set[str] = set()
        self.uses: list[tuple[AST, AST]] = []
        self.found = self.walk(tree)
        if not self.found and self.module_aliases:
            self.found = any(self.writes_through_alias(node, parent)
                             for node, parent in self.uses)

    def walk(self, tree: AST) -> bool:
        # (node, its parent, whether it is inside a function body)
        stack: list[tuple[AST, AST | None, bool]] = [(tree, None, False)]
        while stack:
            node, parent, in_function = stack.pop()
            if isinstance(node, Call) and _is_name(node.func, 'globals'):
                if not _reads_only(node, parent):
                    return True
            elif not in_function and _exports_enum(node, parent):
                return True
            elif _installs_import_hook(node):
                # Its modules need not be files (setuptools' `extern` packages).
                return True
            elif _is_own_module(node):
                if self.writes_through_module(node, parent):
                    return True
            elif isinstance(node, Name) and parent is not None:
                self.uses.append((node, parent))
            nested = in_function or isinstance(node, (FunctionDef, AsyncFunctionDef, Lambda))
            stack.extend((child, node, nested) for child in iter_child_nodes(node))
        return False

    def writes_through_module(self, node: Subscript, parent: AST | None) -> bool:
        if not isinstance(node.ctx, Load):
            return True
        if isinstance(parent, Attribute):
            return not isinstance(parent.ctx, Load) or parent.attr == '__dict__'
        if isinstance(parent, Assign) and parent.value is node:
            for target in parent.targets:
                if not isinstance(target, Name):
                    return True
                self.module_aliases.add(target.id)
            return False
        if isinstance(parent, Call):
            return _is_writer_call(parent)
        # Stored somewhere else (a container, an attribute): anything may write through it.
        return True

    def writes_through_alias(self, node: Name, parent: AST) -> bool:
        if node.id not in self.module_aliases:
            return False
        if isinstance(parent, Attribute):
            return not isinstance(parent.ctx, Load) or parent.attr == '__dict__'
        return isinstance(parent, Call) and node in parent.args and _is_writer_call(parent)


def _exports_enum(node: AST, parent: AST | None) -> bool:
    """`Enum._convert_(...)` called, or `@global_enum` applied, by module-level code."""
    if isinstance(node, Call):
        return _callee_name(node.func) in _ENUM_EXPORTERS
    return (_callee_name(node) == 'global_enum' and parent is not None
            and node in getattr(parent, 'decorator_list', ()))


def _installs_import_hook(node: AST) -> bool:
    """`sys.meta_path.append(...)` and the like."""
    return (isinstance(node, Call) and isinstance(node.func, Attribute)
            and node.func.attr in _LIST_CHANGERS and isinstance(node.func.value, Attribute)
            and node.func.value.attr in _IMPORT_HOOKS)


def _reads_only(call: Call, parent: AST | None) -> bool:
    """Whether the `globals()` call's dict is only read where it is used."""
    if isinstance(parent, Subscript) and parent.value is call:
        return isinstance(parent.ctx, Load)
    if isinstance(parent, Attribute) and parent.value is call:
        return parent.attr in _READING_METHODS
    if isinstance(parent, (For, comprehension)) and parent.iter is call:
        return True
    if isinstance(parent, Call) and call in parent.args:
        return _callee_name(parent.func) in _READING_CALLS
    return isinstance(parent, Compare) and call in parent.comparators


def _is_writer_call(call: Call) -> bool:
    """`setattr(module, ...)`, `delattr(...)`, `vars(module)` (the dict may be written)."""
    return isinstance(call.func, Name) and call.func.id in _MODULE_WRITERS


def _callee_name(node: AST) -> str | None:
    if isinstance(node, Name):
        return node.id
    return node.attr if isinstance(node, Attribute) else None


def _is_name(node: AST, name: str) -> bool:
    return isinstance(node, Name) and node.id == name


def _is_own_module(node: AST) -> bool:
    """`<something>.modules[__name__]`."""
    return (isinstance(node, Subscript) and _is_name(node.slice, '__name__')
            and isinstance(node.value, Attribute) and node.value.attr == 'modules')
