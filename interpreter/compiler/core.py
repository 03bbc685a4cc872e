"""The compiler's frame: one `Compiler` per code block, dispatching once per node at compile time.

`expr(node)` returns a closure `ev(f) -> value`; `stmt(node)` returns `ex(f) -> control`, where
control is None (fall through) or BREAK / CONTINUE / RETURN (the value in `f.ret`). Inside a
generator or coroutine, statements and expressions that contain a yield or await compile to
host generator functions instead (`yield from` them); all others stay plain closures.
The per-construct methods are named after the node class: `expr_BinOp`, `stmt_While`,
`gen_stmt_While`, ... in the family modules.
"""

from __future__ import annotations

from ..runtime.frames import Code
from .scope import Scope, ScopeKind, declared_global, yielding_nodes
from .trace_lines import first_line, line_plan, tail_statements

__all__ = ['BREAK', 'CONTINUE', 'RETURN', 'CompileError', 'CompilerCore', 'note_closure']


class _Control:
    __slots__ = ('name',)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


BREAK = _Control('BREAK')
CONTINUE = _Control('CONTINUE')
RETURN = _Control('RETURN')


class CompileError(Exception):
    """A construct the evaluator does not support yet (never raised for valid, supported code)."""


def note_closure(closure, node):
    """Tag a statement closure with its node, for the traceback position of a failing statement."""
    closure.memphis_node = node
    return closure


class CompilerCore:
    """State shared by the family mixins: the scope, the file, and the dispatch."""

    def __init__(self, scope: Scope, filename: str, *, kind: str = 'module',
                 body: list | None = None) -> None:
        self.scope = scope
        self.filename = filename
        self.kind = kind  # 'module', 'class', 'function', 'generator', 'coroutine', 'asyncgen'
        # a plain function's or a class's own statements cannot yield or await (SyntaxError):
        # no walk (module code may await, compiled with PyCF_ALLOW_TOP_LEVEL_AWAIT)
        self.yielding = set() if kind in ('function', 'class') else yielding_nodes(body or [])
        self.bound_at: dict[str, int] = {}
        self.inline_operands: dict[int, list] = {}
        self.child_codes: dict[int, Code] = {}
        self.loop_bound: set[str] = set()
        self.instrument = False
        # traced compilation: the line events inside statements (compiler.trace_lines)
        self.trace_plan: dict = {}
        self.statement_indexes: dict[int, int] = {}
        self.tail_statements: set[int] = set()  # (trace_lines.tail_statements)
        self.top_index = -1
        self._expr_methods: dict[str, object] = {}
        # copies of nodes compiled in generator mode (yielding parts replaced by temporaries),
        # kept alive here, to the node as parsed
        self.originals: dict[int, tuple] = {}

    @property
    def in_generator(self) -> bool:
        return self.kind in ('generator', 'coroutine', 'asyncgen')

    def code_key(self, node) -> int:
        """The key of a nested block's code: the node as parsed, even for a copy."""
        entry = self.originals.get(id(node))
        return id(node) if entry is None else id(entry[1])

    def yields(self, node) -> bool:
        return id(node) in self.yielding

    # dispatch (compile time only)

    def expr(self, node):
        """Compile an expression to a plain closure (it must not contain a yield)."""
        method = getattr(self, 'expr_' + type(node).__name__, None)
        if method is None:
            raise CompileError(f'cannot evaluate {type(node).__name__} yet')
        if self.instrument:
            lines = self.trace_plan.get(id(node))
            if lines is not None:
                from ..runtime.tracing import line_events_around

                return line_events_around(method(node), *lines)
        return method(node)

    def stmt(self, node):
        index = self.statement_indexes.get(id(node))
        if index is not None:
            self.top_index = index
        method = getattr(self, 'stmt_' + type(node).__name__, None)
        if method is None:
            raise CompileError(f'cannot execute {type(node).__name__} yet')
        reports_line = self.instrument and not self._without_instructions(node, index)
        if reports_line or (self.instrument and type(node).__name__ in ('For', 'While')):
            self.trace_plan.update(line_plan(node))
        closure = method(node)
        if reports_line:
            from ..runtime.tracing import line_event_before

            # `raise X` reports its exception even if this frame saw that object before
            fresh_raise = type(node).__name__ == 'Raise' and node.exc is not None
            # a decorated definition starts at its first decorator, as in CPython
            decorators = getattr(node, 'decorator_list', None)
            lineno = decorators[0].lineno if decorators else first_line(node)
            closure = line_event_before(closure, lineno, always_reports=fresh_raise)
        elif self.instrument and type(node).__name__ in ('For', 'While'):
            from ..runtime.tracing import exceptions_reported

            # a loop reports its header's line itself; what its iterator raises is reported
            closure = exceptions_reported(closure)
        return note_closure(closure, node)

    def _without_instructions(self, node, index) -> bool:
        """Statements CPython compiles to no instruction of their own, so no line event:
        `global`/`nonlocal`, a function's docstring; loops report their header themselves."""
        kind = type(node).__name__
        if kind in ('For', 'While', 'Global', 'Nonlocal'):
            return True
        return (index == 0 and kind == 'Expr' and self.kind not in ('module', 'class')
                and type(node.value).__name__ == 'Constant' and isinstance(node.value.value, str))

    def gen_stmt(self, node):
        index = self.statement_indexes.get(id(node))
        if index is not None:
            self.top_index = index
        method = getattr(self, 'gen_stmt_' + type(node).__name__, None)
        if self.instrument:
            self.trace_plan.update(line_plan(node))
        try:
            if method is None:
                raise CompileError(f'{type(node).__name__} containing yield/await is not '
                                   'supported yet')
            closure = method(node)
        except CompileError as error:
            # an unsupported construct fails when it runs, not the whole program
            closure = _fails_when_run(error, node)
        if self.instrument and type(node).__name__ not in ('For', 'While'):
            from ..runtime.tracing import line_event_before_generator

            # a decorated definition starts at its first decorator, as in CPython
            decorators = getattr(node, 'decorator_list', None)
            closure = line_event_before_generator(
                closure, decorators[0].lineno if decorators else first_line(node))
        elif self.instrument:
            from ..runtime.tracing import exceptions_reported_generator

            closure = exceptions_reported_generator(closure)
        closure = note_closure(closure, node)
        closure.memphis_gen = True
        return closure

    def block(self, stmts: list):
        """Compile a statement list to one closure (plain, or a generator if anything yields)."""
        if any(self.yields(s) for s in stmts):
            return self.gen_block(stmts)
        if self.instrument and stmts:
            from ..runtime.tracing import jumpable_block

            # the debugger's goto restarts a running list at one of its statements
            return jumpable_block([self.stmt(s) for s in stmts], list(stmts))
        if len(stmts) >= 2 and type(stmts[0]).__name__ == 'If' and not stmts[0].orelse \
                and not self.instrument:
            fused = self.guard_then_rest(stmts[0], stmts[1:])
            if fused is not None:
                return fused
        closures = [self.stmt(s) for s in stmts]
        nodes = list(stmts)
        if not closures:
            return _empty_block
        if len(closures) == 1:
            if type(stmts[0]).__name__ in _SELF_NOTING:
                return closures[0]
            return _block1(closures[0], nodes[0])
        if len(closures) == 2:
            return _block2(closures[0], closures[1], nodes[0], nodes[1])
        # a list, not a tuple: the step hooks can switch a running block to traced statements
        return _block_n(list(closures))

    def is_gen(self, closure) -> bool:
        return getattr(closure, 'memphis_gen', False)

    def gen_block(self, stmts: list):
        # a list (see `block`): a running block can be switched to traced statements
        items = []
        for s in stmts:
            if self.yields(s):
                items.append((self.gen_stmt(s), True))
            else:
                items.append((self.stmt(s), False))
        if self.instrument:
            from ..runtime.tracing import jumpable_generator_block

            return jumpable_generator_block(items, list(stmts))
        if len(items) == 1 and items[0][1]:
            return items[0][0]

        def block(f):
            for closure, is_gen in items:
                try:
                    r = (yield from closure(f)) if is_gen else closure(f)
                except BaseException as e:
                    if f.exc is not e:
                        f.exc = e
                        f.exc_node = closure.memphis_node
                    raise
                if r is not None:
                    return r
            return None

        block.memphis_gen = True
        return block

    def loop_body(self, loop, *, generator: bool = False):
        """Compile a `for` body knowing that the loop's target names are bound inside it."""
        added = {self.scope.mangle(n) for n in target_names(loop.target)} - self.loop_bound
        self.loop_bound |= added
        try:
            return self.block_any(loop.body) if generator else self.block(loop.body)
        finally:
            self.loop_bound -= added

    def block_any(self, stmts: list):
        """(closure, is_generator) for a statement list."""
        closure = self.block(stmts)
        return closure, self.is_gen(closure)

    def new_code(self, name: str, qualname: str, lineno: int, kind: str, node=None) -> Code:
        """A new child code object, remembered by its node: compiling this block again (the
        instrumented body of the step hooks) reuses it instead of compiling the child anew."""
        code = Code(name, qualname, self.filename, lineno)
        code.kind = kind
        code.co_flags = self.code_flags(kind)
        if node is not None:
            self.child_codes[self.code_key(node)] = code
        return code

    def code_flags(self, kind: str) -> int:
        """CPython's co_flags for a child block of `kind` (`inspect` reads them)."""
        if kind == 'class':
            return 0
        flags = _CO_OPTIMIZED | _CO_NEWLOCALS | _KIND_FLAGS.get(kind, 0)
        scope = self.scope
        while scope is not None:
            if scope.kind == ScopeKind.FUNCTION:
                return flags | _CO_NESTED
            scope = scope.parent
        return flags

    def child_scope(self, node, kind: str, name: str, qualname: str) -> Scope:
        table = self.scope.child_table(node)
        private = self.scope.private_class
        if type(node).__name__ == 'ClassDef':
            private = node.name
        return Scope(table, kind, self.scope, name, qualname, private)

    def qualname_for(self, name: str) -> str:
        scope = self.scope
        if scope.kind == ScopeKind.MODULE or self._declared_global(name):
            return name  # `global C` in the enclosing block: C's qualified name is just C
        if scope.kind == ScopeKind.FUNCTION:
            return f'{scope.qualname}.<locals>.{name}'
        return f'{scope.qualname}.{name}'

    def _declared_global(self, name: str) -> bool:
        return declared_global(self.scope.table, self.scope.mangle(name))


_CO_OPTIMIZED, _CO_NEWLOCALS, _CO_NESTED = 0x1, 0x2, 0x10
_KIND_FLAGS = {'generator': 0x20, 'coroutine': 0x80, 'asyncgen': 0x200}


def _empty_block(f):
    return None


# Statements whose closures note the failing node themselves (through their expressions), so a
# block of one of them needs no wrapper frame to give the traceback its position.
_SELF_NOTING = frozenset({'Return', 'Expr', 'Assign', 'AugAssign', 'Raise', 'Pass', 'Break',
                          'Continue', 'Assert'})


def _block1(s0, n0):
    def block(f):
        try:
            return s0(f)
        except BaseException as e:
            if f.exc is not e:
                f.exc = e
                f.exc_node = n0
            raise

    return block


def _block2(s0, s1, n0, n1):
    def block(f):
        try:
            r = s0(f)
        except BaseException as e:
            if f.exc is not e:
                f.exc = e
                f.exc_node = n0
            raise
        if r is not None:
            return r
        try:
            return s1(f)
        except BaseException as e:
            if f.exc is not e:
                f.exc = e
                f.exc_node = n1
            raise

    return block


def _block_n(closures):
    def block(f):
        try:
            for s in closures:
                r = s(f)
                if r is not None:
                    return r
        except BaseException as e:
            if f.exc is not e:
                f.exc = e
                f.exc_node = s.memphis_node
            raise
        return None

    return block


class ModuleBodies:
    """Mixin: a module body, with `__annotations__` created first when it has annotations."""

    def module_body(self, body: list, docstring: str | None = None):
        """The body of a module; a docstring is stored as `__doc__` before it runs."""
        self.tail_statements = tail_statements(body)
        block = self.block(body)
        annotated = has_annotations(body)
        if docstring is None and not annotated:
            return block

        def set_up(f):
            if docstring is not None:
                f.names['__doc__'] = docstring
            if annotated:
                setup_annotations(f.names)

        if self.is_gen(block):  # a module that awaits (PyCF_ALLOW_TOP_LEVEL_AWAIT)
            def awaiting_module_body(f):
                set_up(f)
                return (yield from block(f))

            awaiting_module_body.memphis_gen = True
            return awaiting_module_body

        def module_body(f):
            set_up(f)
            return block(f)

        return module_body


def has_annotations(body: list) -> bool:
    """CPython's find_ann: an annotated assignment in the body or its nested blocks (not in
    nested functions or classes)."""
    for statement in body:
        kind = type(statement).__name__
        if kind == 'AnnAssign':
            return True
        if kind in ('FunctionDef', 'AsyncFunctionDef', 'ClassDef'):
            continue
        for field in ('body', 'orelse', 'finalbody'):
            inner = getattr(statement, field, None)
            if isinstance(inner, list) and has_annotations(inner):
                return True
        for part in [*(getattr(statement, 'handlers', None) or ()),
                     *(getattr(statement, 'cases', None) or ())]:
            if has_annotations(part.body):
                return True
    return False


def setup_annotations(names) -> None:
    """SETUP_ANNOTATIONS: an `__annotations__` dict in the namespace unless it has one (any
    mapping: a missing key is a KeyError from its __getitem__)."""
    if type(names) is dict:
        if '__annotations__' not in names:
            names['__annotations__'] = {}
        return
    try:
        names['__annotations__']
    except KeyError:
        names['__annotations__'] = {}


def _fails_when_run(error: CompileError, node):
    def unsupported(f):
        f.exc = error
        f.exc_node = node
        raise error
        yield  # unreachable: only makes this a generator function

    return unsupported


def target_names(target):
    """The plain names an assignment target binds."""
    kind = type(target).__name__
    if kind == 'Name':
        yield target.id
    elif kind in ('Tuple', 'List'):
        for element in target.elts:
            yield from target_names(element)
    elif kind == 'Starred':
        yield from target_names(target.value)
