"""The scope pass: raw symbol tables and CPython 3.11's compile-time errors, from any tree with
`ast`'s class and field names (host `ast` or `interpreter.nodes`; dispatch is on class names).
"""

from __future__ import annotations

import builtins
import sys

from ..diagnostics import SyntaxDiagnostic
from .flags import (
    CELL,
    DEF_ANNOT,
    DEF_BOUND,
    DEF_COMP_ITER,
    DEF_FREE_CLASS,
    DEF_GLOBAL,
    DEF_IMPORT,
    DEF_LOCAL,
    DEF_NONLOCAL,
    DEF_PARAM,
    FREE,
    GLOBAL_EXPLICIT,
    GLOBAL_IMPLICIT,
    LOCAL,
    SCOPE_OFF,
    USE,
)

__all__ = ['ANNOTATION', 'CLASS', 'FUNCTION', 'MODULE', 'Block', 'build_blocks', 'mangle']

MODULE = 'module'
FUNCTION = 'function'
CLASS = 'class'
# Only made under `from __future__ import annotations`; like CPython, never linked to a parent,
# so its names vanish from the tables.
ANNOTATION = 'annotation'

_COMPREHENSION_NAMES = {
    'ListComp': 'listcomp', 'SetComp': 'setcomp', 'DictComp': 'dictcomp', 'GeneratorExp': 'genexpr',
}
_YIELD_IN_COMPREHENSION = {
    'ListComp': "'yield' inside list comprehension",
    'SetComp': "'yield' inside set comprehension",
    'DictComp': "'yield' inside dict comprehension",
    'GeneratorExp': "'yield' inside generator expression",
}

_FUTURE_FEATURES = frozenset({
    'nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement',
    'print_function', 'unicode_literals', 'barry_as_FLUFL', 'generator_stop', 'annotations',
})
_LATE_FUTURE = 'from __future__ imports must occur at the beginning of the file'

# Compiler unit kinds, for the checks CPython's code generator makes.
_U_MODULE, _U_CLASS, _U_FUNCTION, _U_ASYNC, _U_LAMBDA, _U_COMP = range(6)


class Block:
    """One raw symbol table: CPython's `PySTEntryObject`, with flags as plain ints."""

    __slots__ = (
        'child_free',
        'children',
        'comp_iter_expr',
        'comp_iter_target',
        'comprehension',
        'coroutine',
        'directives',
        'free',
        'generator',
        'id',
        'lineno',
        'name',
        'needs_class_closure',
        'nested',
        'node',
        'outlives_close',
        'returns_value',
        'symbols',
        'type',
        'unit',
        'yields',
    )

    def __init__(self, name: str, block_type: str, lineno: int, nested: bool, block_id: int):
        self.name = name
        self.type = block_type
        self.lineno = lineno
        self.nested = nested
        self.symbols: dict[str, int] = {}
        self.children: list[Block] = []
        self.directives: dict[str, tuple[int, int, int, int]] = {}
        self.generator = False
        self.coroutine = False
        self.comprehension: str | None = None
        self.returns_value = False
        self.comp_iter_target = False
        self.comp_iter_expr = 0
        self.free = False
        self.child_free = False
        self.needs_class_closure = False
        self.unit = _U_MODULE
        self.id = block_id
        self.node = None  # the syntax node that opens this scope (the compiler finds it by it)
        self.yields = 0  # the yields seen so far in this block
        # a yield (an await in a coroutine) in the body of a try that may swallow the
        # GeneratorExit of close() (a handler that can catch it, a finally that returns, breaks
        # or continues) or that yields again in its finally, or in the body of a `with` (its
        # __exit__ may suppress it): the generator or coroutine may go on after close()
        # (runtime.functions._DRIVING_RUN, _CoroutineDriver)
        self.outlives_close = False

    def __repr__(self) -> str:
        return f'<Block {self.type} {self.name!r} line {self.lineno}>'


def mangle(private: str | None, name: str) -> str:
    """`__spam` inside class `Ham` is `_Ham__spam`, as CPython's `_Py_Mangle`."""
    if private is None or not name.startswith('__') or name.endswith('__') or '.' in name:
        return name
    stripped = private.lstrip('_')
    if not stripped:
        return name
    return '_' + stripped + name


def _is_docstring(stmt) -> bool:
    if type(stmt).__name__ != 'Expr':
        return False
    value = stmt.value
    return type(value).__name__ == 'Constant' and isinstance(value.value, str)


def _loc(node) -> tuple[int, int, int, int]:
    lineno = getattr(node, 'lineno', 1) or 1
    col = getattr(node, 'col_offset', 0) or 0
    end_lineno = getattr(node, 'end_lineno', None) or lineno
    end_col = getattr(node, 'end_col_offset', None)
    return lineno, col, end_lineno, col + 1 if end_col is None else end_col


class _Builder:
    """Pass 1 (collect facts per block, as CPython's symtable visitor) plus pass 2 (analysis)."""

    def __init__(self, future_annotations: bool, compiler_checks: bool,
                 top_level_await: bool = False):
        self.future_annotations = future_annotations
        self.compiler_checks = compiler_checks
        self.top_level_await = top_level_await
        self.visit_errors: list[SyntaxDiagnostic] = []
        self.analysis_errors: list[SyntaxDiagnostic] = []
        # Code-generator errors in CPython's compile order: diagnostics, and checks that wait
        # for a block's final flags (`_Deferred`). Parts visited here in symtable order are
        # captured separately and spliced back in compile order.
        self.compiler_errors: list[SyntaxDiagnostic | _Deferred] = []
        self.stack: list[Block] = []
        self.cur: Block | None = None
        self.top: Block | None = None
        self.global_symbols: dict[str, int] = {}
        self.private: str | None = None
        self.next_id = 1
        self.future_lineno = -1
        # The code generator's frame-block stack for the current unit, as far as it matters
        # for errors: _LOOP, _EXCEPT_STAR, _WITH, _OTHER, or the `_FinallyBody` of a try.
        self.fblocks: list = []
        # The `finally` body being visited in the current unit, if any.
        self.finally_body: _FinallyBody | None = None
        # >0 while visiting code CPython never compiles (annotations it only stringifies or skips)
        self.no_codegen = 0
        self._stmt_table: dict[type, object] = {}
        self._expr_table: dict[type, object] = {}

    # -- errors ---------------------------------------------------------------------------

    def error(self, message: str, node) -> None:
        self.visit_errors.append(SyntaxDiagnostic(message, *_loc(node)))

    def compile_error(self, message: str, node) -> None:
        if not self.compiler_checks or self.no_codegen:
            return
        self.compiler_errors.append(SyntaxDiagnostic(message, *_loc(node)))

    def defer(self, kind: str, node, block: Block) -> None:
        if not self.compiler_checks or self.no_codegen:
            return
        self.compiler_errors.append(_Deferred(kind, node, block))

    def captured(self, visit, *args) -> list:
        """Run `visit(*args)`; return the code-generator errors it found instead of keeping them."""
        saved = self.compiler_errors
        self.compiler_errors = found = []
        visit(*args)
        self.compiler_errors = saved
        return found

    # -- blocks ---------------------------------------------------------------------------

    def enter_block(self, name: str, block_type: str, node, lineno: int, unit: int) -> Block:
        prev = self.cur
        nested = prev is not None and (prev.nested or prev.type == FUNCTION)
        block = Block(name, block_type, lineno, nested, self.next_id)
        self.next_id += 1
        block.unit = unit
        block.node = node
        if prev is not None:
            # CPython forbids walrus anywhere under a comprehension's first iterable, even
            # inside a nested lambda or comprehension.
            block.comp_iter_expr = prev.comp_iter_expr
        self.stack.append(block)
        self.cur = block
        if block_type == MODULE:
            self.global_symbols = block.symbols
        if prev is not None and block_type != ANNOTATION:
            prev.children.append(block)
        return block

    def exit_block(self) -> None:
        self.stack.pop()
        self.cur = self.stack[-1] if self.stack else None

    def add_def(self, name: str, flag: int, node, block: Block | None = None) -> None:
        block = block or self.cur
        mangled = mangle(self.private, name)
        symbols = block.symbols
        val = symbols.get(mangled)
        if val is not None:
            if flag & DEF_PARAM and val & DEF_PARAM:
                self.error(f"duplicate argument '{name}' in function definition", node)
            val |= flag
        else:
            val = flag
        if block.comp_iter_target:
            if val & (DEF_GLOBAL | DEF_NONLOCAL):
                self.error("comprehension inner loop cannot rebind assignment expression target "
                           f"'{name}'", node)
            val |= DEF_COMP_ITER
        symbols[mangled] = val
        if flag & DEF_GLOBAL:
            glob = self.global_symbols
            glob[mangled] = flag | glob.get(mangled, 0)

    def lookup(self, name: str) -> int:
        return self.cur.symbols.get(mangle(self.private, name), 0)

    def record_directive(self, name: str, node) -> None:
        # Only the first directive for a name positions its analysis errors (as CPython).
        self.cur.directives.setdefault(mangle(self.private, name), _loc(node))

    # -- dispatch -------------------------------------------------------------------------

    def visit_stmt(self, node) -> None:
        cls = type(node)
        method = self._stmt_table.get(cls)
        if method is None:
            method = getattr(self, 's_' + cls.__name__, self.generic)
            self._stmt_table[cls] = method
        method(node)

    def visit_expr(self, node) -> None:
        cls = type(node)
        method = self._expr_table.get(cls)
        if method is None:
            method = getattr(self, 'e_' + cls.__name__, self.generic)
            self._expr_table[cls] = method
        method(node)

    def visit_stmts(self, stmts) -> None:
        if stmts:
            visit = self.visit_stmt
            for stmt in stmts:
                visit(stmt)

    def visit_exprs(self, exprs) -> None:
        if exprs:
            visit = self.visit_expr
            for expr in exprs:
                if expr is not None:
                    visit(expr)

    def generic(self, node) -> None:
        """Error nodes and anything unknown: visit whatever sub-trees they hold."""
        for name in getattr(node, '_fields', ()):
            value = getattr(node, name, None)
            items = value if isinstance(value, list) else [value]
            for item in items:
                if item is None or not hasattr(item, '_fields'):
                    continue
                if hasattr(item, 'lineno') and _is_stmt(item):
                    self.visit_stmt(item)
                elif hasattr(item, 'lineno'):
                    self.visit_expr(item)
                else:
                    self.generic(item)

    # -- module ---------------------------------------------------------------------------

    def run(self, tree) -> Block:
        top = self.enter_block('top', MODULE, tree, 0, _U_MODULE)
        self.top = top
        kind = type(tree).__name__
        if kind == 'Expression':
            self.visit_expr(tree.body)
        elif kind in ('Module', 'Interactive'):
            self.visit_stmts(tree.body)
        else:
            self.generic(tree)
        self.exit_block()
        self.analyze(top)
        self.run_deferred()
        return top

    # -- statements -----------------------------------------------------------------------

    def _function(self, node, is_async: bool) -> None:
        self.add_def(node.name, DEF_LOCAL, node)
        args = node.args
        defaults = self.captured(self.visit_exprs, args.defaults)
        defaults += self.captured(self.visit_exprs, args.kw_defaults)
        annotations = self.captured(self.visit_annotations, node, args, node.returns)
        decorators = self.captured(self.visit_exprs, node.decorator_list)
        # CPython compiles: argument names, decorators, defaults, annotations, body, then the
        # store of the function's name.
        self.check_debug_args(args, node)
        self.compiler_errors += decorators + defaults + annotations
        block = self.enter_block(node.name, FUNCTION, node, node.lineno,
                                 _U_ASYNC if is_async else _U_FUNCTION)
        if is_async:
            block.coroutine = True
        saved_unit = self.enter_unit()
        self.visit_arguments(args)
        self.visit_stmts(node.body)
        self.leave_unit(saved_unit)
        self.exit_block()
        if node.name == '__debug__':
            self.compile_error('cannot assign to __debug__', node)

    def s_FunctionDef(self, node) -> None:
        self._function(node, False)

    def s_AsyncFunctionDef(self, node) -> None:
        self._function(node, True)

    def s_ClassDef(self, node) -> None:
        self.add_def(node.name, DEF_LOCAL, node)
        bases = self.captured(self._call_arguments, node, node.bases, node.keywords)
        # CPython compiles: decorators, body, bases and keywords, then the name's store.
        self.visit_exprs(node.decorator_list)
        self.enter_block(node.name, CLASS, node, node.lineno, _U_CLASS)
        saved_private, self.private = self.private, node.name
        saved_unit = self.enter_unit()
        self.visit_stmts(node.body)
        self.leave_unit(saved_unit)
        self.private = saved_private
        self.exit_block()
        self.compiler_errors += bases
        if node.name == '__debug__':
            self.compile_error('cannot assign to __debug__', node)

    def s_Return(self, node) -> None:
        unit = self.cur.unit
        if unit in (_U_MODULE, _U_CLASS):
            self.compile_error("'return' outside function", node)
        elif node.value is not None:
            self.defer('return', node, self.cur)
        if node.value is not None:
            self.visit_expr(node.value)
            self.cur.returns_value = True
        if unit not in (_U_MODULE, _U_CLASS):
            value = node.value
            constant = value is not None and type(value).__name__ == 'Constant'
            # A constant return value starting on the return's line is where CPython stands
            # when it leaves the blocks.
            where = value if constant and value.lineno == node.lineno else node
            self.unwind(where, False, value is not None and not constant)

    def s_Delete(self, node) -> None:
        self.visit_exprs(node.targets)

    def s_Assign(self, node) -> None:
        targets = self.captured(self.visit_exprs, node.targets)
        self.visit_expr(node.value)
        self.compiler_errors += targets

    def s_AnnAssign(self, node) -> None:
        # CPython compiles the value, then the target, then the annotation.
        target_errors = self.captured(self._annotated_target, node)
        annotation_errors = self.captured(self._assigned_annotation, node)
        if node.value is not None:
            self.visit_expr(node.value)
        self.compiler_errors += target_errors + annotation_errors

    def _annotated_target(self, node) -> None:
        target = node.target
        if type(target).__name__ == 'Name':
            name = target.id
            cur = self.lookup(name)
            if (cur & (DEF_GLOBAL | DEF_NONLOCAL) and self.cur.symbols is not self.global_symbols
                    and node.simple):
                which = 'global' if cur & DEF_GLOBAL else 'nonlocal'
                self.error(f"annotated name '{name}' can't be {which}", node)
            if node.simple:
                self.add_def(name, DEF_ANNOT | DEF_LOCAL, target)
            elif node.value is not None:
                self.add_def(name, DEF_LOCAL, target)
            if name == '__debug__':
                # CPython positions this at the target only when it compiles a value first.
                self.compile_error('cannot assign to __debug__',
                                   target if node.value is not None else node)
        else:
            self.visit_expr(target)

    def _assigned_annotation(self, node) -> None:
        # CPython evaluates an annotation only for simple names at module or class level, or
        # for complex targets there; everything else it never compiles.
        evaluated = (self.cur.unit in (_U_MODULE, _U_CLASS)) and not self.future_annotations
        if not evaluated:
            self.no_codegen += 1
        self.visit_annotation(node.annotation)
        if not evaluated:
            self.no_codegen -= 1

    def s_AugAssign(self, node) -> None:
        target = node.target
        if type(target).__name__ == 'Attribute':
            # Compiled as a load plus a store of the attribute: no '__debug__' check applies.
            self.visit_expr(target.value)
        else:
            self.visit_expr(target)
        self.visit_expr(node.value)

    def at_awaiting_top(self) -> bool:
        """In the module's own block, compiled with PyCF_ALLOW_TOP_LEVEL_AWAIT (CPython's
        IS_TOP_LEVEL_AWAIT): it may await, and then it is a coroutine."""
        return self.top_level_await and self.cur is self.top

    def _for(self, node, is_async: bool) -> None:
        if is_async:
            self.cur.yields += 1  # awaits __anext__ (Block.outlives_close)
        if is_async and self.at_awaiting_top():
            self.cur.coroutine = True
        elif is_async and self.cur.unit != _U_ASYNC:
            self.compile_error("'async for' outside async function", node)
        target = self.captured(self.visit_expr, node.target)
        # A `for` loop's block is pushed before its iterable is compiled, an `async for`'s after.
        if not is_async:
            self.push_fblock(_LOOP, node)
        self.visit_expr(node.iter)
        if is_async:
            self.push_fblock(_LOOP, node)
        self.compiler_errors += target
        self.visit_stmts(node.body)
        self.fblocks.pop()
        self.visit_stmts(node.orelse)

    def s_For(self, node) -> None:
        self._for(node, False)

    def s_AsyncFor(self, node) -> None:
        self._for(node, True)

    def s_While(self, node) -> None:
        self.push_fblock(_LOOP, node)
        self.visit_expr(node.test)
        self.visit_stmts(node.body)
        self.fblocks.pop()
        self.visit_stmts(node.orelse)

    def s_If(self, node) -> None:
        self.visit_expr(node.test)
        self.visit_stmts(node.body)
        self.visit_stmts(node.orelse)

    def s_Match(self, node) -> None:
        self.visit_expr(node.subject)
        cases = node.cases or []
        last = len(cases) - 1
        for index, case in enumerate(cases):
            if self.compiler_checks and not self.no_codegen:
                # CPython skips compiling a final bare `case _:`; nothing in it could fail.
                checker = _PatternChecker(self)
                checker.check(case.pattern, case.guard is not None or index == last, [])
            self.visit_pattern(case.pattern)
            if case.guard is not None:
                self.visit_expr(case.guard)
            self.visit_stmts(case.body)

    def s_Raise(self, node) -> None:
        if node.exc is not None:
            self.visit_expr(node.exc)
        if node.cause is not None:
            self.visit_expr(node.cause)

    def s_Try(self, node) -> None:
        # CPython's blocks for a try: one for the `finally` around the body, the handlers and
        # the `else`; inside it one around the body alone; then, at that one's depth, one for
        # the handlers, with one more around each handler's body.
        star = type(node).__name__ == 'TryStar'
        handlers = node.handlers or []
        finally_body = _FinallyBody(self.finally_body) if node.finalbody else None
        if finally_body is not None:
            self.push_fblock(finally_body, node)
        if handlers:
            self.push_fblock(_OTHER, node)
        cur = self.cur
        yields_before = cur.yields
        self.visit_stmts(node.body)
        if cur.yields != yields_before and not cur.outlives_close and (
                any(_may_catch_generator_exit(handler) for handler in handlers)
                or _leaves_or_yields(node.finalbody or ())):
            cur.outlives_close = True
        if handlers:
            self.fblocks.pop()
            # Symbols see the `else` before the handlers; CPython compiles an `except*`
            # statement's `else` after them.
            orelse = self.captured(self.visit_stmts, node.orelse) if star else []
            if not star:
                self.visit_stmts(node.orelse)
            self.fblocks.append(_EXCEPT_STAR if star else _OTHER)
            last = len(handlers) - 1
            for index, handler in enumerate(handlers):
                if getattr(handler, 'type', None) is None and index < last:
                    self.compile_error("default 'except:' must be last", handler)
                self.visit_handler(handler)
            self.fblocks.pop()
            self.compiler_errors += orelse
        else:
            self.visit_stmts(node.orelse)
        if finally_body is not None:
            self.fblocks.pop()
            finally_body.errors = self.captured(self._finally_body, finally_body, node.finalbody)
            # Compiled for the normal path at the try's depth, then for the exceptional path
            # one block deeper.
            self.copy_finally(finally_body, 0)
            self.copy_finally(finally_body, 1)

    s_TryStar = s_Try

    def _finally_body(self, finally_body: _FinallyBody, stmts) -> None:
        saved, self.finally_body = self.finally_body, finally_body
        self.visit_stmts(stmts)
        self.finally_body = saved

    def copy_finally(self, finally_body: _FinallyBody, extra: int) -> None:
        """Record a compile of `finally_body`, `extra` blocks deeper than its try statement."""
        if self.compiler_checks and not self.no_codegen:
            self.compiler_errors.append(_Copy(finally_body, extra))

    def enter_unit(self) -> tuple:
        """Start a new code unit: its own block stack, outside any `finally` body."""
        saved = self.fblocks, self.finally_body
        self.fblocks, self.finally_body = [], None
        return saved

    def leave_unit(self, saved: tuple) -> None:
        self.fblocks, self.finally_body = saved

    def push_fblock(self, fblock, node) -> None:
        depth = len(self.fblocks)
        self.fblocks.append(fblock)
        if not self.compiler_checks or self.no_codegen:
            return
        finally_body = self.finally_body
        if finally_body is None:
            if depth >= _MAX_BLOCKS:
                self.compile_error('too many statically nested blocks', node)
        elif depth + finally_body.level >= _MAX_BLOCKS:
            # Inside a `finally` body the depth depends on which compile of it this is: each
            # enclosing body's compiles sit at most one block deeper than its try.
            self.compiler_errors.append(_DepthEvent(depth, node, finally_body))

    def unwind(self, node, to_loop: bool, keeps_value: bool = False) -> bool:
        """What leaving blocks by break/continue/return compiles; True if a loop was reached.

        CPython compiles each enclosing `finally` body again at the jump, at its try's depth
        (one block deeper when a computed return value waits on the stack), so its errors can
        come first; an `except*` handler in the way is an error of its own.
        """
        location_lost = False
        for fblock in reversed(self.fblocks):
            if fblock is _EXCEPT_STAR:
                # Leaving a `with` or `finally` block on the way clears CPython's location.
                self.compile_error("'break', 'continue' and 'return' cannot appear in an except* "
                                   'block', _NO_LOCATION if location_lost else node)
                return True
            if fblock is _LOOP:
                if to_loop:
                    return True
            elif fblock is _WITH:
                location_lost = True
            elif isinstance(fblock, _FinallyBody):
                location_lost = True
                self.copy_finally(fblock, 1 if keeps_value else 0)
        return False

    def visit_handler(self, handler) -> None:
        if type(handler).__name__ != 'ExceptHandler':
            self.generic(handler)
            return
        if handler.type is not None:
            self.visit_expr(handler.type)
        if handler.name:
            self.add_def(handler.name, DEF_LOCAL, handler)
            if handler.name == '__debug__':
                self.compile_error('cannot assign to __debug__', handler)
        self.push_fblock(_OTHER, handler)
        self.visit_stmts(handler.body)
        self.fblocks.pop()

    def s_Assert(self, node) -> None:
        self.visit_expr(node.test)
        if node.msg is not None:
            self.visit_expr(node.msg)

    def s_Import(self, node) -> None:
        for alias in node.names:
            self.visit_alias(alias, node)

    def s_ImportFrom(self, node) -> None:
        if node.module == '__future__' and node.lineno > self.future_lineno:
            self.compile_error(_LATE_FUTURE, node)
        for alias in node.names:
            self.visit_alias(alias, node)

    def visit_alias(self, alias, stmt) -> None:
        name = alias.asname or alias.name
        if name == '*':
            if self.cur.type != MODULE:
                self.error('import * only allowed at module level', alias
                           if getattr(alias, 'lineno', None) else stmt)
            return
        store = name.partition('.')[0]
        self.add_def(store, DEF_IMPORT, alias if getattr(alias, 'lineno', None) else stmt)
        if store == '__debug__':
            self.compile_error('cannot assign to __debug__', stmt)

    def _declaration(self, node, flag: int, keyword: str) -> None:
        for name in node.names:
            cur = self.lookup(name)
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT):
                if cur & DEF_PARAM:
                    message = f"name '{name}' is parameter and {keyword}"
                elif cur & USE:
                    message = f"name '{name}' is used prior to {keyword} declaration"
                elif cur & DEF_ANNOT:
                    message = f"annotated name '{name}' can't be {keyword}"
                else:
                    message = f"name '{name}' is assigned to before {keyword} declaration"
                self.error(message, node)
            self.add_def(name, flag, node)
            self.record_directive(name, node)

    def s_Global(self, node) -> None:
        self._declaration(node, DEF_GLOBAL, 'global')

    def s_Nonlocal(self, node) -> None:
        self._declaration(node, DEF_NONLOCAL, 'nonlocal')

    def s_Expr(self, node) -> None:
        self.visit_expr(node.value)

    def s_Pass(self, node) -> None:
        pass

    def s_Break(self, node) -> None:
        if not self.unwind(node, True):
            self.compile_error("'break' outside loop", node)

    def s_Continue(self, node) -> None:
        if not self.unwind(node, True):
            self.compile_error("'continue' not properly in loop", node)

    def _with(self, node, is_async: bool) -> None:
        if is_async:
            self.cur.yields += 1  # awaits __aenter__ and __aexit__ (Block.outlives_close)
        if is_async and self.at_awaiting_top():
            self.cur.coroutine = True
        elif is_async and self.cur.unit != _U_ASYNC:
            self.compile_error("'async with' outside async function", node)
        for item in node.items:
            self.visit_expr(item.context_expr)
            self.push_fblock(_WITH, node)
            if item.optional_vars is not None:
                self.visit_expr(item.optional_vars)
        cur = self.cur
        yields_before = cur.yields
        self.visit_stmts(node.body)
        if cur.yields != yields_before:
            # an __exit__ may suppress the GeneratorExit of close() (Block.outlives_close)
            cur.outlives_close = True
        del self.fblocks[len(self.fblocks) - len(node.items):]

    def s_With(self, node) -> None:
        self._with(node, False)

    def s_AsyncWith(self, node) -> None:
        self._with(node, True)

    # -- function pieces ------------------------------------------------------------------

    def visit_arguments(self, args) -> None:
        for group in (args.posonlyargs, args.args, args.kwonlyargs):
            for arg in group or ():
                self.add_def(arg.arg, DEF_PARAM, arg)
        if args.vararg is not None:
            self.add_def(args.vararg.arg, DEF_PARAM, args.vararg)
        if args.kwarg is not None:
            self.add_def(args.kwarg.arg, DEF_PARAM, args.kwarg)

    def check_debug_args(self, args, node) -> None:
        if not self.compiler_checks:
            return
        for group in (args.posonlyargs, args.args, args.kwonlyargs):
            for arg in group or ():
                if arg.arg == '__debug__':
                    self.compile_error('cannot assign to __debug__', node)
                    return
        for arg in (args.vararg, args.kwarg):
            if arg is not None and arg.arg == '__debug__':
                self.compile_error('cannot assign to __debug__', node)
                return

    def visit_annotation(self, annotation) -> None:
        if self.future_annotations:
            self.enter_block('_annotation', ANNOTATION, annotation, _loc(annotation)[0], _U_FUNCTION)
            self.no_codegen += 1
            self.visit_expr(annotation)
            self.no_codegen -= 1
            self.exit_block()
        else:
            self.visit_expr(annotation)

    def visit_annotations(self, node, args, returns) -> None:
        future = self.future_annotations
        if future:
            self.enter_block('_annotation', ANNOTATION, node, node.lineno, _U_FUNCTION)
            self.no_codegen += 1
        for group in (args.posonlyargs, args.args):
            for arg in group or ():
                if arg.annotation is not None:
                    self.visit_expr(arg.annotation)
        vararg = args.vararg
        if vararg is not None and vararg.annotation is not None:
            # PEP 646's `*args: *Ts` is the one place a bare starred annotation is legal.
            if type(vararg.annotation).__name__ == 'Starred':
                self.visit_expr(vararg.annotation.value)
            else:
                self.visit_expr(vararg.annotation)
        if args.kwarg is not None and args.kwarg.annotation is not None:
            self.visit_expr(args.kwarg.annotation)
        for arg in args.kwonlyargs or ():
            if arg.annotation is not None:
                self.visit_expr(arg.annotation)
        if future:
            self.no_codegen -= 1
            self.exit_block()
        if returns is not None:
            self.visit_annotation(returns)

    # -- expressions ----------------------------------------------------------------------

    def e_Name(self, node) -> None:
        ctx = type(node.ctx).__name__
        self.add_def(node.id, USE if ctx == 'Load' else DEF_LOCAL, node)
        if ctx == 'Load':
            if node.id == 'super' and self.cur.type == FUNCTION:
                self.add_def('__class__', USE, node)
        elif node.id == '__debug__':
            self.compile_error('cannot assign to __debug__' if ctx == 'Store'
                               else 'cannot delete __debug__', node)

    def e_NamedExpr(self, node) -> None:
        if self.cur.type == ANNOTATION:
            self.error("'named expression' can not be used within an annotation", node)
        if self.cur.comp_iter_expr > 0:
            self.error('assignment expression cannot be used in a comprehension iterable '
                       'expression', node)
        elif self.cur.comprehension and type(node.target).__name__ == 'Name':
            self.extend_namedexpr_scope(node.target)
        self.visit_expr(node.value)
        self.visit_expr(node.target)

    def extend_namedexpr_scope(self, target) -> None:
        name = target.id
        for block in reversed(self.stack):
            if block.comprehension:
                if block.symbols.get(name, 0) & DEF_COMP_ITER:
                    self.error('assignment expression cannot rebind comprehension iteration '
                               f"variable '{name}'", target)
                    return
                continue
            if block.type == FUNCTION:
                flag = DEF_GLOBAL if block.symbols.get(name, 0) & DEF_GLOBAL else DEF_NONLOCAL
                self.add_def(name, flag, target)
                self.record_directive(name, target)
                self.add_def(name, DEF_LOCAL, target, block)
                return
            if block.type == MODULE:
                self.add_def(name, DEF_GLOBAL, target)
                self.record_directive(name, target)
                self.add_def(name, DEF_GLOBAL, target, block)
                return
            if block.type == CLASS:
                self.error('assignment expression within a comprehension cannot be used in a '
                           'class body', target)
                return
            # An annotation block: CPython walks past it like any other.

    def e_BoolOp(self, node) -> None:
        self.visit_exprs(node.values)

    def e_BinOp(self, node) -> None:
        # Long chains like 'a' + 'b' + ... nest to the left; walk the spine without recursing.
        spine = []
        while type(node).__name__ == 'BinOp':
            spine.append(node.right)
            node = node.left
        self.visit_expr(node)
        for right in reversed(spine):
            self.visit_expr(right)

    def e_UnaryOp(self, node) -> None:
        self.visit_expr(node.operand)

    def e_Lambda(self, node) -> None:
        args = node.args
        self.check_debug_args(args, node)
        self.visit_exprs(args.defaults)
        self.visit_exprs(args.kw_defaults)
        self.enter_block('lambda', FUNCTION, node, node.lineno, _U_LAMBDA)
        saved_unit = self.enter_unit()
        self.visit_arguments(args)
        self.visit_expr(node.body)
        self.leave_unit(saved_unit)
        self.exit_block()

    def e_IfExp(self, node) -> None:
        self.visit_expr(node.test)
        self.visit_expr(node.body)
        self.visit_expr(node.orelse)

    def e_Dict(self, node) -> None:
        if not self.compiler_checks:
            self.visit_exprs(node.keys)
            self.visit_exprs(node.values)
            return
        # Symbols see all keys then all values (symtable order); CPython compiles them in
        # pairs, so pair up their errors.
        keys = [self.captured(self.visit_expr, key) if key is not None else []
                for key in node.keys]
        values = [self.captured(self.visit_expr, value) for value in node.values]
        for key_errors, value_errors in zip(keys, values):
            self.compiler_errors += key_errors + value_errors

    def e_Set(self, node) -> None:
        self.visit_call_args(node.elts)

    def _comprehension(self, node, elt, value) -> None:
        kind = type(node).__name__
        generators = node.generators
        outermost = generators[0]
        cur = self.cur
        awaiting_top = self.at_awaiting_top()
        cur.comp_iter_expr += 1
        # CPython compiles the first iterable after the comprehension's own code.
        first_iter = self.captured(self.visit_expr, outermost.iter)
        cur.comp_iter_expr -= 1
        outer_unit = cur.unit
        block = self.enter_block(_COMPREHENSION_NAMES[kind], FUNCTION, node, node.lineno, _U_COMP)
        block.comprehension = kind
        if outermost.is_async:
            block.coroutine = True
        if kind != 'GeneratorExp' and outer_unit not in (_U_ASYNC, _U_COMP) and not awaiting_top:
            self.defer('async_comprehension', node, block)
        saved_unit = self.enter_unit()
        self.add_def('.0', DEF_PARAM, node)
        if outermost.is_async:
            self.push_fblock(_OTHER, node)
        block.comp_iter_target = True
        self.visit_expr(outermost.target)
        block.comp_iter_target = False
        self.visit_exprs(outermost.ifs)
        for generator in generators[1:]:
            block.comp_iter_target = True
            target = self.captured(self.visit_expr, generator.target)
            block.comp_iter_target = False
            block.comp_iter_expr += 1
            self.visit_expr(generator.iter)
            block.comp_iter_expr -= 1
            if generator.is_async:
                # The runtime keeps a block per `async for` clause: CPython counts them.
                self.push_fblock(_OTHER, node)
            self.compiler_errors += target
            self.visit_exprs(generator.ifs)
            if generator.is_async:
                block.coroutine = True
        # Symtable order is value then key; CPython compiles the key first.
        value_errors = self.captured(self.visit_expr, value) if value is not None else []
        self.visit_expr(elt)
        self.compiler_errors += value_errors
        block.generator = kind == 'GeneratorExp'
        is_async = block.coroutine and kind != 'GeneratorExp'
        self.leave_unit(saved_unit)
        self.exit_block()
        self.compiler_errors += first_iter
        if is_async:
            self.cur.coroutine = True

    def e_ListComp(self, node) -> None:
        self._comprehension(node, node.elt, None)

    def e_SetComp(self, node) -> None:
        self._comprehension(node, node.elt, None)

    def e_GeneratorExp(self, node) -> None:
        self._comprehension(node, node.elt, None)

    def e_DictComp(self, node) -> None:
        self._comprehension(node, node.key, node.value)

    def _yield(self, node, value) -> None:
        cur = self.cur
        if cur.type == ANNOTATION:
            self.error("'yield expression' can not be used within an annotation", node)
        if cur.unit in (_U_MODULE, _U_CLASS):
            self.compile_error("'yield' outside function", node)
        elif type(node).__name__ == 'YieldFrom' and cur.unit == _U_ASYNC:
            self.compile_error("'yield from' inside async function", node)
        if value is not None:
            self.visit_expr(value)
        cur.generator = True
        cur.yields += 1
        if cur.comprehension:
            self.error(_YIELD_IN_COMPREHENSION[cur.comprehension], node)

    def e_Yield(self, node) -> None:
        self._yield(node, node.value)

    def e_YieldFrom(self, node) -> None:
        self._yield(node, node.value)

    def e_Await(self, node) -> None:
        cur = self.cur
        if cur.type == ANNOTATION:
            self.error("'await expression' can not be used within an annotation", node)
        if self.at_awaiting_top():
            pass
        elif cur.unit in (_U_MODULE, _U_CLASS):
            self.compile_error("'await' outside function", node)
        elif cur.unit not in (_U_ASYNC, _U_COMP):
            self.compile_error("'await' outside async function", node)
        self.visit_expr(node.value)
        cur.coroutine = True
        cur.yields += 1  # a suspension point, as a yield (Block.outlives_close)

    def e_Compare(self, node) -> None:
        self.visit_expr(node.left)
        self.visit_exprs(node.comparators)

    def e_Call(self, node) -> None:
        self.visit_expr(node.func)
        self._call_arguments(node, node.args, node.keywords)

    def _call_arguments(self, node, args, keywords) -> None:
        self.validate_keywords(keywords, node)
        self.visit_call_args(args)
        for keyword in keywords or ():
            if keyword is not None:
                self.visit_expr(keyword.value)

    def validate_keywords(self, keywords, node) -> None:
        """CPython's compiler rejects `__debug__=` and a keyword given twice (first error only)."""
        if not self.compiler_checks or not keywords:
            return
        names = [keyword.arg for keyword in keywords if keyword is not None]
        for i, name in enumerate(names):
            if name is None:
                continue
            if name == '__debug__':
                self.compile_error('cannot assign to __debug__', node)
                return
            for j in range(i + 1, len(names)):
                if names[j] == name:
                    self.compile_error(f'keyword argument repeated: {name}', keywords[j])
                    return

    def visit_call_args(self, args) -> None:
        # Starred items are legal only here and in displays; anywhere else is a compile error.
        for arg in args or ():
            if type(arg).__name__ == 'Starred':
                self.visit_expr(arg.value)
            else:
                self.visit_expr(arg)

    def e_FormattedValue(self, node) -> None:
        self.visit_expr(node.value)
        if node.format_spec is not None:
            self.visit_expr(node.format_spec)

    def e_JoinedStr(self, node) -> None:
        self.visit_exprs(node.values)

    def e_Constant(self, node) -> None:
        pass

    def e_Attribute(self, node) -> None:
        if node.attr == '__debug__' and type(node.ctx).__name__ == 'Store':
            self.compile_error('cannot assign to __debug__', node)
        self.visit_expr(node.value)

    def e_Subscript(self, node) -> None:
        self.visit_expr(node.value)
        self.visit_expr(node.slice)

    def e_Starred(self, node) -> None:
        if type(node.ctx).__name__ == 'Store':
            self.compile_error('starred assignment target must be in a list or tuple', node)
        else:
            self.compile_error("can't use starred expression here", node)
        self.visit_expr(node.value)

    def e_Slice(self, node) -> None:
        for part in (node.lower, node.upper, node.step):
            if part is not None:
                self.visit_expr(part)

    def _sequence(self, node) -> None:
        ctx = type(node.ctx).__name__
        if ctx == 'Del':
            self.visit_exprs(node.elts)
            return
        if ctx == 'Store':
            starred = [i for i, elt in enumerate(node.elts) if type(elt).__name__ == 'Starred']
            if len(starred) > 1:
                self.compile_error('multiple starred expressions in assignment', node)
            elif starred and starred[0] >= 256:
                self.compile_error('too many expressions in star-unpacking assignment', node)
        self.visit_call_args(node.elts)

    e_List = _sequence
    e_Tuple = _sequence

    # -- match patterns -------------------------------------------------------------------

    def visit_pattern(self, pattern) -> None:
        kind = type(pattern).__name__
        if kind == 'MatchValue':
            self.visit_expr(pattern.value)
        elif kind == 'MatchSingleton':
            pass
        elif kind == 'MatchSequence':
            for sub in pattern.patterns:
                self.visit_pattern(sub)
        elif kind == 'MatchStar':
            if pattern.name:
                self.add_def(pattern.name, DEF_LOCAL, pattern)
        elif kind == 'MatchMapping':
            self.visit_exprs(pattern.keys)
            for sub in pattern.patterns:
                self.visit_pattern(sub)
            if pattern.rest:
                self.add_def(pattern.rest, DEF_LOCAL, pattern)
        elif kind == 'MatchClass':
            self.visit_expr(pattern.cls)
            for sub in pattern.patterns:
                self.visit_pattern(sub)
            for sub in pattern.kwd_patterns:
                self.visit_pattern(sub)
        elif kind == 'MatchAs':
            if pattern.pattern is not None:
                self.visit_pattern(pattern.pattern)
            if pattern.name:
                self.add_def(pattern.name, DEF_LOCAL, pattern)
        elif kind == 'MatchOr':
            for sub in pattern.patterns:
                self.visit_pattern(sub)
        else:
            self.generic(pattern)

    # -- deferred compiler checks ---------------------------------------------------------

    def run_deferred(self) -> None:
        # A `finally` body's errors also appear where a jump re-compiled it; keep the first.
        found: dict[int, SyntaxDiagnostic] = {}  # by identity: equality is slow to test
        self._resolve(self.compiler_errors, {}, set(), found)
        self.compiler_errors = list(dict.fromkeys(found.values()))

    def _resolve(self, entries: list, shifts: dict, done: set, found: dict) -> None:
        """Add the diagnostics of an error stream to `found`, where `shifts` maps each `finally`
        body being compiled to how many blocks deeper than its visited depth this compile sits.
        A compile already resolved (`done`) only repeats diagnostics found before.
        """
        for entry in entries:
            if isinstance(entry, SyntaxDiagnostic):
                found.setdefault(id(entry), entry)
            elif isinstance(entry, _DepthEvent):
                if entry.depth + shifts[entry.body] >= _MAX_BLOCKS:
                    found.setdefault(id(entry.diagnostic), entry.diagnostic)
            elif isinstance(entry, _Copy):
                body = entry.body
                parent = body.parent
                inner = {other: shifts[other] for other in body.reads() if other is not body}
                inner[body] = (0 if parent is None else shifts[parent]) + entry.extra
                key = (body, frozenset(inner.items()))
                if key not in done:
                    done.add(key)
                    self._resolve(body.errors, inner, done, found)
            else:
                diagnostic = entry.diagnostic()
                if diagnostic is not None:
                    found.setdefault(id(diagnostic), diagnostic)

    # -- pass 2: analysis -----------------------------------------------------------------

    def analyze(self, top: Block) -> None:
        self.analyze_block(top, None, set(), set())

    def analysis_error(self, block: Block, message: str, name: str) -> None:
        lineno, col, end_lineno, end_col = block.directives.get(name, (1, 0, 1, 1))
        self.analysis_errors.append(SyntaxDiagnostic(message, lineno, col, end_lineno, end_col))

    def analyze_block(self, block: Block, bound: set | None, free: set, global_: set) -> None:
        local: set[str] = set()
        scopes: dict[str, int] = {}
        new_global: set[str] = set()
        new_bound: set[str] = set()
        is_class = block.type == CLASS
        if is_class:
            # A class's own names are invisible to its methods.
            new_global |= global_
            if bound is not None:
                new_bound |= bound
        for name, flags in block.symbols.items():
            scopes[name] = self.analyze_name(block, name, flags, bound, local, free, global_)
        if not is_class:
            if block.type == FUNCTION:
                new_bound |= local
            if bound is not None:
                new_bound |= bound
            new_global |= global_
        else:
            new_bound.add('__class__')
        all_free: set[str] = set()
        for child in block.children:
            child_free: set[str] = set()
            self.analyze_block(child, set(new_bound), child_free, set(new_global))
            all_free |= child_free
            if child.free or child.child_free:
                block.child_free = True
        new_free = all_free
        if block.type == FUNCTION:
            for name, scope in scopes.items():
                if scope == LOCAL and name in new_free:
                    scopes[name] = CELL
                    new_free.discard(name)
        elif is_class and '__class__' in new_free:
            new_free.discard('__class__')
            block.needs_class_closure = True
        self.update_symbols(block, scopes, bound, new_free, is_class)
        free |= new_free

    def analyze_name(self, block: Block, name: str, flags: int, bound: set | None, local: set,
                     free: set, global_: set) -> int:
        if flags & DEF_GLOBAL:
            if flags & DEF_NONLOCAL:
                self.analysis_error(block, f"name '{name}' is nonlocal and global", name)
            global_.add(name)
            if bound is not None:
                bound.discard(name)
            return GLOBAL_EXPLICIT
        if flags & DEF_NONLOCAL:
            if bound is None:
                self.analysis_error(block, 'nonlocal declaration not allowed at module level',
                                    name)
                return GLOBAL_IMPLICIT
            if name not in bound:
                self.analysis_error(block, f"no binding for nonlocal '{name}' found", name)
            block.free = True
            free.add(name)
            return FREE
        if flags & DEF_BOUND:
            local.add(name)
            global_.discard(name)
            return LOCAL
        if bound is not None and name in bound:
            block.free = True
            free.add(name)
            return FREE
        if name in global_:
            return GLOBAL_IMPLICIT
        if block.nested:
            block.free = True
        return GLOBAL_IMPLICIT

    @staticmethod
    def update_symbols(block: Block, scopes: dict[str, int], bound: set | None, free: set,
                       is_class: bool) -> None:
        symbols = block.symbols
        for name, scope in scopes.items():
            symbols[name] |= scope << SCOPE_OFF
        # Free names only passing through this block (to a nested closure) join its table.
        for name in sorted(free):
            flags = symbols.get(name)
            if flags is not None:
                if is_class and flags & (DEF_BOUND | DEF_GLOBAL):
                    symbols[name] = flags | DEF_FREE_CLASS
                continue
            if bound is not None and name not in bound:
                continue
            symbols[name] = FREE << SCOPE_OFF


class _FinallyBody:
    """A `finally` body's code-generator error stream; CPython compiles the body more than once.

    `parent` is the `finally` body its try statement sits in (None outside any, in its code
    unit); `level` counts those bodies, itself included.
    """

    __slots__ = ('_reads', 'errors', 'level', 'parent')

    def __init__(self, parent: _FinallyBody | None):
        self.parent = parent
        self.level = 1 if parent is None else parent.level + 1
        self.errors: list = []
        self._reads: set | None = None

    def reads(self) -> set:
        """The bodies whose compile depths the errors of a compile of this one depend on: this
        one, and enclosing ones whose try statements a jump in it leaves (and re-compiles).
        """
        if self._reads is None:
            found = {self}
            for entry in self.errors:
                if isinstance(entry, _Copy):
                    body = entry.body
                    if body.parent is not None:
                        found.add(body.parent)
                    found |= body.reads() - {body}
            self._reads = found
        return self._reads


class _Copy:
    """One compile of a `finally` body, `extra` blocks deeper than its try statement: 0 for the
    normal path or a jump out, 1 for the exceptional path or a return of a computed value.
    """

    __slots__ = ('body', 'extra')

    def __init__(self, body: _FinallyBody, extra: int):
        self.body = body
        self.extra = extra


class _DepthEvent:
    """A block pushed inside a `finally` body: whether it overflows depends on the compile."""

    __slots__ = ('body', 'depth', 'diagnostic')

    def __init__(self, depth: int, node, body: _FinallyBody):
        self.depth = depth
        self.body = body
        self.diagnostic = SyntaxDiagnostic('too many statically nested blocks', *_loc(node))


class _NoLocation:
    """CPython's "no location" (line -1), which some code-generator errors end up with."""

    lineno = end_lineno = -1
    col_offset = end_col_offset = -1


_NO_LOCATION = _NoLocation()


# Frame blocks as the code generator stacks them: loops, `except*` handlers, blocks without
# code of their own (with, try, handlers), and `finally` bodies (a `_FinallyBody`).
_LOOP = 'loop'
_EXCEPT_STAR = 'except*'
_OTHER = 'other'
_WITH = 'with'
_MAX_BLOCKS = 20  # CPython's CO_MAXBLOCKS


class _Deferred:
    """A code-generator check that needs a block's final flags (async, generator)."""

    __slots__ = ('_diagnostic', 'block', 'kind', 'node')

    def __init__(self, kind: str, node, block: Block):
        self.kind = kind
        self.node = node
        self.block = block
        self._diagnostic: SyntaxDiagnostic | None | bool = False

    def diagnostic(self) -> SyntaxDiagnostic | None:
        """The error, if the block's final flags make one; the same object every time."""
        if self._diagnostic is False:
            block, message = self.block, None
            if self.kind == 'return' and block.coroutine and block.generator:
                message = "'return' with value in async generator"
            elif self.kind == 'async_comprehension' and block.coroutine:
                message = 'asynchronous comprehension outside of an asynchronous function'
            self._diagnostic = message and SyntaxDiagnostic(message, *_loc(self.node))
        return self._diagnostic


class _PatternChecker:
    """The errors CPython's pattern compiler raises, positioned as it positions them.

    The compiler moves its current location to each pattern it enters and never moves it
    back, so errors found after a sub-pattern point at the last pattern visited.
    """

    def __init__(self, builder: _Builder):
        self.builder = builder
        self.loc = None

    def fail(self, message: str) -> None:
        self.builder.compile_error(message, self.loc)
        raise _PatternError

    def store(self, name: str | None, stores: list[str]) -> None:
        if name is None:
            return
        if name == '__debug__':
            self.fail('cannot assign to __debug__')
        if name in stores:
            self.fail(f'multiple assignments to name {name!r} in pattern')
        stores.append(name)

    def check(self, pattern, allow_irrefutable: bool, stores: list[str]) -> None:
        try:
            self.visit(pattern, allow_irrefutable, stores)
        except _PatternError:
            pass

    def visit(self, pattern, allow_irrefutable: bool, stores: list[str]) -> None:
        self.loc = pattern
        kind = type(pattern).__name__
        if kind == 'MatchAs':
            if pattern.pattern is None:
                if not allow_irrefutable:
                    if pattern.name:
                        self.fail(f'name capture {pattern.name!r} makes remaining patterns '
                                  'unreachable')
                    self.fail('wildcard makes remaining patterns unreachable')
            else:
                self.visit(pattern.pattern, allow_irrefutable, stores)
            self.store(pattern.name, stores)
        elif kind == 'MatchStar':
            self.store(pattern.name, stores)
        elif kind == 'MatchSequence':
            self.sequence(pattern, stores)
        elif kind == 'MatchMapping':
            self.mapping(pattern, stores)
        elif kind == 'MatchClass':
            self.class_pattern(pattern, stores)
        elif kind == 'MatchOr':
            self.alternatives(pattern, allow_irrefutable, stores)

    def sequence(self, pattern, stores: list[str]) -> None:
        subs = pattern.patterns
        stars = [i for i, sub in enumerate(subs) if type(sub).__name__ == 'MatchStar']
        if len(stars) > 1:
            self.fail('multiple starred names in sequence pattern')

        def wildcard(sub):
            kind = type(sub).__name__
            return (kind == 'MatchAs' and not sub.name) or (kind == 'MatchStar' and not sub.name)

        if all(wildcard(sub) for sub in subs):
            return
        # With a `*_` CPython indexes instead of unpacking, and then never enters wildcards.
        skip_wildcards = bool(stars) and not subs[stars[0]].name
        for sub in subs:
            if skip_wildcards and wildcard(sub):
                continue
            self.visit(sub, True, stores)

    def mapping(self, pattern, stores: list[str]) -> None:
        seen = set()
        for key in pattern.keys:
            key = _fold_constant(key)
            kind = type(key).__name__
            if kind == 'Constant':
                if key.value in seen:
                    self.fail(f'mapping pattern checks duplicate key ({key.value!r})')
                seen.add(key.value)
            elif kind != 'Attribute':
                self.fail('mapping pattern keys may only match literals and attribute lookups')
        for sub in pattern.patterns:
            self.visit(sub, True, stores)
        self.store(pattern.rest, stores)

    def class_pattern(self, pattern, stores: list[str]) -> None:
        attrs = pattern.kwd_attrs or []
        subs = pattern.kwd_patterns or []
        for i, attr in enumerate(attrs):
            if i < len(subs):
                self.loc = subs[i]
            if attr == '__debug__':
                self.fail('cannot assign to __debug__')
            for j in range(i + 1, len(attrs)):
                if attrs[j] == attr:
                    if j < len(subs):
                        self.loc = subs[j]
                    self.fail(f'attribute name repeated in class pattern: {attr}')
        for sub in list(pattern.patterns) + list(subs):
            self.visit(sub, True, stores)

    def alternatives(self, pattern, allow_irrefutable: bool, stores: list[str]) -> None:
        alternatives = pattern.patterns
        control: list[str] | None = None
        for i, alternative in enumerate(alternatives):
            own: list[str] = []
            self.visit(alternative, allow_irrefutable and i == len(alternatives) - 1, own)
            if control is None:
                control = own
            elif len(own) != len(control) or any(name not in own for name in control):
                self.fail('alternative patterns bind different names')
        for name in control or ():
            if name in stores:
                self.fail(f'multiple assignments to name {name!r} in pattern')
            stores.append(name)


class _PatternError(Exception):
    """Stops checking a case pattern after its first error, as the compiler stops."""


def _fold_constant(node):
    """Signed and complex literals as CPython's AST optimizer folds them before compiling."""
    kind = type(node).__name__
    if kind == 'UnaryOp' and type(node.operand).__name__ == 'Constant':
        op = type(node.op).__name__
        value = node.operand.value
        if op == 'USub' and isinstance(value, (int, float, complex)):
            return _Folded(-value)
    if kind == 'BinOp':
        left, right = _fold_constant(node.left), _fold_constant(node.right)
        if type(left).__name__ == 'Constant' and type(right).__name__ == 'Constant':
            op = type(node.op).__name__
            if op == 'Add':
                return _Folded(left.value + right.value)
            if op == 'Sub':
                return _Folded(left.value - right.value)
    return node


class Constant:
    """A folded literal; named like `ast.Constant` so dispatch on class names sees one."""

    __slots__ = ('value',)

    def __init__(self, value):
        self.value = value


_Folded = Constant


# the builtin exception classes that cannot catch GeneratorExit (a BaseException)
_EXCEPTION_NAMES = frozenset([*(name for name, value in vars(builtins).items()
                               if isinstance(value, type) and issubclass(value, Exception)),
                              'KeyboardInterrupt', 'SystemExit', 'CancelledError'])


def _may_catch_generator_exit(handler) -> bool:
    """An `except` clause that may catch GeneratorExit: bare, or naming anything but a
    builtin exception other than BaseException and GeneratorExit, asyncio's CancelledError or
    a name ending in 'Error' (a name, or a module's attribute, may be bound to BaseException:
    such a handler only costs the driving trampoline)."""
    pending = [getattr(handler, 'type', None)]
    while pending:
        node = pending.pop()
        kind = type(node).__name__
        name = node.id if kind == 'Name' else node.attr if kind == 'Attribute' else None
        if kind == 'Tuple':
            pending.extend(node.elts)
        elif name is None or not (name in _EXCEPTION_NAMES or name.endswith('Error')):
            return True
    return False


def _leaves_or_yields(body) -> bool:
    """A `finally` body with a return, break, continue or yield of its own scope (a break or
    continue of a loop inside it counts too: only a cost, see Block.outlives_close)."""
    pending = list(body)
    while pending:
        node = pending.pop()
        kind = type(node).__name__
        if kind in ('Return', 'Break', 'Continue', 'Yield', 'YieldFrom'):
            return True
        if kind in ('FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Lambda', 'ListComp',
                    'SetComp', 'DictComp', 'GeneratorExp'):
            continue
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                pending.extend(item for item in value if hasattr(item, '_fields'))
            elif hasattr(value, '_fields'):
                pending.append(value)
    return False


def _is_stmt(node) -> bool:
    for cls in type(node).__mro__:
        if cls.__name__ == 'stmt':
            return True
        if cls.__name__ == 'expr':
            return False
    return False


def check_future(tree) -> tuple[bool, list[SyntaxDiagnostic], int]:
    """CPython's future pass: whether `annotations` is on, its errors, the last future line."""
    body = getattr(tree, 'body', None)
    if type(tree).__name__ not in ('Module', 'Interactive') or not body:
        return False, [], -1
    future_lineno = -1
    annotations = False
    errors: list[SyntaxDiagnostic] = []
    done = False
    prev_line = 0
    start = 1 if _is_docstring(body[0]) else 0
    for stmt in body[start:]:
        if done and stmt.lineno > prev_line:
            break
        prev_line = stmt.lineno
        if type(stmt).__name__ == 'ImportFrom' and stmt.module == '__future__':
            if done:
                # A late future import sharing a line with earlier statements; CPython
                # positions this one without its usual +1.
                errors.append(SyntaxDiagnostic(_LATE_FUTURE, stmt.lineno, stmt.col_offset - 1,
                                               stmt.lineno, stmt.col_offset).without_end(None))
                break
            for alias in stmt.names:
                feature = alias.name
                if feature == 'annotations':
                    annotations = True
                elif feature == 'braces':
                    errors.append(SyntaxDiagnostic('not a chance', stmt.lineno, stmt.col_offset)
                                  .without_end(None))
                    break
                elif feature not in _FUTURE_FEATURES:
                    errors.append(SyntaxDiagnostic(f'future feature {feature} is not defined',
                                                   stmt.lineno, stmt.col_offset)
                                  .without_end(None))
                    break
            if errors:
                break
            future_lineno = stmt.lineno
        else:
            done = True
    return annotations, errors, future_lineno


def build_blocks(tree, *, compiler_checks: bool = True,
                 top_level_await: bool = False) -> tuple[Block, list[SyntaxDiagnostic]]:
    """Run the scope pass over `tree`; return the top raw block and every diagnostic.
    `top_level_await`: compile()'s PyCF_ALLOW_TOP_LEVEL_AWAIT (the module's own statements
    may await, `async for` and `async with`; the top block is then a coroutine).

    Diagnostics come in the order CPython meets them (future pass, symtable visit, symtable
    analysis, code generation), so the first is what `compile()` raises.
    """
    future_annotations, future_errors, future_lineno = check_future(tree)
    builder = _Builder(future_annotations, compiler_checks, top_level_await)
    builder.future_lineno = future_lineno
    # Trees the parser accepted can nest deeper than the default limit (a.b.c... chains);
    # use the same head-room the parser takes.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 12000))
    try:
        top = builder.run(tree)
    finally:
        sys.setrecursionlimit(limit)
    diagnostics = future_errors + builder.visit_errors + builder.analysis_errors
    if compiler_checks:
        diagnostics += builder.compiler_errors
    return top, diagnostics
