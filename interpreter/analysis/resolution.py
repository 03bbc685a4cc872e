"""What names and expressions mean: imports followed into other modules, evident values
(`x = K()`, `self`), class members (body, `self.x = ...`, bases) and builtins."""

from __future__ import annotations

from dataclasses import dataclass

from .. import nodes as n
from .bindings import Binding, ModuleBindings, Occurrence
from .node_ranges import Range
from .sources import ModuleLoader, SourceModule

__all__ = ['Location', 'Resolver', 'Target', 'builtin_object', 'callable_definition',
           'class_members', 'defining_binding', 'reaching_binding', 'same_target',
           'shallow_target']

# How many imports (or base classes) are followed before giving up: re-export chains and
# import cycles end here.
_MAX_HOPS = 8


@dataclass
class Location:
    """A range in a file (`path` None for the current document when it has no file)."""

    path: str | None
    range: Range


@dataclass
class Target:
    """What a name or expression means after following imports.

    `kind`: 'module', 'class', 'function', 'parameter', 'variable', 'instance' (an instance of
    `node`'s class), 'builtin', 'attribute' (an attribute assigned on instances).
    `module` is the SourceModule that defines it (None for builtins and modules without
    source); `binding` the defining binding; `node` the defining node (ClassDef, FunctionDef,
    arg, the assignment...); `range` the name's range there.
    """

    kind: str
    name: str
    module: SourceModule | None = None
    binding: Binding | None = None
    node: object = None
    range: Range | None = None
    module_name: str | None = None

    @property
    def location(self) -> Location | None:
        if self.module is None:
            return None
        if self.kind == 'module':
            return Location(self.module.path, (1, 0, 1, 0))
        if self.range is None:
            return None
        return Location(self.module.path, self.range)


_BINDING_KINDS = {'function': 'function', 'class': 'class', 'parameter': 'parameter'}


class Resolver:
    """Resolution with one loader; `hops` bounds every chain it follows."""

    def __init__(self, loader: ModuleLoader):
        self.loader = loader

    # -- names ---------------------------------------------------------------------------------

    def binding_target(self, module: SourceModule, binding: Binding, hops: int = 0
                       ) -> Target | None:
        if binding.kind == 'import':
            followed = self.follow_import(module, binding, hops)
            if followed is not None:
                return followed
            return Target('module' if binding.imported_name is None else 'variable',
                          binding.name, module, binding, binding.node, binding.range,
                          binding.module if binding.imported_name is None else None)
        if binding.kind == 'submodule':  # `from .sub import x` in a package's __init__
            target = self.module_target(binding.module, binding.level, module)
            if module.name and target.module_name == binding.module:
                target.module_name = f'{module.name}.{binding.module}'
                if target.module is not None:
                    target.module.name = target.module_name
            return target
        kind = _BINDING_KINDS.get(binding.kind, 'variable')
        node = binding.node
        if kind == 'variable':
            node = module.assignments().get(id(node), node)
        return Target(kind, binding.name, module, binding, node, binding.range)

    def follow_import(self, module: SourceModule, binding: Binding, hops: int
                      ) -> Target | None:
        if hops > _MAX_HOPS:
            return None
        if binding.imported_name is None:  # import a.b.c [as x]
            dotted = binding.module if binding.name != binding.module.partition('.')[0] \
                or binding.module == binding.name else binding.module.partition('.')[0]
            return self.module_target(dotted, 0, module)
        # from m import name
        source = self.module_source(binding.module, binding.level, module, hops)
        if source is None:
            return None
        return self.member(source, binding.imported_name, hops + 1)

    def module_source(self, dotted: str | None, level: int, importer: SourceModule,
                      hops: int = 0) -> SourceModule | None:
        """The source of module `dotted`; a module a package binds at run time (`os.path`)
        is found as the package's member."""
        source = self.loader.load(self.loader.module_path(dotted, level, importer.path))
        if source is not None or not dotted or '.' not in dotted or hops > _MAX_HOPS:
            return source
        parent_name, _, last = dotted.rpartition('.')
        parent = self.module_source(parent_name, level, importer, hops + 1)
        if parent is None:
            return None
        parent.name = parent.name or parent_name
        member = self.member(parent, last, hops + 1)
        return member.module if member is not None and member.kind == 'module' else None

    def module_target(self, dotted: str, level: int, importer: SourceModule
                      ) -> Target | None:
        source = self.module_source(dotted, level, importer)
        if source is None:
            return Target('module', dotted.rpartition('.')[2] if dotted else '',
                          module_name=dotted)
        source.name = dotted
        return Target('module', dotted.rpartition('.')[2], source, module_name=dotted)

    def member(self, source: SourceModule, name: str, hops: int = 0) -> Target | None:
        """What `source`'s module attribute `name` is: a top-level binding, else a submodule."""
        symbol = source.bindings.module.symbols.get(name)
        if symbol is not None and symbol.bindings:
            binding = defining_binding(symbol.bindings)
            return self.binding_target(source, binding, hops + 1)
        path = self.loader.submodule_path(source, name)
        loaded = self.loader.load(path)
        if loaded is not None:
            dotted = f'{source.name}.{name}' if source.name else name
            loaded.name = dotted
            return Target('module', name, loaded, module_name=dotted)
        return None

    # -- expressions ---------------------------------------------------------------------------

    def occurrence_target(self, module: SourceModule, occurrence: Occurrence, hops: int = 0
                          ) -> Target | None:
        if occurrence.kind == 'imported-name':
            binding = module.import_binding_of(occurrence)
            if binding is not None:
                return self.follow_import(module, binding, hops)
            return None
        if occurrence.kind in ('attribute',):
            receiver = self.expression(module, occurrence.node.value, hops)
            if receiver is None:
                return None
            return self.attribute(receiver, occurrence.name, hops)
        if occurrence.kind == 'keyword':
            return self.keyword_target(module, occurrence, hops)
        if occurrence.resolution == 'builtin':
            return Target('builtin', occurrence.name)
        if occurrence.symbol is None:
            return None
        binding = occurrence.binding or reaching_binding(occurrence)
        if binding is None:
            return None
        return self.binding_target(module, binding, hops)

    def keyword_target(self, module: SourceModule, occurrence: Occurrence, hops: int
                       ) -> Target | None:
        node = occurrence.node
        call = _call_of_keyword(module, node)
        if call is None:
            return None
        callee = self.expression(module, call.func, hops)
        function = callable_definition(self, callee)
        if function is None:
            return None
        for arg in _all_arguments(function.node.args):
            if arg.arg == occurrence.name:
                ranges = function.module.ranges
                lineno, col = arg.lineno, ranges.char_col(arg.lineno, arg.col_offset)
                return Target('parameter', arg.arg, function.module, None, arg,
                              (lineno, col, lineno, col + len(arg.arg)))
        return None

    def expression(self, module: SourceModule, node, hops: int = 0) -> Target | None:
        """What an expression of `module` evaluates to, where that is evident."""
        if hops > _MAX_HOPS:
            return None
        if isinstance(node, n.Name):
            lineno, col = node.lineno, module.ranges.char_col(node.lineno, node.col_offset)
            occurrence = module.bindings.occurrence_at(lineno, col)
            if occurrence is None or occurrence.name != node.id:
                return None
            target = self.occurrence_target(module, occurrence, hops + 1)
            return self.value_of(target, hops)
        if isinstance(node, n.Attribute):
            receiver = self.expression(module, node.value, hops + 1)
            if receiver is None:
                return None
            return self.value_of(self.attribute(receiver, node.attr, hops + 1), hops)
        if isinstance(node, n.Call):
            callee = self.expression(module, node.func, hops + 1)
            if callee is not None and callee.kind == 'class':
                return Target('instance', callee.name, callee.module, callee.binding,
                              callee.node, callee.range)
            if callee is not None and callee.kind == 'builtin' and \
                    isinstance(builtin_object(callee.name), type):
                return Target('builtin', callee.name)  # `dict()`: its members are dict's
            return None
        literal = _LITERAL_TYPES.get(type(node).__name__)
        if literal is None and isinstance(node, n.Constant) and node.value is not None:
            literal = type(node.value).__name__
        return Target('builtin', literal) if literal in _BUILTIN_TYPE_NAMES else None

    def value_of(self, target: Target | None, hops: int) -> Target | None:
        """A variable's value where evident (`x = K()`, `self` in a method, `y = module`)."""
        if target is None:
            return None
        if target.kind == 'parameter' and target.binding is not None:
            owner = _method_owner(target)
            if owner is not None:
                return owner
        if target.kind == 'variable' and isinstance(target.node, (n.Assign, n.AnnAssign)) \
                and target.node.value is not None and hops < _MAX_HOPS:
            targets = target.node.targets if isinstance(target.node, n.Assign) \
                else [target.node.target]
            if len(targets) == 1 and isinstance(targets[0], n.Name):
                value = self.expression(target.module, target.node.value, hops + 1)
                if value is not None:
                    return value
        return target

    def attribute(self, receiver: Target, name: str, hops: int) -> Target | None:
        if hops > _MAX_HOPS:
            return None
        if receiver.kind == 'module' and receiver.module is not None:
            return self.member(receiver.module, name, hops + 1)
        if receiver.kind in ('class', 'instance') and receiver.module is not None:
            return class_members(self, receiver, hops + 1).get(name)
        if receiver.kind == 'builtin' and hasattr(builtin_object(receiver.name), name):
            return Target('builtin', f'{receiver.name}.{name}')
        return None


# Displays and literals whose type is evident: their members are the builtin type's.
_LITERAL_TYPES = {'List': 'list', 'ListComp': 'list', 'Dict': 'dict', 'DictComp': 'dict',
                  'Set': 'set', 'SetComp': 'set', 'Tuple': 'tuple', 'JoinedStr': 'str'}
_BUILTIN_TYPE_NAMES = frozenset(('list', 'dict', 'set', 'tuple', 'str', 'bytes', 'int', 'float',
                                 'complex', 'bool'))


def builtin_object(dotted: str):
    """The host object a builtin Target names (`len`, `str`, `str.split`); None if none."""
    import builtins

    value = builtins
    for part in dotted.split('.'):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def reaching_binding(occurrence: Occurrence) -> Binding | None:
    """The binding a load most likely sees: the last one evaluated before it (evaluation
    order, so `x = f(x)` reads the earlier `x`), else the symbol's first binding."""
    symbol = occurrence.symbol
    if symbol is None or not symbol.bindings:
        return None
    before = [b for b in symbol.bindings if b.order < occurrence.order]
    return before[-1] if before else symbol.bindings[0]


def shallow_target(source: SourceModule, binding: Binding) -> Target:
    """What a binding is, without following imports (`import m` is a module, `from m import x`
    a variable)."""
    kind = _BINDING_KINDS.get(binding.kind, 'variable')
    if binding.kind == 'submodule' or (binding.kind == 'import'
                                       and binding.imported_name is None):
        kind = 'module'
    return Target(kind, binding.name, source, binding,
                  source.assignments().get(id(binding.node), binding.node), binding.range)


def defining_binding(bindings: list[Binding]) -> Binding:
    """The binding that gives a name its value (not a bare annotation), else the first."""
    for binding in bindings:
        if binding.binds_value:
            return binding
    return bindings[0]




def _all_arguments(args) -> list:
    if args is None:
        return []
    found = list(args.posonlyargs) + list(args.args)
    if args.vararg is not None:
        found.append(args.vararg)
    found.extend(args.kwonlyargs)
    if args.kwarg is not None:
        found.append(args.kwarg)
    return found


def _call_of_keyword(module: SourceModule, keyword):
    calls = module.__dict__.get('_keyword_calls')
    if calls is None:
        calls = {id(k): node for node in n.walk(module.tree) if isinstance(node, n.Call)
                 for k in node.keywords}
        module._keyword_calls = calls
    return calls.get(id(keyword))


def _scope_of_node(bindings: ModuleBindings, node):
    for scope in bindings.scopes():
        if scope.node is node:
            return scope
    return None


def _method_owner(target: Target) -> Target | None:
    """For the first parameter of a method (`self`; `cls` of a classmethod: the class)."""
    binding = target.binding
    scope = binding.scope
    if scope.kind != 'function' or scope.parent is None or scope.parent.kind != 'class':
        return None
    function = scope.node
    arguments = list(function.args.posonlyargs) + list(function.args.args)
    if not arguments or arguments[0] is not binding.node:
        return None
    decorators = {d.id for d in function.decorator_list if isinstance(d, n.Name)}
    if 'staticmethod' in decorators:
        return None
    class_scope = scope.parent
    class_binding = _class_binding(target.module, class_scope.node)
    kind = 'class' if 'classmethod' in decorators else 'instance'
    return Target(kind, class_scope.name, target.module, class_binding, class_scope.node,
                  class_binding.range if class_binding else None)


def _class_binding(module: SourceModule, class_node) -> Binding | None:
    for binding in module.bindings.bindings():
        if binding.node is class_node and binding.kind == 'class':
            return binding
    return None


def class_members(resolver: Resolver, owner: Target, hops: int = 0) -> dict[str, Target]:
    """The attributes of a class defined in source: its body's names, `self.x = ...` in its
    methods, then its bases' (in order: a base's member never hides the class's own)."""
    members: dict[str, Target] = {}
    module = owner.module
    class_node = owner.node
    if module is None or not isinstance(class_node, n.ClassDef) or hops > _MAX_HOPS:
        return members
    scope = _scope_of_node(module.bindings, class_node)
    if scope is None:
        return members
    for name, symbol in scope.symbols.items():
        if symbol.bindings:
            target = resolver.binding_target(module, defining_binding(symbol.bindings),
                                             hops + 1)
            if target is not None:
                members[name] = target
    for method in scope.children:
        if method.kind != 'function':
            continue
        arguments = list(method.node.args.posonlyargs) + list(method.node.args.args)
        if not arguments:
            continue
        receiver = arguments[0].arg
        for occurrence in module.attribute_stores().get(method, ()):
            if occurrence.node.value.id == receiver and occurrence.name not in members:
                members[occurrence.name] = Target('attribute', occurrence.name, module, None,
                                                  occurrence.node, occurrence.range)
    for base in class_node.bases:
        base_target = resolver.expression(module, base, hops + 1)
        if base_target is not None and base_target.kind == 'class':
            for name, target in class_members(resolver, base_target, hops + 1).items():
                members.setdefault(name, target)
    return members


def callable_definition(resolver: Resolver, target: Target | None) -> Target | None:
    """The function a call of `target` runs, when it is defined in source: a function, or a
    class's `__init__`."""
    if target is None:
        return None
    if target.kind == 'function' and isinstance(target.node, (n.FunctionDef,
                                                              n.AsyncFunctionDef)):
        return target
    if target.kind == 'class':
        init = class_members(resolver, target).get('__init__')
        if init is not None and init.kind == 'function':
            return init
    return None


def same_target(a: Target | None, b: Target | None) -> bool:
    """Whether two resolved names mean the same definition."""
    if a is None or b is None or a.module is None or b.module is None:
        return False
    return a.module.path == b.module.path and a.range == b.range and a.kind == b.kind
