"""Expressions: names, attributes, subscripts, operators, calls, displays, f-strings."""

from __future__ import annotations

import builtins as host_builtins
import types as host_types

from ..runtime.c_calls import profiled_callee, profiling
from ..runtime.frames import UNBOUND
from ..runtime.templates import as_defaults, instantiate
from ..runtime.tracebacks import MEMPHIS_ATTRIBUTES, memphis_attribute
from ..runtime.type_creation import (
    TYPE_CREATORS,
    calls_function_type,
    function_from_code,
    may_create_type,
    module_naming,
)
from .constants import NOT_CONSTANT, constant_value, shared_constant
from .operators import (
    BINARY,
    COMPARE,
    NOTE,
    UNARY,
    binary_closure,
    compare_closure,
    failing_node,
    operand_text,
    unary_closure,
)
from .scope import ScopeKind

__all__ = ['ExpressionCompiler', 'load_name', 'name_error', 'unbound_free', 'unbound_local']

_BUILTIN_NAMES = frozenset(dir(host_builtins))
_host_super = super
_DISPLAY_TEMPLATE_LIMIT = 24
# operations nested in one operator-tree template (each adds a pair of parentheses)
_TREE_DEPTH = 48


def _debug_constant(f):
    return True


class _DeepSubtree:
    """An operand of an operator tree that is a subtree too deep for the same template."""

    __slots__ = ('node',)

    def __init__(self, node) -> None:
        self.node = node


_TYPE_NAMES = {'type_creators': TYPE_CREATORS, 'module_naming': module_naming,
               'function_type': host_types.FunctionType, 'function_from_code': function_from_code,
               'profiling': profiling, 'profiled_callee': profiled_callee}
# (an instrumented call: a built-in called while its thread profiles reports 'c_call',
# 'c_return' or 'c_exception', runtime.c_calls)
_PROFILED = ('        if profiling[0]:\n'
             '            function = profiled_callee(f, function)\n')


def _type_check(node) -> str:
    """Template lines making a call of `type`/`type.__new__` name the caller's module (only in
    calls whose arguments can be a class's name, bases and namespace), and a call of
    `types.FunctionType` make a Memphis function of a Memphis code object."""
    unpacked = any(type(a).__name__ == 'Starred' for a in node.args) or any(
        k.arg is None for k in node.keywords)
    lines = ''
    if calls_function_type(node.func):
        lines = ('        if function is function_type:\n'
                 '            function = function_from_code\n')
    if not may_create_type(len(node.args), unpacked):
        return lines
    return lines + ('        if function is type_creators[0] or function is type_creators[1]:\n'
                    '            function = module_naming(f, function)\n')


def name_error(name: str) -> NameError:
    return NameError(f"name '{name}' is not defined", name=name)


def unbound_local(name: str) -> UnboundLocalError:
    return UnboundLocalError(
        f"cannot access local variable '{name}' where it is not associated with a value")


def unbound_free(name: str) -> NameError:
    return NameError(f"cannot access free variable '{name}' where it is not associated with a "
                     'value in enclosing scope')


class ExpressionCompiler:
    """Mixin: `expr_<NodeClass>` for every expression node."""

    # operands and names

    def operand(self, node):
        """(shape, value) of an operand for the operator templates (see operators.py)."""
        kind = type(node).__name__
        if self.instrument:
            return 'x', self.expr(node)  # each operand may report its line (trace_lines)
        if kind == 'Constant':
            return 'c', shared_constant(self.scope.constants, node.value)
        if kind == 'Name' and self.scope.kind == ScopeKind.FUNCTION:
            name = self.scope.mangle(node.id)
            if self.scope.resolve(name) == 'fast' and self.always_bound(name):
                return 'l', self.scope.slots[name]
        return 'x', self.expr(node)

    def simple_operand(self, node):
        """('c', value) or ('l', slot) if `node` is a constant or an always-bound local."""
        if self.instrument:
            return None
        kind = type(node).__name__
        if kind == 'Constant':
            return 'c', shared_constant(self.scope.constants, node.value)
        if kind == 'Name' and self.scope.kind == ScopeKind.FUNCTION:
            name = self.scope.mangle(node.id)
            if self.scope.resolve(name) == 'fast' and self.always_bound(name):
                return 'l', self.scope.slots[name]
        return None

    def operator_tree(self, node, spans: dict, values: list, depth: int = 0):
        """Source text for a tree of operators over constants and always-bound locals, or None.

        `values` collects what the text refers to as T0, T1, ...; `spans` maps the
        (start, end) columns of each operation within the text to its node (parentheses
        excluded, as in the host's positions). A subtree deeper than `_TREE_DEPTH` is its own
        closure (the host's parser refuses more than 200 nested parentheses; sympy's
        polyquinticconst nests over 400 operations).
        """
        simple = self.simple_operand(node)
        if simple is not None:
            values.append(simple[1])
            return operand_text(simple[0], f'T{len(values) - 1}')
        if depth >= _TREE_DEPTH and type(node).__name__ in ('BinOp', 'Compare', 'UnaryOp',
                                                             'Attribute'):
            # compiled by tree_closure once the whole tree is known to be a template: a tree
            # that fails is retried operand by operand, which would compile it again and again
            values.append(_DeepSubtree(node))
            return operand_text('x', f'T{len(values) - 1}')
        kind = type(node).__name__
        if kind == 'BinOp' and type(node.op).__name__ in BINARY:
            parts = [(node.left, None), (node.right, BINARY[type(node.op).__name__])]
        elif kind == 'Compare' and len(node.ops) == 1:
            parts = [(node.left, None), (node.comparators[0], COMPARE[type(node.ops[0]).__name__])]
        elif kind == 'UnaryOp' and type(node.op).__name__ in ('USub', 'UAdd', 'Invert'):
            parts = [(node.operand, UNARY[type(node.op).__name__])]
        elif kind == 'Attribute' and node.attr not in MEMPHIS_ATTRIBUTES:
            inner: dict = {}
            value_text = self.operator_tree(node.value, inner, values, depth + 1)
            if value_text is None:
                return None
            spans.update(inner)
            text = f'{value_text}.{self.scope.mangle(node.attr)}'
            spans[(0, len(text))] = node
            return text
        else:
            return None
        text = '('
        for child, symbol in parts:
            if symbol is not None:
                text += f' {symbol} ' if len(parts) == 2 else symbol
            inner: dict = {}
            child_text = self.operator_tree(child, inner, values, depth + 1)
            if child_text is None:
                return None
            spans.update({(start + len(text), end + len(text)): n
                          for (start, end), n in inner.items()})
            text += child_text
        text += ')'
        spans[(1, len(text) - 1)] = node
        return text

    def tree_closure(self, node):
        """One closure for a whole operator tree (two or more operations), or None."""
        if self.instrument:
            return None  # each operation may report its line (trace_lines)
        spans, values = {}, []
        text = self.operator_tree(node, spans, values)
        if text is None or len(spans) < 2:
            return None
        values = [self.expr(value.node) if type(value) is _DeepSubtree else value
                  for value in values]  # a deep subtree's closure notes its own failures
        names = ''.join(f'T{i}, ' for i in range(len(values)))
        prefix = '            return '
        source = (f'def make({names}node, spans, failing_node):\n'
                  f'    def operators(f, {as_defaults(names + "node, spans, failing_node")}):\n'
                  f'        try:\n'
                  f'{prefix}{text}\n'
                  f'        except BaseException as e:\n'
                  f'            if f.exc is not e:\n'
                  f'                f.exc = e\n'
                  f'                f.exc_node = failing_node(node, spans, e, {len(prefix)})\n'
                  f'            raise\n'
                  f'    return operators\n')
        return instantiate(source, 'make')(*values, node, spans, failing_node)

    def inline_operation(self, node, prefix: str = 'B', suffix: str = ''):
        """(source text, values) for one operation (binary, comparison, attribute, subscript).

        Statements embed the text in their own template (one host frame less); the values
        are passed as B0, B1. Operands are inlined when simple and closures otherwise; a closure
        notes its own failures first, so only the operation itself is noted at this node and
        the position stays exact. Operands are compiled once (cached), whoever asks.
        """
        if self.instrument:
            return None  # the operation and its operands may report lines (trace_lines)
        kind = type(node).__name__
        if kind == 'BinOp' and type(node.op).__name__ in BINARY:
            children = (node.left, node.right)
            text = '{0} ' + BINARY[type(node.op).__name__] + ' {1}'
        elif kind == 'Compare' and len(node.ops) == 1:
            children = (node.left, node.comparators[0])
            text = '{0} ' + COMPARE[type(node.ops[0]).__name__] + ' {1}'
        elif kind == 'Attribute' and node.attr not in MEMPHIS_ATTRIBUTES:
            children = (node.value,)
            text = '{0}.' + self.scope.mangle(node.attr)
        elif kind == 'Subscript':
            children = (node.value, node.slice)
            text = '{0}[{1}]'
        else:
            return None
        operands = self.inline_operands.get(id(node))
        if operands is None:
            operands = self.inline_operands[id(node)] = [self.operand(c) for c in children]
        names = [operand_text(shape, f'{prefix}{i}{suffix}')
                 for i, (shape, _) in enumerate(operands)]
        return text.format(*names), [value for _, value in operands]

    def always_bound(self, name: str) -> bool:
        """Whether a local's slot can be read without an unbound check at this point.

        True for a parameter that is never deleted, and for a never-deleted local that an
        earlier top-level statement of the function binds unconditionally.
        """
        if name in self.scope.deleted:
            return False
        if name in self.scope.params or name in self.loop_bound:
            return True
        if self.instrument:
            # a debugger or trace function may jump over the binding statement (tracing.JumpTo)
            return False
        bound_at = self.bound_at.get(name)
        return bound_at is not None and self.top_index > bound_at

    def expr_Constant(self, node):
        value = shared_constant(self.scope.constants, node.value)
        return lambda f, value=value: value

    def expr_Name(self, node):
        if node.id == '__debug__':
            # a constant (CPython's AST optimizer folds it, True unless optimizing, where
            # compiler.optimization made it the constant False), not the builtin's value
            return _debug_constant
        name = self.scope.mangle(node.id)
        how = self.scope.resolve(name)
        if how == 'fast':
            return self.load_fast(name, node)
        if how == 'deref':
            return self.load_deref(name, node)
        if how == 'global':
            return _load_global(name, node)
        if how == 'classderef':
            return _load_classderef(name, self.scope.slots[name], node)
        return load_name(name, node)

    def load_fast(self, name: str, node):
        slot = self.scope.slots[name]
        if self.always_bound(name):
            return lambda f, slot=slot: f.fast[slot]

        def load_fast(f, slot=slot, name=name, node=node):
            value = f.fast[slot]
            if value is UNBOUND:
                error = unbound_local(name)
                if f.exc is not error:
                    f.exc = error
                    f.exc_node = node
                raise error
            return value

        return load_fast

    def load_deref(self, name: str, node):
        slot = self.scope.slots[name]
        free = name in self.scope.frees

        def load_deref(f, slot=slot, name=name, node=node, free=free):
            try:
                return f.fast[slot].cell_contents
            except ValueError:
                pass
            error = unbound_free(name) if free else unbound_local(name)
            f.exc = error
            f.exc_node = node
            raise error

        return load_deref

    # attributes, subscripts, slices

    def expr_Attribute(self, node):
        if node.attr in MEMPHIS_ATTRIBUTES:
            # tracebacks and code objects, as interpreted code sees them, are Memphis's
            return memphis_attribute(self.expr(node.value), node.attr, node)
        shape, value = self.operand(node.value)
        attr = self.scope.mangle(node.attr)
        source = (f'def make(A, node):\n'
                  f'    def attribute(f, A=A, node=node):\n'
                  f'        try:\n'
                  f'            return {operand_text(shape, "A")}.{attr}\n'
                  f'{NOTE}'
                  f'    return attribute\n')
        return instantiate(source, 'make')(value, node)

    def expr_Subscript(self, node):
        a = self.operand(node.value)
        b = self.operand(node.slice)
        source = (f'def make(A, B, node):\n'
                  f'    def subscript(f, A=A, B=B, node=node):\n'
                  f'        try:\n'
                  f'            return {operand_text(a[0], "A")}[{operand_text(b[0], "B")}]\n'
                  f'{NOTE}'
                  f'    return subscript\n')
        return instantiate(source, 'make')(a[1], b[1], node)

    def expr_Slice(self, node):
        parts = [self.expr(part) if part is not None else None
                 for part in (node.lower, node.upper, node.step)]
        lower, upper, step = (p or _none for p in parts)
        return lambda f: slice(lower(f), upper(f), step(f))

    # operators

    def expr_BinOp(self, node):
        op = type(node.op).__name__
        if op not in BINARY:
            raise AssertionError(op)
        tree = self.tree_closure(node)
        if tree is not None:
            return tree
        return binary_closure(op, self.operand(node.left), self.operand(node.right), node)

    def expr_UnaryOp(self, node):
        op = type(node.op).__name__
        value = constant_value(node)
        if value is not NOT_CONSTANT:
            value = shared_constant(self.scope.constants, value)
            return lambda f: value
        return unary_closure(op, self.operand(node.operand), node)

    def expr_BoolOp(self, node):
        values = tuple(self.expr(v) for v in node.values)
        if type(node.op).__name__ == 'And':
            if len(values) == 2:
                first, second = values
                return lambda f: first(f) and second(f)

            def and_(f):
                for value in values:
                    result = value(f)
                    if not result:
                        return result
                return result

            return and_
        if len(values) == 2:
            first, second = values
            return lambda f: first(f) or second(f)

        def or_(f):
            for value in values:
                result = value(f)
                if result:
                    return result
            return result

        return or_

    def expr_Compare(self, node):
        ops = [type(op).__name__ for op in node.ops]
        tree = self.tree_closure(node) if len(ops) == 1 else None
        if tree is not None:
            return tree
        if len(ops) == 1:
            return compare_closure(ops[0], self.operand(node.left),
                                   self.operand(node.comparators[0]), node)
        left = self.expr(node.left)
        steps = tuple((compare_closure(op, ('x', _first_of), ('x', _second_of), node),
                       self.expr(right)) for op, right in zip(ops, node.comparators))
        last = len(steps) - 1

        def chained(f):
            value = left(f)
            for index, (compare, right) in enumerate(steps):
                right_value = right(f)
                f.temps = (value, right_value)
                try:
                    result = compare(f)
                finally:
                    f.temps = None  # a reused frame must not keep the operands alive
                if index == last or not result:
                    return result
                value = right_value

        return chained

    def expr_IfExp(self, node):
        test, body, orelse = self.expr(node.test), self.expr(node.body), self.expr(node.orelse)
        return lambda f: body(f) if test(f) else orelse(f)

    def expr_NamedExpr(self, node):
        value = self.expr(node.value)
        store = self.store(node.target)

        def named(f):
            result = value(f)
            store(f, result)
            return result

        return named

    # calls

    def expr_Call(self, node, *, statement: bool = False):
        """A call; as an expression statement (`statement`) the closure returns None."""
        func = node.func
        if (type(func).__name__ == 'Name' and func.id == 'super' and not node.args
                and not node.keywords):
            make_super = self.zero_argument_super(node)
            if statement:
                def super_statement(f):
                    make_super(f)

                return super_statement
            return make_super
        fetch, callee = self.callee(func)
        arguments = [a.value if type(a).__name__ == 'Starred' else a for a in node.args]
        arguments += [k.value for k in node.keywords]
        if any(self.inline_operation(a) is not None for a in arguments):
            return self.call_with_inline_arguments(node, fetch, callee, statement)
        pieces, values = [], [callee]
        for arg in node.args:
            if type(arg).__name__ == 'Starred':
                shape, value = self.operand(arg.value)
                pieces.append('*' + operand_text(shape, f'A{len(values)}'))
            else:
                shape, value = self.operand(arg)
                pieces.append(operand_text(shape, f'A{len(values)}'))
            values.append((shape, value))
        for keyword in node.keywords:
            shape, value = self.operand(keyword.value)
            text = operand_text(shape, f'A{len(values)}')
            pieces.append(f'**{text}' if keyword.arg is None else f'{keyword.arg}={text}')
            values.append((shape, value))
        names = ', '.join(f'A{i}' for i in range(len(values)))
        source = (f'def make({names}, node, callee_node):\n'
                  f'    def call(f, {as_defaults(names + ", node, callee_node")}):\n'
                  f'{fetch}'
                  f'{_type_check(node)}'
                  f'{_PROFILED if self.instrument else ""}'
                  f'        try:\n'
                  f'            {"" if statement else "return "}function({", ".join(pieces)})\n'
                  f'{NOTE}'
                  f'    return call\n')
        return instantiate(source, 'make', _TYPE_NAMES)(*(value for _, value in values), node,
                                                        func)

    def call_with_inline_arguments(self, node, fetch, callee, statement: bool):
        """A call some of whose arguments are single operations, evaluated inline in order.

        Each argument goes to a temporary first (keeping CPython's left-to-right order); an
        inline operation has its own `try`, so a failure is reported at that argument.
        """
        values = {'A0': callee[1]}
        lines, pieces = [], []
        items = [(a.value, '*') if type(a).__name__ == 'Starred' else (a, '') for a in node.args]
        items += [(k.value, '**' if k.arg is None else f'{k.arg}=') for k in node.keywords]
        for index, (argument, how) in enumerate(items):
            inline = self.inline_operation(argument, prefix=f'C{index}_')
            if inline is not None:
                text, inline_values = inline
                values.update({f'C{index}_{i}': v for i, v in enumerate(inline_values)})
                values[f'N{index}'] = argument
                lines.append(f'        try:\n'
                             f'            t{index} = {text}\n'
                             f'        except BaseException as e:\n'
                             f'            if f.exc is not e:\n'
                             f'                f.exc = e\n'
                             f'                f.exc_node = N{index}\n'
                             f'            raise\n')
            else:
                shape, value = self.operand(argument)
                values[f'A{index + 1}'] = value
                lines.append(f'        t{index} = {operand_text(shape, f"A{index + 1}")}\n')
            pieces.append(f'{how}t{index}')
        names = ''.join(f'{name}, ' for name in values)
        source = (f'def make({names}node, callee_node):\n'
                  f'    def call(f, {as_defaults(names + "node, callee_node")}):\n'
                  f'{fetch}'
                  f'{"".join(lines)}'
                  f'{_type_check(node)}'
                  f'{_PROFILED if self.instrument else ""}'
                  f'        try:\n'
                  f'            {"" if statement else "return "}function({", ".join(pieces)})\n'
                  f'{NOTE}'
                  f'    return call\n')
        return instantiate(source, 'make', _TYPE_NAMES)(*values.values(), node, node.func)

    def callee(self, func):
        """Template lines loading the called object into `function`, and operand A0.

        A global name is looked up inline (no closure call); a method is fetched inline with
        its own position, as CPython reports a failing attribute under the attribute only.
        """
        kind = type(func).__name__
        if kind == 'Name' and self.scope.kind == ScopeKind.FUNCTION and not self.instrument \
                and self.scope.resolve(self.scope.mangle(func.id)) == 'global':
            # (not when traced: the name's load may report its line, trace_lines)
            # the name is a literal of the template: no tuple to index on each call
            name = repr(self.scope.mangle(func.id))
            fetch = ('        function = f.f_globals\n'
                     f'        function = function[{name}] if {name} in function else A0(f)\n')
            return fetch, ('c', self.expr(func))
        if kind == 'Attribute' and func.attr not in MEMPHIS_ATTRIBUTES:
            attr = self.scope.mangle(func.attr)
            inline = self.inline_operation(func.value, prefix='A0[', suffix=']')
            if inline is not None:
                # `obj.attr.method(...)`: the receiver is one operation, fetched in its own try
                text, values = inline
                fetch = ('        try:\n'
                         f'            function = {text}\n'
                         '        except BaseException as e:\n'
                         '            if f.exc is not e:\n'
                         '                f.exc = e\n'
                         '                f.exc_node = A0[-1]\n'
                         '            raise\n'
                         '        try:\n'
                         f'            function = function.{attr}\n'
                         '        except BaseException as e:\n'
                         '            if f.exc is not e:\n'
                         '                f.exc = e\n'
                         '                f.exc_node = callee_node\n'
                         '            raise\n')
                return fetch, ('c', (*values, func.value))
            shape, value = self.operand(func.value)
            fetch = ('        try:\n'
                     f'            function = {operand_text(shape, "A0")}.{attr}\n'
                     '        except BaseException as e:\n'
                     '            if f.exc is not e:\n'
                     '                f.exc = e\n'
                     '                f.exc_node = callee_node\n'
                     '            raise\n')
            return fetch, (shape, value)
        shape, value = self.operand(func)
        return f'        function = {operand_text(shape, "A0")}\n', (shape, value)

    def zero_argument_super(self, node):
        load_super = self.expr(node.func)
        class_slot = self.scope.slots.get('__class__') if '__class__' in self.scope.frees else None
        params = self.scope.params if self.scope.kind == ScopeKind.FUNCTION else []
        first_slot = 0 if params else None
        first_is_cell = bool(params) and params[0] in self.scope.cells

        def call_super(f):
            try:
                function = load_super(f)
                if function is not _host_super:
                    return function()
                if first_slot is None:
                    raise RuntimeError('super(): no arguments')
                if class_slot is None:
                    raise RuntimeError('super(): __class__ cell not found')
                try:
                    cls = f.fast[class_slot].cell_contents
                except ValueError:
                    raise RuntimeError('super(): empty __class__ cell') from None
                first = f.fast[first_slot]
                if first_is_cell:
                    try:
                        first = first.cell_contents
                    except ValueError:
                        raise RuntimeError('super(): arg[0] deleted') from None
                if first is UNBOUND:
                    raise RuntimeError('super(): arg[0] deleted')
                return _host_super(cls, first)
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = node
                raise

        return call_super

    # displays

    def display(self, node, elements, opener: str, closer: str):
        """A list, tuple or set display, with starred items, built by host syntax."""
        if len(elements) > _DISPLAY_TEMPLATE_LIMIT and not any(
                type(e).__name__ == 'Starred' for e in elements):
            items = tuple(self.expr(e) for e in elements)
            build = {'[': list, '(': tuple, '{': set}[opener]
            return lambda f: build([item(f) for item in items])
        pieces, values = [], []
        for element in elements:
            if type(element).__name__ == 'Starred':
                shape, value = self.operand(element.value)
                pieces.append('*' + operand_text(shape, f'A{len(values)}'))
            else:
                shape, value = self.operand(element)
                pieces.append(operand_text(shape, f'A{len(values)}'))
            values.append(value)
        if opener == '(' and len(pieces) == 1:
            pieces.append('')
        if opener == '{' and not pieces:
            return lambda f: set()
        names = ''.join(f'A{i}, ' for i in range(len(values)))
        source = (f'def make({names}node):\n'
                  f'    def display(f, {as_defaults(names + "node")}):\n'
                  f'        try:\n'
                  f'            return {opener}{", ".join(pieces)}{closer}\n'
                  f'{NOTE}'
                  f'    return display\n')
        return instantiate(source, 'make')(*values, node)

    def expr_List(self, node):
        return self.display(node, node.elts, '[', ']')

    def expr_Tuple(self, node):
        value = constant_value(node)
        if value is not NOT_CONSTANT:
            value = shared_constant(self.scope.constants, value)
            return lambda f: value
        return self.display(node, node.elts, '(', ')')

    def expr_Set(self, node):
        return self.display(node, node.elts, '{', '}')

    def expr_Dict(self, node):
        if len(node.keys) > _DISPLAY_TEMPLATE_LIMIT and None not in node.keys:
            pairs = tuple((self.expr(k), self.expr(v)) for k, v in zip(node.keys, node.values))

            def big_dict(f):
                result = {}
                for key, value in pairs:
                    k = key(f)  # the key first, as CPython
                    result[k] = value(f)
                return result

            return big_dict
        pieces, values = [], []
        for key, value in zip(node.keys, node.values):
            if key is None:
                shape, closure = self.operand(value)
                pieces.append('**' + operand_text(shape, f'A{len(values)}'))
                values.append(closure)
            else:
                key_shape, key_closure = self.operand(key)
                value_shape, value_closure = self.operand(value)
                pieces.append(f'{operand_text(key_shape, f"A{len(values)}")}: '
                              f'{operand_text(value_shape, f"A{len(values) + 1}")}')
                values.extend((key_closure, value_closure))
        names = ''.join(f'A{i}, ' for i in range(len(values)))
        source = (f'def make({names}node):\n'
                  f'    def dict_display(f, {as_defaults(names + "node")}):\n'
                  f'        try:\n'
                  f'            return {{{", ".join(pieces)}}}\n'
                  f'{NOTE}'
                  f'    return dict_display\n')
        return instantiate(source, 'make')(*values, node)

    def expr_Starred(self, node):
        raise SyntaxError("can't use starred expression here")

    # f-strings

    def expr_JoinedStr(self, node):
        parts = tuple(self.expr(v) for v in node.values)
        if len(parts) == 1:
            return parts[0]
        return lambda f: ''.join([part(f) for part in parts])

    def expr_FormattedValue(self, node):
        value = self.expr(node.value)
        spec = self.expr(node.format_spec) if node.format_spec is not None else None
        convert = {-1: None, 115: str, 114: repr, 97: ascii}[node.conversion]

        def formatted(f):
            try:
                result = value(f)
                if convert is not None:
                    result = convert(result)
                if spec is None:
                    return result if type(result) is str else format(result)
                return format(result, spec(f))
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = node
                raise

        return formatted


def _none(f):
    return None


def _first_of(f):
    return f.temps[0]


def _second_of(f):
    return f.temps[1]


def _load_global(name: str, node):
    if name in _BUILTIN_NAMES:
        def load_global(f, name=name, node=node):
            globals_ = f.f_globals
            if name in globals_:
                return globals_[name]
            builtins = f.f_builtins
            if name in builtins:
                return builtins[name]
            error = name_error(name)
            f.exc = error
            f.exc_node = node
            raise error

        return load_global

    def load_global(f, name=name, node=node):
        try:
            return f.f_globals[name]
        except KeyError:
            pass
        try:
            return f.f_builtins[name]
        except KeyError:
            pass
        error = name_error(name)
        f.exc = error
        f.exc_node = node
        raise error

    return load_global


def load_name(name: str, node):
    """LOAD_NAME: the namespace, then the globals, then the builtins; else NameError."""

    def load_name(f):
        names = f.names
        if names is not f.f_globals:
            try:
                return names[name]
            except KeyError:
                pass
        globals_ = f.f_globals
        if name in globals_:
            return globals_[name]
        builtins = f.f_builtins
        if name in builtins:
            return builtins[name]
        error = name_error(name)
        f.exc = error
        f.exc_node = node
        raise error

    return load_name


def _load_classderef(name: str, slot: int, node):
    def load_classderef(f):
        try:
            return f.names[name]
        except KeyError:
            pass
        try:
            return f.fast[slot].cell_contents
        except ValueError:
            pass
        error = unbound_free(name)
        f.exc = error
        f.exc_node = node
        raise error

    return load_classderef
