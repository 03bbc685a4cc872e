"""The walk behind `bindings`: every binding and name occurrence of a (possibly broken) tree, in
evaluation order, with the flags the checks need (loops, branches, guards, annotations).
"""

from __future__ import annotations

import re

from .. import nodes
from .bindings import Binding, ModuleBindings, Occurrence, Scope
from .name_resolution import NameResolver

__all__ = ['NameWalker']

_NO_FLAGS: frozenset[str] = frozenset()
_PLATFORM_ATTRIBUTES = frozenset({('sys', 'platform'), ('os', 'name'), ('platform', 'system'),
                                  ('sys', 'version_info'), ('sys', 'implementation')})
_IDENTIFIER = re.compile(r'[^\W\d]\w*')
_DEF_NAME = re.compile(r'(?:async\s+)?(?:def|class)\s+([^\W\d]\w*)')
_AS_NAME = re.compile(r'\bas\s+([^\W\d]\w*)')
_COMPREHENSIONS = {'ListComp': 'listcomp', 'SetComp': 'setcomp', 'DictComp': 'dictcomp',
                   'GeneratorExp': 'genexpr'}
# Only handlers naming NameError guard a name: a bare `except:` around a typo hides nothing.
_NAME_ERRORS = frozenset({'NameError', 'UnboundLocalError'})
_IMPORT_ERRORS = frozenset({'ImportError', 'ModuleNotFoundError', 'Exception', 'BaseException'})


class NameWalker:
    """One walk in evaluation order, recording bindings and occurrences, then resolution."""

    def __init__(self, source: str, lines: list[str], filename: str):
        self.source = source
        self.lines = lines
        self.filename = filename
        self.order = 0
        self.loops: tuple = ()
        self.loop_count = 0
        self.forks: tuple = ()
        self.fork_count = 0
        self.conditional = 0
        # Depth of if/while/conditional expressions only (pyflakes's "conditional branch").
        self.branching = 0
        self.name_guard = 0
        self.import_guard = 0
        self.type_checking = 0
        self.platform_check = 0
        self.in_annotation = 0
        self.unpacking = 0
        self.literal_value = False
        self.store_kind = 'assignment'
        self.occurrences: list[Occurrence] = []
        self.error_names: set[str] = set()
        self.dunder_all: list[Occurrence] | None = None
        self.dunder_all_dynamic = False
        self.string_origin: tuple | None = None
        self.package_init = filename.endswith('__init__.py')
        self.future_annotations = False
        self.scope: Scope = None  # type: ignore[assignment]
        self.builtins = Scope('builtins', 'builtins', None, None, (0, 0, 0, 0))
        self.ascii = source.isascii()
        self.methods: dict[type, object] = {}
        # The last line a search past a node's own lines (`name_after`) has read.
        self.last_line_read = 0
        # A `walk_templates.TemplateSession`: reuse of unchanged functions' walks, if any.
        self.templates = None

    # -- positions ---------------------------------------------------------------------------

    def char_col(self, lineno: int, byte_col: int) -> int:
        lines = self.lines
        if not 1 <= lineno <= len(lines):
            return byte_col
        line = lines[lineno - 1]
        if byte_col <= 0 or line.isascii():
            return byte_col
        return len(line.encode('utf-8')[:byte_col].decode('utf-8', 'replace'))

    def node_range(self, node) -> tuple[int, int, int, int]:
        lineno = node.lineno
        end_lineno = node.end_lineno or lineno
        if self.ascii:
            # Byte columns are character columns.
            return lineno, node.col_offset, end_lineno, node.end_col_offset
        return (lineno, self.char_col(lineno, node.col_offset), end_lineno,
                self.char_col(end_lineno, node.end_col_offset))

    def name_after(self, pattern: re.Pattern, lineno: int, col: int, name: str
                   ) -> tuple[int, int, int, int] | None:
        """Where `pattern`'s group 1 (equal to `name`) first matches from (lineno, col)."""
        last = min(lineno + 20, len(self.lines))
        for number in range(lineno, last + 1):
            line = self.lines[number - 1]
            start = col if number == lineno else 0
            for match in pattern.finditer(line, start):
                if match.group(1) == name:
                    self.last_line_read = max(self.last_line_read, number)
                    return number, match.start(1), number, match.end(1)
        self.last_line_read = max(self.last_line_read, last)
        return None

    def word_at_end(self, node, name: str) -> tuple[int, int, int, int]:
        """The range of `name` written last in `node` (e.g. `x as name`, `*rest`)."""
        lineno, _, end_lineno, end_col = self.node_range(node)
        line = self.lines[end_lineno - 1] if end_lineno <= len(self.lines) else ''
        start = line.rfind(name, 0, end_col)
        if start < 0:
            return lineno, 0, lineno, 0
        return end_lineno, start, end_lineno, start + len(name)

    # -- recording ---------------------------------------------------------------------------

    def next_order(self) -> int:
        self.order += 1
        return self.order

    def flags(self) -> frozenset[str]:
        if not (self.name_guard or self.in_annotation or self.type_checking):
            return _NO_FLAGS
        found = []
        if self.name_guard:
            found.append('name-error-guard')
        if self.in_annotation:
            found.append('annotation')
        if self.type_checking:
            found.append('type-checking')
        return frozenset(found)

    def use(self, name: str, ctx: str, kind: str, node, position, scope: Scope | None = None
            ) -> Occurrence:
        # (The hottest path of the walk: one call per name written in the file.)
        if self.name_guard or self.in_annotation or self.type_checking:
            flags = self.flags()
        else:
            flags = _NO_FLAGS
        if self.string_origin is not None:
            position = self.string_position(position)
            flags = flags | {'string-annotation'}
        self.order += 1
        occurrence = Occurrence(name, ctx, kind, node, position, scope or self.scope,
                                self.order, self.loops, flags)
        self.occurrences.append(occurrence)
        return occurrence

    def bind(self, name: str, kind: str, node, position, occurrence_kind: str = 'name',
             scope: Scope | None = None, ctx: str = 'store') -> Binding:
        """Record a binding of `name` (and its occurrence) in `scope` (default: current);
        which symbol it lands in is decided at resolution (global/nonlocal declarations)."""
        site = scope or self.scope
        occurrence = self.use(name, ctx, occurrence_kind, node, position, site)
        found = []
        if self.unpacking:
            found.append('unpacking')
        if self.type_checking:
            found.append('type-checking')
        if self.import_guard:
            found.append('import-guarded')
        if self.platform_check:
            found.append('platform-guarded')
        if self.conditional:
            found.append('conditional')
        order = occurrence.order if ctx == 'store' else self.next_order()
        binding = Binding(name, kind, node, occurrence.range, site, order, self.loops,
                          frozenset(found), self.forks)
        occurrence.binding = binding
        binding.occurrence = occurrence
        # Symbols are created now in the site's scope so that resolution knows what is local;
        # a global/nonlocal declaration (seen at resolution) moves the binding.
        site.symbol(name).bindings.append(binding)
        binding.symbol = site.symbols[name]
        return binding

    # -- walking -----------------------------------------------------------------------------

    def run(self, tree) -> ModuleBindings:
        end = (len(self.lines), len(self.lines[-1]) if self.lines else 0)
        self.scope = Scope('module', '<module>', tree, None, (1, 0) + end)
        self.future_annotations = _has_future_annotations(tree)
        module = self.scope
        body = getattr(tree, 'body', None)
        complete = True
        try:
            if isinstance(body, list):
                self.stmts(body)
            elif body is not None:
                self.visit(body)
        except RecursionError:
            # Nested deeper than even the raised limit: keep what was read, say so.
            complete = False
            self.scope = module
        NameResolver(module, self.builtins, self.filename,
                  self.future_annotations).resolve(self.occurrences)
        result = ModuleBindings(module, self.builtins, self.occurrences,
                                frozenset(self.error_names), self.dunder_all,
                                self.future_annotations, self.dunder_all_dynamic)
        result.complete = complete
        return result

    def stmts(self, stmts) -> None:
        for stmt in stmts:
            self.visit(stmt)

    def visit(self, node) -> None:
        if node is None:
            return
        if type(node) is list:
            for item in node:
                self.visit(item)
            return
        method = self.methods.get(type(node))
        if method is None:
            method = getattr(self, 'v_' + type(node).__name__, None)
            if method is None:
                # Contexts and operators (`Load()`, `Add()`) have no fields: nothing to do.
                method = self.generic if node._fields else _nothing
            self.methods[type(node)] = method
        method(node)

    def generic(self, node) -> None:
        for name in node._fields:
            value = getattr(node, name, None)
            if type(value) is list:
                for item in value:
                    if isinstance(item, nodes.AST):
                        self.visit(item)
            elif isinstance(value, nodes.AST):
                self.visit(value)

    def annotation(self, node) -> None:
        if node is None:
            return
        self.in_annotation += 1
        try:
            self.visit(node)
        finally:
            self.in_annotation -= 1

    # -- annotations written as strings ------------------------------------------------------

    def v_Constant(self, node) -> None:
        if self.in_annotation and isinstance(node.value, str) and self.string_origin is None:
            self.string_annotation(node)

    def v_Subscript(self, node) -> None:
        self.visit(node.value)
        if self.in_annotation and _is_named(node.value, 'Literal'):
            # `Literal["text"]`: the strings are values, not forward references.
            saved, self.in_annotation = self.in_annotation, 0
            try:
                self.visit(node.slice)
            finally:
                self.in_annotation = saved
        else:
            self.visit(node.slice)

    def string_annotation(self, node) -> None:
        """Names in a forward reference (`x: "Thing"`), read as the expression it holds."""
        from ..parser import parse

        text = node.value
        if len(text) > 1000:
            return
        result = parse(text.strip(), '<annotation>', 'eval')
        if result.errors:
            return
        lineno, col, end_lineno, end_col = self.node_range(node)
        line = self.lines[lineno - 1] if lineno <= len(self.lines) else ''
        written = line[col:end_col] if lineno == end_lineno else ''
        quote = written[:3] if written[:3] in ('"""', "'''") else written[:1]
        # Columns inside the string map to the source only when it is written plainly.
        plain = (quote in ('"', "'", '"""', "'''") and written == quote + text + quote
                 and '\\' not in written)
        leading = len(text) - len(text.lstrip())
        offset = col + len(quote) + leading if plain else None
        saved = self.lines, self.string_origin, self.ascii
        self.lines = [text.strip()]
        self.ascii = text.isascii()
        self.string_origin = (lineno, col, end_lineno, end_col, offset)
        try:
            self.visit(result.tree.body)
        finally:
            self.lines, self.string_origin, self.ascii = saved

    def string_position(self, position) -> tuple[int, int, int, int]:
        lineno, col, end_lineno, end_col, offset = self.string_origin
        if offset is None or position[0] != 1 or position[2] != 1:
            return lineno, col, end_lineno, end_col
        return lineno, offset + position[1], lineno, offset + position[3]

    def store(self, target, kind: str) -> None:
        saved, self.store_kind = self.store_kind, kind
        try:
            self.visit(target)
        finally:
            self.store_kind = saved

    # -- broken code -------------------------------------------------------------------------

    def v_ErrorStmt(self, node) -> None:
        self.error_region(node)
        self.visit(node.nodes)

    def v_ErrorExpr(self, node) -> None:
        self.error_region(node)
        self.visit(node.nodes)

    def error_region(self, node) -> None:
        lineno, col, end_lineno, end_col = self.node_range(node)
        text_lines = self.lines[lineno - 1:end_lineno]
        if not text_lines:
            return
        if len(text_lines) == 1:
            text_lines = [text_lines[0][col:max(end_col, col + 1)]]
        else:
            text_lines[0] = text_lines[0][col:]
            text_lines[-1] = text_lines[-1][:end_col]
        self.error_names.update(_IDENTIFIER.findall('\n'.join(text_lines)))

    # -- definitions -------------------------------------------------------------------------

    def function(self, node) -> None:
        self.visit(node.decorator_list)
        args = node.args
        if args is not None:
            self.visit(args.defaults)
            self.visit([d for d in args.kw_defaults if d is not None])
            for arg in _all_args(args):
                self.annotation(arg.annotation)
        self.annotation(node.returns)
        position = self.def_name(node)
        self.bind(node.name, 'function', node, position, 'definition')
        scope_range = self.node_range(node)
        if self.templates is not None and self.templates.walk_function(self, node, scope_range):
            return
        scope = Scope('function', node.name, node, self.scope, scope_range)
        self.enter(scope, lambda: (self.parameters(args), self.stmts(node.body)))

    v_FunctionDef = v_AsyncFunctionDef = function

    def def_name(self, node) -> tuple[int, int, int, int]:
        lineno, col = node.lineno, self.char_col(node.lineno, node.col_offset)
        found = self.name_after(_DEF_NAME, lineno, col, node.name)
        return found or (lineno, col, lineno, col)

    def parameters(self, args) -> None:
        if args is None:
            return
        for arg in _all_args(args):
            lineno, col, _, _ = self.node_range(arg)
            self.bind(arg.arg, 'parameter', arg, (lineno, col, lineno, col + len(arg.arg)),
                      'parameter')

    def enter(self, scope: Scope, walk) -> None:
        saved = (self.scope, self.loops, self.conditional, self.name_guard, self.import_guard,
                 self.forks, self.branching)
        self.scope, self.loops, self.conditional, self.forks = scope, (), 0, ()
        self.name_guard = self.import_guard = self.branching = 0
        try:
            walk()
        finally:
            (self.scope, self.loops, self.conditional, self.name_guard,
             self.import_guard, self.forks, self.branching) = saved

    def branch(self, fork: int, index: int, stmts) -> None:
        saved = self.forks
        self.forks = saved + ((fork, index),)
        try:
            self.stmts(stmts)
        finally:
            self.forks = saved

    def new_fork(self) -> int:
        self.fork_count += 1
        return self.fork_count

    def v_ClassDef(self, node) -> None:
        self.visit(node.decorator_list)
        self.visit(node.bases)
        for keyword in node.keywords:
            self.visit(keyword.value)
        position = self.def_name(node)
        scope = Scope('class', node.name, node, self.scope, self.node_range(node))
        self.enter(scope, lambda: self.stmts(node.body))
        self.bind(node.name, 'class', node, position, 'definition')

    def v_Lambda(self, node) -> None:
        args = node.args
        if args is not None:
            self.visit(args.defaults)
            self.visit([d for d in args.kw_defaults if d is not None])
        scope = Scope('lambda', 'lambda', node, self.scope, self.node_range(node))
        self.enter(scope, lambda: (self.parameters(args), self.visit(node.body)))

    def comprehension(self, node) -> None:
        generators = node.generators
        if generators:
            self.visit(generators[0].iter)
        scope = Scope('comprehension', _COMPREHENSIONS[type(node).__name__], node, self.scope,
                      self.node_range(node))

        def walk():
            for index, generator in enumerate(generators):
                if index:
                    self.visit(generator.iter)
                self.store(generator.target, 'comprehension-target')
                self.visit(generator.ifs)
            if type(node).__name__ == 'DictComp':
                self.visit(node.key)
                self.visit(node.value)
            else:
                self.visit(node.elt)

        saved = self.loops
        self.enter(scope, walk)
        self.loops = saved

    v_ListComp = v_SetComp = v_DictComp = v_GeneratorExp = comprehension

    # -- statements --------------------------------------------------------------------------

    def v_Assign(self, node) -> None:
        self.visit(node.value)
        # `a, b = 1, 2` binds each name to a known value: not "unpacking" as pyflakes counts it.
        # pyflakes's "literal tuple unpacking": every target and the value are tuples or lists.
        self.literal_value = all(type(t).__name__ in ('Tuple', 'List')
                                 for t in [*node.targets, node.value])
        try:
            for target in node.targets:
                self.store(target, 'assignment')
        finally:
            self.literal_value = False
        if self.scope.kind == 'module':
            self.note_dunder_all(node.targets, node.value, replace=True)

    def v_AnnAssign(self, node) -> None:
        self.annotation(node.annotation)
        self.visit(node.value)
        if (node.value is None and not node.simple
                and type(node.target).__name__ == 'Name'):
            # `(x): int` annotates nothing and binds nothing (CPython's symtable agrees).
            self.use(node.target.id, 'load', 'name', node.target,
                     self.node_range(node.target))
            return
        self.store(node.target, 'assignment' if node.value is not None else 'annotation')
        if self.scope.kind == 'module' and node.value is not None:
            self.note_dunder_all([node.target], node.value, replace=True)

    def v_AugAssign(self, node) -> None:
        target = node.target
        if type(target).__name__ == 'Name':
            occurrence = self.use(target.id, 'augmented', 'name', target,
                                  self.node_range(target))
            self.visit(node.value)
            binding = Binding(target.id, 'augmented-assignment', node, occurrence.range,
                              self.scope, self.next_order(), self.loops,
                              frozenset(['conditional']) if self.conditional else frozenset(),
                              self.forks)
            occurrence.binding = binding
            binding.occurrence = occurrence
            symbol = self.scope.symbol(target.id)
            symbol.bindings.append(binding)
            binding.symbol = symbol
            if self.scope.kind == 'module':
                self.note_dunder_all([target], node.value, replace=False)
        else:
            self.visit(target)
            self.visit(node.value)

    def note_dunder_all(self, targets, value, replace: bool) -> None:
        if not any(type(t).__name__ == 'Name' and t.id == '__all__' for t in targets):
            return
        entries = self.string_entries(value)
        if entries is None:
            if replace:
                self.dunder_all = None
            else:
                self.dunder_all_dynamic = True
            return
        if replace or self.dunder_all is None:
            self.dunder_all = entries
        else:
            self.dunder_all.extend(entries)

    def string_entries(self, value) -> list[Occurrence] | None:
        kind = type(value).__name__
        if kind == 'BinOp' and type(value.op).__name__ == 'Add':
            left, right = self.string_entries(value.left), self.string_entries(value.right)
            return None if left is None or right is None else left + right
        if kind not in ('List', 'Tuple'):
            return None
        entries = []
        for element in value.elts:
            if type(element).__name__ != 'Constant' or not isinstance(element.value, str):
                return None
            lineno, col, end_lineno, end_col = self.node_range(element)
            # The string's text without its quotes, when it is written plainly.
            position = (lineno, col + 1, end_lineno, end_col - 1)
            occurrence = Occurrence(element.value, 'load', 'dunder-all', element, position,
                                    self.scope, self.next_order(), (), frozenset())
            entries.append(occurrence)
        return entries

    def v_Expr(self, node) -> None:
        value = node.value
        # `__all__.extend([...])`, `__all__.append('x')`, as pyflakes reads them.
        if (self.scope.kind == 'module' and type(value).__name__ == 'Call'
                and type(value.func).__name__ == 'Attribute'
                and type(value.func.value).__name__ == 'Name'
                and value.func.value.id == '__all__' and self.dunder_all is not None):
            method, args = value.func.attr, value.args
            entries = None
            if method == 'extend' and len(args) == 1:
                entries = self.string_entries(args[0])
            elif method == 'append' and len(args) == 1:
                entries = self.string_entries(nodes.List([args[0]], None, args[0].lineno,
                                                         args[0].col_offset,
                                                         args[0].end_lineno,
                                                         args[0].end_col_offset))
            if entries is not None:
                self.dunder_all.extend(entries)
            elif method in ('extend', 'append', 'insert', '__iadd__'):
                self.dunder_all_dynamic = True
        self.visit(value)

    def loop(self, node, header) -> None:
        self.loop_count += 1
        saved = self.loops
        self.loops = saved + (self.loop_count,)
        self.conditional += 1
        try:
            header()
            self.stmts(node.body)
        finally:
            self.loops = saved
        try:
            self.stmts(node.orelse)
        finally:
            self.conditional -= 1

    def v_For(self, node) -> None:
        self.visit(node.iter)
        self.loop(node, lambda: self.store(node.target, 'for-target'))

    v_AsyncFor = v_For

    def v_While(self, node) -> None:
        self.branching += 1
        try:
            self.loop(node, lambda: self.visit(node.test))
        finally:
            self.branching -= 1

    def v_If(self, node) -> None:
        self.visit(node.test)
        checking = _is_type_checking(node.test)
        platform = _is_platform_check(node.test)
        fork = self.new_fork()
        self.conditional += 1
        self.branching += 1
        self.type_checking += checking
        self.platform_check += platform
        try:
            self.branch(fork, 0, node.body)
        finally:
            self.type_checking -= checking
        try:
            self.branch(fork, 1, node.orelse)
        finally:
            self.conditional -= 1
            self.branching -= 1
            self.platform_check -= platform

    def v_IfExp(self, node) -> None:
        self.visit(node.test)
        self.conditional += 1
        self.branching += 1
        try:
            self.visit(node.body)
            self.visit(node.orelse)
        finally:
            self.conditional -= 1
            self.branching -= 1

    def v_Try(self, node) -> None:
        caught = set()
        for handler in node.handlers:
            caught.update(_caught_names(handler.type))
        name_guard = bool(caught & _NAME_ERRORS)
        import_guard = bool(caught & _IMPORT_ERRORS)
        fork = self.new_fork()
        self.conditional += 1
        self.name_guard += name_guard
        self.import_guard += import_guard
        try:
            self.branch(fork, 0, node.body)
        finally:
            self.name_guard -= name_guard
            self.import_guard -= import_guard
        saved = self.forks
        try:
            for index, handler in enumerate(node.handlers, 1):
                self.forks = saved + ((fork, index),)
                self.visit(handler.type)
                if handler.name:
                    position = self.handler_name(handler)
                    self.bind(handler.name, 'except-handler', handler, position)
                self.stmts(handler.body)
            self.forks = saved
            self.branch(fork, 0, node.orelse)
        finally:
            self.forks = saved
            self.conditional -= 1
        self.branch(fork, -1, node.finalbody)

    v_TryStar = v_Try

    def handler_name(self, handler) -> tuple[int, int, int, int]:
        start = handler.type if handler.type is not None else handler
        lineno, col, end_lineno, end_col = self.node_range(start)
        found = self.name_after(_AS_NAME, end_lineno, end_col, handler.name)
        return found or (lineno, col, lineno, col)

    def v_With(self, node) -> None:
        for item in node.items:
            self.visit(item.context_expr)
            if item.optional_vars is not None:
                self.store(item.optional_vars, 'with-target')
        self.stmts(node.body)

    v_AsyncWith = v_With

    def v_Match(self, node) -> None:
        self.visit(node.subject)
        fork = self.new_fork()
        self.conditional += 1
        saved = self.forks
        try:
            for index, case in enumerate(node.cases):
                self.forks = saved + ((fork, index),)
                self.visit(case.pattern)
                self.visit(case.guard)
                self.stmts(case.body)
        finally:
            self.forks = saved
            self.conditional -= 1

    def v_MatchAs(self, node) -> None:
        self.visit(node.pattern)
        if node.name is not None:
            self.bind(node.name, 'match-capture', node, self.word_at_end(node, node.name))

    def v_MatchStar(self, node) -> None:
        if node.name is not None:
            self.bind(node.name, 'match-capture', node, self.word_at_end(node, node.name))

    def v_MatchMapping(self, node) -> None:
        self.visit(node.keys)
        self.visit(node.patterns)
        if node.rest is not None:
            self.bind(node.rest, 'match-capture', node, self.word_at_end(node, node.rest))

    def v_MatchClass(self, node) -> None:
        self.visit(node.cls)
        self.visit(node.patterns)
        self.visit(node.kwd_patterns)

    def v_Import(self, node) -> None:
        for alias in node.names:
            lineno, col, _, _ = self.node_range(alias)
            if alias.asname:
                position = self.word_at_end(alias, alias.asname)
                name = alias.asname
            else:
                name = alias.name.partition('.')[0]
                position = (lineno, col, lineno, col + len(name))
            binding = self.bind(name, 'import', node, position, 'import')
            binding.module = alias.name

    def v_ImportFrom(self, node) -> None:
        future = node.module == '__future__'
        if self.package_init and node.level == 1 and node.module and self.scope.kind == 'module':
            # Importing `.sub` in a package's `__init__` sets the package attribute `sub`,
            # which is a global of `__init__` itself.
            package = node.module.partition('.')[0]
            lineno, col, _, _ = self.node_range(node)
            found = self.name_after(re.compile(r'\.\s*(\w+)'), lineno, col, package)
            binding = self.bind(package, 'submodule', node, found or (lineno, col, lineno, col),
                                'import')
            binding.module = node.module.partition('.')[0]
            binding.level = 1
        for alias in node.names:
            if alias.name == '*':
                self.scope.star_imports.append((node.module, node.level or 0, node))
                continue
            lineno, col, _, _ = self.node_range(alias)
            self.use(alias.name, 'load', 'imported-name', alias,
                     (lineno, col, lineno, col + len(alias.name)))
            name = alias.asname or alias.name
            if alias.asname:
                position = self.word_at_end(alias, alias.asname)
            else:
                position = (lineno, col, lineno, col + len(alias.name))
            binding = self.bind(name, 'import', node, position, 'import')
            binding.module = node.module
            binding.imported_name = alias.name
            binding.level = node.level or 0
            if future:
                binding.flags = binding.flags | {'future'}

    def v_Global(self, node) -> None:
        self.declaration(node, 'global')

    def v_Nonlocal(self, node) -> None:
        self.declaration(node, 'nonlocal')

    def declaration(self, node, keyword: str) -> None:
        lineno, col, _, _ = self.node_range(node)
        pattern = re.compile(r'\b(\w+)\b')
        for name in node.names:
            if self.scope.kind != 'module':
                self.scope.declarations.setdefault(name, keyword)
            position = self.name_after(pattern, lineno, col + len(keyword), name)
            self.use(name, 'declare', 'declaration', node, position or (lineno, col, lineno, col))

    def v_Delete(self, node) -> None:
        self.visit(node.targets)

    # -- expressions -------------------------------------------------------------------------

    def v_Name(self, node) -> None:
        ctx = type(node.ctx).__name__ if node.ctx is not None else 'Load'
        position = self.node_range(node)
        if ctx == 'Store':
            self.bind(node.id, self.store_kind, node, position)
        elif ctx == 'Del':
            # `del x` makes x local to the scope, as an assignment does.
            self.scope.symbol(node.id)
            occurrence = self.use(node.id, 'del', 'name', node, position)
            if self.conditional or self.loops:
                occurrence.flags = occurrence.flags | (
                    {'conditional', 'in-branch'} if self.branching else {'conditional'})
        else:
            self.use(node.id, 'load', 'name', node, position)

    def v_Starred(self, node) -> None:
        self.visit(node.value)

    def unpack(self, node) -> None:
        store = (node.ctx is not None and type(node.ctx).__name__ != 'Load'
                 and not self.literal_value)
        self.unpacking += store
        try:
            self.visit(node.elts)
        finally:
            self.unpacking -= store

    v_Tuple = v_List = unpack

    def v_NamedExpr(self, node) -> None:
        self.visit(node.value)
        target = node.target
        scope = self.scope
        while scope.kind == 'comprehension' and scope.parent is not None:
            scope = scope.parent
        if type(target).__name__ == 'Name':
            self.bind(target.id, 'walrus', node, self.node_range(target), scope=scope)

    def v_Attribute(self, node) -> None:
        self.visit(node.value)
        _, _, end_lineno, end_col = self.node_range(node)
        start = max(end_col - len(node.attr), 0)
        ctx = type(node.ctx).__name__ if node.ctx is not None else 'Load'
        self.use(node.attr, {'Store': 'store', 'Del': 'del'}.get(ctx, 'load'), 'attribute', node,
                 (end_lineno, start, end_lineno, end_col))

    def v_Call(self, node) -> None:
        self.visit(node.func)
        if _is_typing_cast(node.func) and node.args:
            # `typing.cast("Thing", value)`: the type may be a forward reference.
            self.annotation(node.args[0])
            self.visit(node.args[1:])
        else:
            self.visit(node.args)
        for keyword in node.keywords:
            if keyword.arg is not None:
                lineno, col, _, _ = self.node_range(keyword)
                self.use(keyword.arg, 'load', 'keyword', keyword,
                         (lineno, col, lineno, col + len(keyword.arg)))
            self.visit(keyword.value)


def _nothing(node) -> None:
    return None


def _all_args(args) -> list:
    found = list(args.posonlyargs or ()) + list(args.args or ())
    if args.vararg is not None:
        found.append(args.vararg)
    found.extend(args.kwonlyargs or ())
    if args.kwarg is not None:
        found.append(args.kwarg)
    return found


def _has_future_annotations(tree) -> bool:
    for stmt in getattr(tree, 'body', None) or ():
        kind = type(stmt).__name__
        if kind == 'ImportFrom' and stmt.module == '__future__':
            if any(alias.name == 'annotations' for alias in stmt.names):
                return True
        elif not (kind == 'Expr' and type(stmt.value).__name__ == 'Constant'):
            return False
    return False


def _is_type_checking(test) -> bool:
    kind = type(test).__name__
    if kind == 'Name':
        return test.id == 'TYPE_CHECKING'
    if kind == 'Attribute':
        return test.attr == 'TYPE_CHECKING'
    return False


def _is_named(node, name: str) -> bool:
    """`name` or `something.name`."""
    kind = type(node).__name__
    return ((kind == 'Name' and node.id == name)
            or (kind == 'Attribute' and node.attr == name))


def _is_typing_cast(func) -> bool:
    """`cast(...)` or `typing.cast(...)` (not, say, `ffi.cast`)."""
    kind = type(func).__name__
    if kind == 'Name':
        return func.id == 'cast'
    return (kind == 'Attribute' and func.attr == 'cast' and type(func.value).__name__ == 'Name'
            and func.value.id in ('typing', 'typing_extensions', 't'))


def _is_platform_check(test) -> bool:
    """Whether an `if` test looks at the platform (`sys.platform`, `os.name`, ...): imports
    under it may only exist elsewhere."""
    kind = type(test).__name__
    if kind == 'Attribute':
        value = test.value
        if type(value).__name__ == 'Name':
            return (value.id, test.attr) in _PLATFORM_ATTRIBUTES
        return _is_platform_check(value)
    if kind == 'Compare':
        return any(_is_platform_check(part) for part in [test.left, *test.comparators])
    if kind == 'BoolOp':
        return any(_is_platform_check(part) for part in test.values)
    if kind == 'UnaryOp':
        return _is_platform_check(test.operand)
    if kind in ('Call', 'Subscript'):
        return _is_platform_check(test.func if kind == 'Call' else test.value)
    return False


def _caught_names(handler_type) -> list[str]:
    """Exception class names an `except` clause catches (bare `except:` catches everything)."""
    if handler_type is None:
        return ['BaseException']
    kind = type(handler_type).__name__
    if kind == 'Tuple':
        found = []
        for element in handler_type.elts:
            found.extend(_caught_names(element))
        return found
    if kind == 'Name':
        return [handler_type.id]
    if kind == 'Attribute':
        return [handler_type.attr]
    return []
