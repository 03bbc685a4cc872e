"""The warnings CPython 3.11's code generator gives about suspicious code, found on the tree.

`syntax_warnings(tree)` returns them as diagnostics (kind 'SyntaxWarning') in the order CPython's
compiler meets them: `"is" with a literal`, `assertion is always true`, and the "perhaps you
missed a comma?" family (calling or subscripting a literal, indexing one with a wrong type).
Literals are judged after CPython's constant folding (`-1`, `(1, 2)` and `'a' * 2` are
constants). `emit_warnings` reports diagnostics through `warnings.warn_explicit`, as CPython
does, so the filters decide and the message and source line print as CPython prints them.
"""

from __future__ import annotations

import operator
import warnings

from ..diagnostics import SyntaxDiagnostic

__all__ = ['emit_warnings', 'parser_warnings', 'syntax_warnings']

_NOT_FOLDED = object()
_MAX_INT_BITS = 128
_MAX_COLLECTION_SIZE = 256
_MAX_STR_SIZE = 4096
_UNARY = {'USub': operator.neg, 'UAdd': operator.pos, 'Invert': operator.invert,
          'Not': operator.not_}
_BINARY = {'Add': operator.add, 'Sub': operator.sub, 'Mult': operator.mul,
           'Div': operator.truediv, 'FloorDiv': operator.floordiv, 'Mod': operator.mod,
           'Pow': operator.pow, 'LShift': operator.lshift, 'RShift': operator.rshift,
           'BitOr': operator.or_, 'BitXor': operator.xor, 'BitAnd': operator.and_}
# infer_type() of compile.c: the type an expression certainly has, from its kind alone
_KIND_TYPES = {'Tuple': tuple, 'List': list, 'ListComp': list, 'Dict': dict, 'DictComp': dict,
               'Set': set, 'SetComp': set, 'GeneratorExp': 'generator', 'Lambda': 'function',
               'JoinedStr': str, 'FormattedValue': str, 'Slice': slice}
_CALL_WARNED = frozenset({'Constant', 'Tuple', 'List', 'ListComp', 'Dict', 'DictComp', 'Set',
                          'SetComp', 'GeneratorExp', 'JoinedStr', 'FormattedValue'})
_SUBSCRIPT_WARNED = frozenset({'Set', 'SetComp', 'GeneratorExp', 'Lambda'})
_INDEXED_KINDS = frozenset({'Tuple', 'List', 'ListComp', 'JoinedStr', 'FormattedValue'})
_SCOPES = frozenset({'FunctionDef', 'AsyncFunctionDef', 'Lambda', 'ClassDef', 'ListComp',
                     'SetComp', 'DictComp', 'GeneratorExp'})


def syntax_warnings(tree, *, future: frozenset = frozenset()) -> list[SyntaxDiagnostic]:
    """Every SyntaxWarning CPython 3.11's compiler emits for `tree`, in its order."""
    finder = _WarningFinder('annotations' in future)
    body = tree.body
    if _is_node(body):  # an 'eval' tree: one expression
        finder.visit(body, 'module')
    else:
        finder.visit_body(body, 'module')
    return finder.found


def parser_warnings(parse_warnings) -> list[SyntaxDiagnostic]:
    """The parser's `(message, lineno)` warnings (invalid escapes: DeprecationWarnings) and
    the tokenizer's `(message, lineno, 'SyntaxWarning', col)` ones as diagnostics."""
    found = []
    for message, lineno, *rest in parse_warnings:
        if rest:  # the tokenizer's: offset and end offset both at the number's end
            kind, col = rest
            found.append(SyntaxDiagnostic(message, lineno, col, lineno, col, kind=kind))
        else:
            found.append(SyntaxDiagnostic(message, lineno, 0, kind='DeprecationWarning'))
    return found


def emit_warnings(diagnostics, filename: str) -> None:
    """Warn as CPython's compiler does: through the filters, attributed to the source file.

    The filters are the program's: its interpreted `warnings` module once it is imported
    (`catch_warnings`, `simplefilter` apply), else the host's, which start as CPython's."""
    if not diagnostics:
        return
    warn_explicit = _program_warnings().warn_explicit
    for diagnostic in diagnostics:
        category = DeprecationWarning if diagnostic.kind == 'DeprecationWarning' \
            else SyntaxWarning
        try:
            warn_explicit(diagnostic.message, category, filename, diagnostic.lineno)
        except category:
            # a filter turned it into an error: CPython raises a SyntaxError there instead
            import linecache  # rare: not every start-up

            text = linecache.getline(filename, diagnostic.lineno) or None
            raise diagnostic.to_exception(filename, text) from None


def _program_warnings():
    try:
        from ..imports.system import import_state

        module = import_state().modules.get('warnings')
    except Exception:  # noqa: BLE001 - no import system running (the compiler used alone)
        module = None
    return module if module is not None else warnings


def _is_node(value) -> bool:
    return hasattr(value, '_fields')


def _type_name(kind) -> str:
    return kind if isinstance(kind, str) else kind.__name__


def folded(node):
    """The constant CPython's AST optimizer folds `node` to, or `_NOT_FOLDED`."""
    kind = type(node).__name__
    if kind == 'Constant':
        return node.value
    if kind == 'UnaryOp':
        operand = folded(node.operand)
        if operand is _NOT_FOLDED:
            return _NOT_FOLDED
        return _safely(_UNARY[type(node.op).__name__], operand)
    if kind == 'BinOp':
        left, right = folded(node.left), folded(node.right)
        if left is _NOT_FOLDED or right is _NOT_FOLDED:
            return _NOT_FOLDED
        op = type(node.op).__name__
        if not _safe_binary(op, left, right):
            return _NOT_FOLDED
        return _safely(_BINARY[op], left, right)
    if kind == 'Tuple' and type(node.ctx).__name__ == 'Load':
        items = [folded(e) for e in node.elts]
        if any(item is _NOT_FOLDED for item in items):
            return _NOT_FOLDED
        return tuple(items)
    if kind == 'Subscript' and type(node.ctx).__name__ == 'Load':
        value, index = folded(node.value), folded(node.slice)
        if value is _NOT_FOLDED or index is _NOT_FOLDED:
            return _NOT_FOLDED
        return _safely(operator.getitem, value, index)
    return _NOT_FOLDED


def _safely(function, *args):
    try:
        return function(*args)
    except Exception:  # noqa: BLE001 - a failing fold is left to run time, as CPython does
        return _NOT_FOLDED


def _safe_binary(op: str, left, right) -> bool:
    """ast_opt.c's limits: no huge ints, strings or collections built at compile time."""
    if op == 'Mult':
        for count, sized in ((left, right), (right, left)):
            if isinstance(count, int) and isinstance(sized, (str, bytes, tuple, frozenset)):
                limit = _MAX_COLLECTION_SIZE if isinstance(sized, tuple) else _MAX_STR_SIZE
                return count <= 0 or (len(sized) <= limit // count)
        if isinstance(left, int) and isinstance(right, int):
            return left.bit_length() + right.bit_length() <= _MAX_INT_BITS
    if op == 'Pow' and isinstance(left, int) and isinstance(right, int):
        return right < 0 or left.bit_length() * right <= _MAX_INT_BITS
    if op == 'LShift' and isinstance(left, int) and isinstance(right, int):
        return right < 0 or right <= _MAX_INT_BITS and left.bit_length() <= _MAX_INT_BITS - right
    if op == 'Add' and isinstance(left, (str, bytes)) and isinstance(right, (str, bytes)):
        return len(left) + len(right) <= _MAX_STR_SIZE
    return True


def _inferred_type(node):
    value = folded(node)
    if value is not _NOT_FOLDED:
        return type(value)
    return _KIND_TYPES.get(type(node).__name__)


class _WarningFinder:
    """Walks the tree as CPython's code generator does: in its order, and compiling a
    `finally` body (and a `while` test) again wherever CPython emits it again."""

    def __init__(self, future_annotations: bool) -> None:
        self.future_annotations = future_annotations
        self.found: list[SyntaxDiagnostic] = []
        # enclosing 'loop' markers and `finally` bodies, innermost last (CPython's fblocks)
        self.blocks: list = []

    def warn(self, message: str, node) -> None:
        self.found.append(SyntaxDiagnostic(message, node.lineno, node.col_offset,
                                           node.end_lineno, node.end_col_offset,
                                           kind='SyntaxWarning'))

    def visit_body(self, statements, scope: str) -> None:
        for statement in statements or ():
            self.visit(statement, scope)

    def visit(self, node, scope: str) -> None:
        kind = type(node).__name__
        method = getattr(self, 'visit_' + kind, None)
        if method is not None:
            method(node, scope)
        else:
            self.check(node, kind)
            self.visit_children(node, scope)

    def visit_children(self, node, scope: str) -> None:
        for field in node._fields:
            value = getattr(node, field, None)
            for item in value if isinstance(value, list) else [value]:
                if _is_node(item):
                    self.visit(item, scope)

    def check(self, node, kind: str) -> None:
        if kind == 'Compare':
            self.check_compare(node)
        elif kind == 'Call':
            self.check_caller(node.func, node)
        elif kind == 'Subscript' and type(node.ctx).__name__ == 'Load':
            self.check_subscript(node)

    def check_compare(self, node) -> None:
        left = _is_argument_of_is(node.left)
        for op, comparator in zip(node.ops, node.comparators):
            right = _is_argument_of_is(comparator)
            op_name = type(op).__name__
            if op_name in ('Is', 'IsNot') and not (left and right):
                self.warn('"is" with a literal. Did you mean "=="?' if op_name == 'Is'
                          else '"is not" with a literal. Did you mean "!="?', node)
                return
            left = right

    def check_caller(self, func, call) -> None:
        kind = type(func).__name__
        value = folded(func)
        if kind in _CALL_WARNED or value is not _NOT_FOLDED:
            name = _type_name(_inferred_type(func))
            self.warn(f"'{name}' object is not callable; perhaps you missed a comma?", call)

    def check_subscript(self, node) -> None:
        value_node = node.value
        kind = type(value_node).__name__
        value = folded(value_node)
        if value is not _NOT_FOLDED:
            # (PyLong_Check and PyAnySet_Check: bools and sets too)
            if value is None or value is Ellipsis or isinstance(value, (int, float, complex,
                                                                        frozenset, set)):
                self.warn(f"'{type(value).__name__}' object is not subscriptable; perhaps you "
                          f'missed a comma?', node)
                return
        elif kind in _SUBSCRIPT_WARNED:
            name = _type_name(_KIND_TYPES[kind])
            self.warn(f"'{name}' object is not subscriptable; perhaps you missed a comma?",
                      node)
            return
        index_type = _inferred_type(node.slice)
        # ('generator' and 'function' are types too, named by their strings here)
        if index_type is None or index_type is slice or (
                not isinstance(index_type, str) and issubclass(index_type, int)):
            return
        if value is not _NOT_FOLDED:
            if not isinstance(value, (str, bytes, tuple)):
                return
        elif kind not in _INDEXED_KINDS:
            return
        self.warn(f'{_type_name(_inferred_type(value_node))} indices must be integers or '
                  f'slices, not {_type_name(index_type)}; perhaps you missed a comma?', node)

    # statements and expressions compiled in an order (or a number of times) of their own

    def visit_Assign(self, node, scope: str) -> None:
        self.visit(node.value, scope)
        for target in node.targets:
            self.visit(target, scope)

    def visit_Dict(self, node, scope: str) -> None:
        for key, value in zip(node.keys, node.values):
            if key is not None:
                self.visit(key, scope)
            self.visit(value, scope)

    def visit_While(self, node, scope: str) -> None:
        # 3.11 compiles the test before the body and again after it
        self.visit(node.test, scope)
        self.loop_body(node.body, scope)
        self.visit(node.test, scope)
        self.visit_body(node.orelse, scope)

    def visit_For(self, node, scope: str) -> None:
        self.visit(node.iter, scope)
        self.visit(node.target, scope)
        self.loop_body(node.body, scope)
        self.visit_body(node.orelse, scope)

    visit_AsyncFor = visit_For

    def loop_body(self, body, scope: str) -> None:
        self.blocks.append('loop')
        try:
            self.visit_body(body, scope)
        finally:
            self.blocks.pop()

    def visit_Try(self, node, scope: str) -> None:
        if node.finalbody:
            self.blocks.append(node.finalbody)
        try:
            self.visit_body(node.body, scope)
            self.visit_body(node.orelse, scope)
            for handler in node.handlers:
                self.visit(handler, scope)
        finally:
            if node.finalbody:
                self.blocks.pop()
        for _ in range(2):  # the normal path and the exceptional one
            self.visit_body(node.finalbody, scope)

    visit_TryStar = visit_Try

    def unwind(self, scope: str, *, to_loop: bool) -> None:
        """`return`, `break` and `continue` compile the `finally` bodies they leave."""
        saved = self.blocks
        try:
            for index in range(len(saved) - 1, -1, -1):
                block = saved[index]
                if block == 'loop':
                    if to_loop:
                        return
                    continue
                self.blocks = saved[:index]
                self.visit_body(block, scope)
        finally:
            self.blocks = saved

    def visit_Return(self, node, scope: str) -> None:
        if node.value is not None:
            self.visit(node.value, scope)
        self.unwind(scope, to_loop=False)

    def visit_Break(self, node, scope: str) -> None:
        self.unwind(scope, to_loop=True)

    visit_Continue = visit_Break

    def visit_Assert(self, node, scope: str) -> None:
        test = node.test
        if type(test).__name__ == 'Tuple' and test.elts:
            self.warn('assertion is always true, perhaps remove parentheses?', node)
        self.visit(test, scope)
        if node.msg is not None:
            self.visit(node.msg, scope)

    def visit_arguments_of(self, node, scope: str) -> None:
        args = node.args
        for default in [*args.defaults, *(d for d in args.kw_defaults if d is not None)]:
            self.visit(default, scope)

    def visit_annotations_of(self, node, scope: str) -> None:
        if self.future_annotations:
            return
        args = node.args
        every = [*args.args, *args.posonlyargs, args.vararg, *args.kwonlyargs, args.kwarg]
        for arg in every:
            if arg is not None and arg.annotation is not None:
                self.visit(arg.annotation, scope)
        if getattr(node, 'returns', None) is not None:
            self.visit(node.returns, scope)

    def in_new_scope(self, visit) -> None:
        saved = self.blocks
        self.blocks = []
        try:
            visit()
        finally:
            self.blocks = saved

    def visit_FunctionDef(self, node, scope: str) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator, scope)
        self.visit_arguments_of(node, scope)
        self.visit_annotations_of(node, scope)
        self.in_new_scope(lambda: self.visit_body(node.body, 'function'))

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node, scope: str) -> None:
        self.visit_arguments_of(node, scope)
        self.in_new_scope(lambda: self.visit(node.body, 'function'))

    def visit_ClassDef(self, node, scope: str) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator, scope)
        self.in_new_scope(lambda: self.visit_body(node.body, 'class'))
        for base in node.bases:
            self.visit(base, scope)
        for keyword in node.keywords:
            self.visit(keyword.value, scope)

    def visit_comprehension_node(self, node, scope: str) -> None:
        # the body is compiled in its own scope first; the first iterable after, outside it
        def body() -> None:
            for index, generator in enumerate(node.generators):
                if index:
                    self.visit(generator.iter, 'function')
                self.visit(generator.target, 'function')
                for condition in generator.ifs:
                    self.visit(condition, 'function')
            for part in ('elt', 'key', 'value'):
                if getattr(node, part, None) is not None:
                    self.visit(getattr(node, part), 'function')

        self.in_new_scope(body)
        self.visit(node.generators[0].iter, scope)

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = \
        visit_comprehension_node

    def visit_AnnAssign(self, node, scope: str) -> None:
        if node.value is not None:
            self.visit(node.value, scope)
        self.visit(node.target, scope)
        # annotations are evaluated only in modules and classes
        if not self.future_annotations and scope != 'function':
            self.visit(node.annotation, scope)

    def visit_Constant(self, node, scope: str) -> None:
        return


def _is_argument_of_is(node) -> bool:
    """check_is_arg(): not a literal (None, True, False and ... are fine)."""
    value = folded(node)
    return value is _NOT_FOLDED or value is None or value is True or value is False \
        or value is Ellipsis
