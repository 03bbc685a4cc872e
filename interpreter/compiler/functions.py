"""`def`, `async def` and `lambda`: function code objects and the closures that create them."""

from __future__ import annotations

import marshal

from ..runtime.frames import NO_CHILDREN
from ..runtime.functions import (
    PLACEHOLDERS,
    Signature,
    Trampoline,
    make_function,
    make_trampoline_code,
    trampoline_shape,
)
from ..runtime.templates import record, recorded_apart
from .core import RETURN
from .lazy import compiled_body, defer_body
from .scope import ScopeKind, _children_in_scope, set_local_names, yield_kinds
from .trace_lines import tail_statements

__all__ = ['FunctionCompiler', 'apply_decorators', 'deleted_names', 'docstring_of',
           'function_trampoline', 'preload_trampolines', 'trampoline_entries']


def _same_name(name: str) -> str:
    return name


def docstring_of(body: list):
    if body and type(body[0]).__name__ == 'Expr':
        value = body[0].value
        if type(value).__name__ == 'Constant' and isinstance(value.value, str):
            return value.value
    return None


def deleted_names(body: list, scope) -> set[str]:
    """Names a scope may unbind (`del x`, `except ... as x`): their reads need a check."""
    found: set[str] = set()

    def visit(node) -> None:
        kind = type(node).__name__
        if kind == 'Name' and type(node.ctx).__name__ == 'Del':
            found.add(scope.mangle(node.id))
        elif kind == 'ExceptHandler' and node.name or kind in ('MatchAs', 'MatchStar') and node.name:
            found.add(scope.mangle(node.name))
        for child in _children_in_scope(node):
            visit(child)

    for statement in body:
        visit(statement)
    return found


class FunctionCompiler:
    """Mixin: function definitions and lambdas."""

    def signature_of(self, args, scope) -> Signature:
        # outside a class (and for most names inside one) mangling changes nothing
        m = scope.mangle if scope.private_class is not None else _same_name
        vararg, kwarg = args.vararg, args.kwarg
        return Signature([m(a.arg) for a in args.posonlyargs] if args.posonlyargs else (),
                         [m(a.arg) for a in args.args],
                         m(vararg.arg) if vararg else None,
                         [m(a.arg) for a in args.kwonlyargs] if args.kwonlyargs else (),
                         m(kwarg.arg) if kwarg else None,
                         len(args.defaults),
                         [d is not None for d in args.kw_defaults] if args.kw_defaults else ())

    def function_code(self, node, name: str, body: list | None, *, is_async: bool,
                      is_lambda: bool):
        """A function's `Code` with its trampoline; the body (its own `Compiler`) is compiled
        now, or on the first call when this module compiles lazily (see compiler.lazy).
        `body` None: `node.body`, read only when it compiles (a body loaded from the import
        cache may still be pickled: imports.tree_pickle)."""
        if self.reuse is not None:
            return self.reuse[self.code_key(node)]
        qualname = self.qualname_for(name)
        scope = self.child_scope(node, ScopeKind.FUNCTION, name, qualname)
        signature = self.signature_of(node.args, scope)
        slot_names = signature.slot_names()
        scope.layout(slot_names)
        if is_async:
            kind = 'asyncgen' if _yields(scope, node, body, {'Yield', 'YieldFrom'}) \
                else 'coroutine'
        else:
            kind = 'generator' if _yields(scope, node, body, {'Yield', 'YieldFrom', 'Await'}) \
                else 'function'
        # a decorated function's code starts at its first decorator, as CPython's
        decorators = getattr(node, 'decorator_list', None)
        firstlineno = decorators[0].lineno if decorators else node.lineno
        code = self.new_code(name, qualname, firstlineno, kind, node)
        code.scope = scope
        code.node = node
        set_local_names(code, scope, len(slot_names))
        code.co_argcount = len(signature.posonly) + len(signature.args)
        code.co_posonlyargcount = len(signature.posonly)
        code.co_kwonlyargcount = len(signature.kwonly)
        code.co_flags |= (0x4 if signature.vararg else 0) | (0x8 if signature.kwarg else 0)
        code.cell_slots = cell_slots = scope.cell_slots
        code.free_slots = scope.free_slots
        code.docstring = None if is_lambda else _function_docstring(node, body)
        # a generator or coroutine that may go on after its close() is driven by its
        # trampoline (runtime.functions._DRIVING_RUN, _DRIVING_AWAIT; the symbol table's
        # Block.outlives_close)
        driving = kind in ('generator', 'coroutine') \
            and getattr(scope.table, '_table', None) is not None \
            and scope.table._table.outlives_close
        code.trampoline = function_trampoline(
            signature, kind=f'driving_{kind}' if driving else kind, nlocals=code.nlocals,
            cell_slots=cell_slots,
            n_free=len(scope.frees), name=name, qualname=qualname, filename=self.filename,
            firstlineno=firstlineno, freevars=code.co_freevars)
        compile_body = _BodyCompilation(scope, self.filename, kind, body, node, self.future,
                                        self.lazy, is_lambda)
        if self.lazy:
            defer_body(code, compile_body)
        else:
            code.body, code.children = recorded_apart(node, compile_body.compile)
        return code

    def function_body(self, body: list):
        """The body's block, noting where each local is first bound unconditionally."""
        for index, statement in enumerate(body):
            for name in _unconditional_bindings(statement):
                self.bound_at.setdefault(self.scope.mangle(name), index)
        self.statement_indexes = {id(statement): index for index, statement in enumerate(body)}
        self.tail_statements = tail_statements(body)
        block = self.block(body)
        if self.in_generator and not self.is_gen(block):
            return _as_generator(block)
        return block

    def function_maker(self, node, code, *, is_lambda: bool):
        """A closure creating the function object at definition time (defaults, closure, ...)."""
        args = node.args
        defaults = tuple(self.expr(d) for d in args.defaults)
        kw_defaults = tuple((self.scope.mangle(a.arg), self.expr(d))
                            for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None)
        annotations = () if is_lambda else self.annotation_closures(node)
        # in a class body, `__class__` is the implicit class cell, even when the body also
        # declares `nonlocal __class__` (the enclosing function's variable)
        class_cell = self.scope.class_cell_slot
        free_slots = tuple(class_cell if name == '__class__' and class_cell is not None
                           else self.scope.slots[name] for name in code.co_freevars)
        doc = code.docstring

        def make(f):
            default_values = tuple([d(f) for d in defaults]) if defaults else None
            kw_values = {name: d(f) for name, d in kw_defaults} if kw_defaults else None
            annotation_values = {name: a(f) for name, a in annotations} if annotations else None
            fast = f.fast
            closure = tuple([fast[slot] for slot in free_slots])
            return make_function(code, f.f_globals, f.f_builtins, default_values, kw_values,
                                 closure, annotation_values, doc)

        return make

    def annotation_closures(self, node):
        args = node.args
        found = []
        every = [*args.posonlyargs, *args.args]
        if args.vararg:
            every.append(args.vararg)
        every.extend(args.kwonlyargs)
        if args.kwarg:
            every.append(args.kwarg)
        for arg in every:
            if arg.annotation is not None:
                found.append((self.scope.mangle(arg.arg), self.annotation(arg.annotation)))
        if node.returns is not None:
            found.append(('return', self.annotation(node.returns)))
        return tuple(found)

    def annotation(self, node):
        if 'annotations' in self.future:
            text = _unparse(node)
            return lambda f: text
        if type(node).__name__ == 'Starred':
            # PEP 646, `*args: *Ts`: the value of the one element the starred value unpacks to
            # (UNPACK_SEQUENCE 1: "too many values to unpack" otherwise)
            starred = self.expr(node.value)

            def unpacked_annotation(f):
                (value,) = starred(f)
                return value

            return unpacked_annotation
        return self.expr(node)

    def stmt_FunctionDef(self, node, is_async: bool = False):
        decorators = tuple(self.expr(d) for d in node.decorator_list)
        code = self.function_code(node, node.name, None, is_async=is_async, is_lambda=False)
        make = self.function_maker(node, code, is_lambda=False)
        store = self.store_name(self.scope.mangle(node.name))
        if self.instrument and decorators:
            from ..runtime.tracing import traced_decorators

            decorators, make = traced_decorators(decorators, node.decorator_list, make,
                                                 node.lineno)

        decorator_nodes = tuple(node.decorator_list)

        def define(f):
            applied = [d(f) for d in decorators]
            function = make(f)
            if applied:
                function = apply_decorators(f, function, applied, decorator_nodes)
            store(f, function)

        return define

    def stmt_AsyncFunctionDef(self, node):
        return self.stmt_FunctionDef(node, is_async=True)

    def expr_Lambda(self, node):
        code = self.function_code(node, '<lambda>', [node.body], is_async=False, is_lambda=True)
        return self.function_maker(node, code, is_lambda=True)


# The trampoline made for each shape of function (the parts of its host code's source), so
# another function of that shape only renames a copy: writing the source out again and looking
# its compiled template up took a tenth of a warm import.
_trampolines: dict[tuple, Trampoline] = {}
# The marshalled template codes of shapes the import cache preloaded (`preload_trampolines`),
# unmarshalled when a function of that shape is first compiled.
_preloaded: dict[tuple, bytes] = {}
# What the compilation recordings note for a shape (runtime.templates.record): the import cache
# saves those trampolines with the module, so a warm import makes none.
_SHAPE = 'trampoline shape'


def trampoline_entries(keys) -> tuple | None:
    """((shape, marshalled template code), ...) of the trampoline shapes among the recorded
    `keys`, for saving; None if there are none. The files that write trampolines are part of
    the import cache's fingerprint (`imports.cache._FRONT_END_FILES`): an entry is never read
    by code that would make them otherwise."""
    entries = tuple((key[1], marshal.dumps(_trampolines[key[1]].template)) for key in keys
                    if key[0] == _SHAPE and key[1] in _trampolines)
    return entries or None


def preload_trampolines(saved) -> None:
    """Make the trampolines of `trampoline_entries` available: a function of one of those
    shapes then only renames one."""
    for shape, template in saved or ():
        if shape not in _trampolines:
            _preloaded[shape] = template


def function_trampoline(signature: Signature, *, kind: str, nlocals: int, cell_slots,
                        n_free: int, name: str, qualname: str, filename: str, firstlineno: int,
                        freevars: tuple) -> Trampoline:
    """`make_trampoline_code`'s result, from a function of the same shape when there was one
    (argparse and the modules it imports: 1,010 functions, 528 shapes when parameter names
    counted, 137 since they do not), renamed for this function."""
    key = trampoline_shape(signature, kind=kind, nlocals=nlocals, cell_slots=cell_slots,
                           n_free=n_free, n_freevars=len(freevars))
    record((_SHAPE, key))
    made = _trampolines.get(key)
    if made is None and key in _preloaded:
        made = _preloaded_trampoline(key)
    if made is None:
        made = _trampolines[key] = make_trampoline_code(key)
    params = tuple(signature.slot_names())
    # one per code object: each binds its helpers into its own (Trampoline.bound)
    return made.renamed(name, qualname, filename, firstlineno, params, tuple(freevars),
                        nlocals - n_free - len(params))


def _preloaded_trampoline(shape: tuple) -> Trampoline | None:
    blob = _preloaded.pop(shape, None)
    try:
        template = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):  # a damaged entry: the trampoline is made again
        return None
    made = _trampolines[shape] = Trampoline(template, PLACEHOLDERS)
    return made


def _function_docstring(node, body: list | None):
    """The docstring of a def, without loading a body that is still pickled."""
    deferred = getattr(node, 'deferred_body', None)
    if body is None and deferred is not None:
        return deferred.docstring
    return docstring_of(node.body if body is None else body)


def _yields(scope, node, body: list | None, kinds: set[str]) -> bool:
    """Whether a function's own scope holds one of `kinds` (Yield, YieldFrom, Await).

    Memphis's symbol table recorded it (a yield makes its block a generator; an await outside
    an async function was a SyntaxError), which saves walking every body; the host's `symtable`
    (compile() of an `ast` tree) does not, so its bodies are walked."""
    block = getattr(scope.table, '_table', None)
    generator = getattr(block, 'generator', None)
    if generator is not None:
        return generator
    return bool(kinds & yield_kinds(node.body if body is None else body))


class _BodyCompilation:
    """One function body's compilation: run at once (`compile`), or, for a module compiled
    lazily, standing in as the code's body until its first call (compiler.lazy): calling it
    with the frame compiles the body, once, and runs it. One object per function, the fewer
    for every collection to scan (most bodies of an imported module are never called)."""

    __slots__ = ('body', 'code', 'compiled', 'filename', 'future', 'is_lambda', 'kind', 'lazy',
                 'memphis_first_call', 'node', 'scope')

    def __init__(self, scope, filename: str, kind: str, body: list | None, node,
                 future: frozenset, lazy: bool, is_lambda: bool) -> None:
        self.scope = scope
        self.filename = filename
        self.kind = kind
        self.body = body  # None: node.body, read now
        self.node = node
        self.future = future
        self.lazy = lazy
        self.is_lambda = is_lambda
        self.code = None  # the code whose body this stands in for (compiler.lazy)
        self.compiled = None  # compile()'s result, once it ran for the first call
        self.memphis_first_call = None  # settrace's stub for it (runtime.tracing)

    def compile(self) -> tuple:
        """(the body's closure, the code objects nested in it)."""
        from . import Compiler

        scope, body = self.scope, self.body
        if body is None:
            body = self.node.body
        scope.deleted = deleted_names(body, scope)
        compiler = Compiler(scope, self.filename, kind=self.kind, body=body,
                            future=self.future, lazy=self.lazy)
        if self.is_lambda:
            value, is_gen = compiler.gen_expr(self.node.body)
            closure = _lambda_body(value) if not is_gen else _gen_lambda_body(value)
        else:
            closure = compiler.function_body(body)
        return closure, compiler.child_codes or NO_CHILDREN

    def __call__(self, f):
        # the first call (of a generator: its first resumption, inside the trampoline's
        # generator); a copy made by Code.replace shares this object and calls it each time
        return compiled_body(self.code)(f)


def _names_in_target(target):
    kind = type(target).__name__
    if kind == 'Name':
        yield target.id
    elif kind in ('Tuple', 'List'):
        for element in target.elts:
            yield from _names_in_target(element)
    elif kind == 'Starred':
        yield from _names_in_target(target.value)


def _unconditional_bindings(statement):
    """Names a top-level statement has bound whenever execution gets past it."""
    kind = type(statement).__name__
    if kind == 'Assign':
        for target in statement.targets:
            yield from _names_in_target(target)
    elif kind == 'AnnAssign' and statement.value is not None:
        yield from _names_in_target(statement.target)
    elif kind in ('FunctionDef', 'AsyncFunctionDef', 'ClassDef'):
        yield statement.name
    elif kind in ('Import', 'ImportFrom'):
        for alias in statement.names:
            if alias.name != '*':
                yield alias.asname or alias.name.partition('.')[0]


def _as_generator(block):
    """A generator body with no yield in it (a coroutine that never awaits, say)."""
    def body(f):
        return block(f)
        yield  # unreachable: only makes this a generator function

    body.memphis_gen = True
    return body


def _lambda_body(value):
    def lambda_body(f):
        f.ret = value(f)
        return RETURN

    return lambda_body


def _gen_lambda_body(value):
    def lambda_body(f):
        f.ret = yield from value(f)
        return RETURN

    return lambda_body


def _unparse(node) -> str:
    """An annotation's text under `from __future__ import annotations` (PEP 563)."""
    from ..nodes import AST, to_ast

    tree = to_ast(node) if isinstance(node, AST) else node
    return _annotation_unparser()().visit(tree)


_UNPARSER: list = []


def _annotation_unparser():
    """ast.unparse's unparser, made to write what CPython's C unparser (ast_unparse.c) writes
    where they differ: every operand of a boolean operation at the precedence just above it
    (ast.unparse raises it operand by operand: `a or (b and c)`), and a call whose only
    argument is a generator expression without a second pair of parentheses."""
    if _UNPARSER:
        return _UNPARSER[0]
    import ast
    from ast import _Precedence, _Unparser

    class AnnotationUnparser(_Unparser):
        def visit_BoolOp(self, node):
            precedence = _Precedence.AND if isinstance(node.op, ast.And) else _Precedence.OR
            operator = ' and ' if isinstance(node.op, ast.And) else ' or '
            with self.require_parens(precedence, node):
                for index, value in enumerate(node.values):
                    if index:
                        self.write(operator)
                    self.set_precedence(precedence.next(), value)
                    self.traverse(value)

        def visit_Call(self, node):
            argument = node.args[0] if len(node.args) == 1 else None
            if node.keywords or not isinstance(argument, ast.GeneratorExp):
                super().visit_Call(node)
                return
            self.set_precedence(_Precedence.ATOM, node.func)
            self.traverse(node.func)
            with self.delimit('(', ')'):
                self.traverse(argument.elt)
                for generator in argument.generators:
                    self.traverse(generator)

    _UNPARSER.append(AnnotationUnparser)
    return AnnotationUnparser


def apply_decorators(f, target, applied: list, nodes: tuple):
    """Apply decorators innermost first; a failure is reported at that decorator."""
    for decorator, node in zip(reversed(applied), reversed(nodes)):
        try:
            target = decorator(target)
        except BaseException as e:
            if f.exc is not e:
                f.exc = e
                f.exc_node = node
            raise
    return target
