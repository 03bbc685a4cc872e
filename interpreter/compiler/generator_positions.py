"""Generator mode for the rarer places of `yield`/`await`: displays, comparisons, targets,
definitions, `assert`, `raise`, `del`, `match` and `try`/`except*`.

Most of these hoist: the parts of a node that CPython evaluates before the node's own action
run first (in CPython's order, as generators where they yield), their values become temporaries
(`Temp`), and the node itself compiles as plain code over them.
"""

from __future__ import annotations

import copy
import operator

from .core import CompileError
from .generators import Temp
from .patterns import match_case

__all__ = ['GeneratorPositionCompiler']

_COMPARE = {
    'Eq': operator.eq, 'NotEq': operator.ne, 'Lt': operator.lt, 'LtE': operator.le,
    'Gt': operator.gt, 'GtE': operator.ge, 'Is': operator.is_, 'IsNot': operator.is_not,
    'In': lambda a, b: operator.contains(b, a),
    'NotIn': lambda a, b: not operator.contains(b, a),
}
_IN_PLACE = {
    'Add': operator.iadd, 'Sub': operator.isub, 'Mult': operator.imul,
    'MatMult': operator.imatmul, 'Div': operator.itruediv, 'FloorDiv': operator.ifloordiv,
    'Mod': operator.imod, 'Pow': operator.ipow, 'LShift': operator.ilshift,
    'RShift': operator.irshift, 'BitAnd': operator.iand, 'BitXor': operator.ixor,
    'BitOr': operator.ior,
}


def _get(obj, step):
    return obj[step] if isinstance(step, int) else getattr(obj, step)


def _set(obj, step, value) -> None:
    if isinstance(step, int):
        obj[step] = value
    else:
        setattr(obj, step, value)


def _noted(f, error, node) -> None:
    if f.exc is not error:
        f.exc = error
        f.exc_node = node


class GeneratorPositionCompiler:
    """Mixin: `gen_expr_*` and `gen_stmt_*` for the nodes `generators.py` does not split."""

    def hoist(self, node, paths: list, compile_plain):
        """Evaluate the sub-expressions at `paths` (attribute names and list indexes from
        `node`) in order, then `compile_plain` of a copy of `node` reading them as temps."""
        replaced, children = self.hoisted_parts(node, paths)
        plain = compile_plain(replaced)

        def hoisted(f):
            f.temps = yield from _evaluate(f, children)
            return plain(f)

        return hoisted

    def hoisted_parts(self, node, paths: list):
        """(copy of `node` with Temps at `paths`, their (closure, is_generator) in order)."""
        copies: dict[int, object] = {}

        def copied(original):
            if id(original) not in copies:
                copies[id(original)] = list(original) if isinstance(original, list) \
                    else copy.copy(original)
            return copies[id(original)]

        replaced = copied(node)
        original = self.originals.get(id(node), (None, node))[1]
        self.originals[id(replaced)] = (replaced, original)
        children = []
        for path in paths:
            parent, original = replaced, node
            for step in path[:-1]:
                original = _get(original, step)
                _set(parent, step, copied(original))
                parent = copies[id(original)]
            value = _get(original, path[-1])
            children.append(self.gen_expr(value))
            _set(parent, path[-1], Temp(len(children) - 1, value))
        return replaced, tuple(children)

    # expressions

    def gen_expr_Dict(self, node):
        paths = []
        for index, key in enumerate(node.keys):
            if key is not None:
                paths.append(('keys', index))
            paths.append(('values', index))
        return self.hoist(node, paths, self.expr)

    def gen_expr_NamedExpr(self, node):
        return self.hoist(node, [('value',)], self.expr)

    def gen_expr_Lambda(self, node):
        return self.hoist(node, _default_paths(node.args), self.expr)

    def gen_expr_Compare(self, node):
        """A chain stops at the first false comparison: later operands are not evaluated."""
        left, left_gen = self.gen_expr(node.left)
        steps = tuple((_COMPARE[type(op).__name__], *self.gen_expr(comparator))
                      for op, comparator in zip(node.ops, node.comparators))

        def compare(f):
            a = (yield from left(f)) if left_gen else left(f)
            for compare_op, right, right_gen in steps:
                b = (yield from right(f)) if right_gen else right(f)
                try:
                    result = compare_op(a, b)
                except BaseException as e:
                    _noted(f, e, node)
                    raise
                if not result:
                    return result
                a = b
            return result

        return compare

    # statements

    def gen_stmt_Raise(self, node):
        paths = [('exc',)] + ([('cause',)] if node.cause is not None else [])
        return self.hoist(node, paths, self.stmt_Raise)

    def gen_stmt_Assert(self, node):
        """The message is evaluated only when the test fails."""
        test, test_gen = self.gen_expr(node.test)
        message, message_gen = self.gen_expr(node.msg) if node.msg is not None else (None, False)
        test_node = node.test if type(node.test).__name__ == 'Compare' else node

        def assert_(f):
            if not ((yield from test(f)) if test_gen else test(f)):
                if message is None:
                    error = AssertionError()
                else:
                    error = AssertionError((yield from message(f)) if message_gen
                                           else message(f))
                f.exc = error
                f.exc_node = test_node
                raise error

        return assert_

    def gen_stmt_Delete(self, node):
        deletes = tuple(self.gen_delete(t) for t in node.targets)

        def delete(f):
            for closure, is_gen in deletes:
                if is_gen:
                    yield from closure(f)
                else:
                    closure(f)

        return delete

    def gen_delete(self, target):
        """(closure, is_generator) deleting one target, its container and key evaluated first."""
        if not self.yields(target):
            return self.delete(target), False
        kind = type(target).__name__
        if kind in ('Tuple', 'List'):
            parts = tuple(self.gen_delete(t) for t in target.elts)

            def delete_all(f):
                for closure, is_gen in parts:
                    if is_gen:
                        yield from closure(f)
                    else:
                        closure(f)

            return delete_all, True
        return self.hoist(target, _target_paths(target), self.delete), True

    def gen_store(self, target):
        """(store(f, value), is_generator) for an assignment target whose parts may yield."""
        if not self.yields(target):
            return self.store_target(target), False
        kind = type(target).__name__
        if kind in ('Tuple', 'List'):
            return self.gen_store_sequence(target), True
        if kind not in ('Attribute', 'Subscript'):
            raise CompileError(f'yield inside a {kind} target is not supported')
        replaced, children = self.hoisted_parts(target, _target_paths(target))
        plain = self.store(replaced)

        def store(f, value):
            f.temps = yield from _evaluate(f, children)
            plain(f, value)

        return store, True

    def gen_store_sequence(self, target):
        """Unpack first, then store each element, its own parts evaluated in its turn."""
        unpack = self.unpacker(target)
        stores = tuple(self.gen_store(e.value if type(e).__name__ == 'Starred' else e)
                       for e in target.elts)

        def store_sequence(f, value):
            for (store, is_gen), item in zip(stores, unpack(f, value)):
                if is_gen:
                    yield from store(f, item)
                else:
                    store(f, item)

        return store_sequence

    def gen_stmt_Assign(self, node):
        value, value_gen = self.gen_expr(node.value)
        stores = tuple(self.gen_store(t) for t in node.targets)

        def assign(f):
            result = (yield from value(f)) if value_gen else value(f)
            for store, is_gen in stores:
                if is_gen:
                    yield from store(f, result)
                else:
                    store(f, result)

        return assign

    def gen_stmt_AugAssign(self, node):
        target = node.target
        kind = type(target).__name__
        if not self.yields(target) or kind == 'Name':
            return self._value_yields_first(node, self.stmt_AugAssign)
        in_place = _IN_PLACE[type(node.op).__name__]
        container, container_gen = self.gen_expr(target.value)
        key, key_gen = self.gen_expr(target.slice) if kind == 'Subscript' else (None, False)
        value, value_gen = self.gen_expr(node.value)
        attr = self.scope.mangle(target.attr) if kind == 'Attribute' else None

        def augmented(f):
            obj = (yield from container(f)) if container_gen else container(f)
            index = ((yield from key(f)) if key_gen else key(f)) if key is not None else None
            try:
                current = getattr(obj, attr) if attr is not None else obj[index]
            except BaseException as e:
                _noted(f, e, target)
                raise
            operand = (yield from value(f)) if value_gen else value(f)
            try:
                result = in_place(current, operand)
            except BaseException as e:
                _noted(f, e, node)
                raise
            try:
                if attr is not None:
                    setattr(obj, attr, result)
                else:
                    obj[index] = result
            except BaseException as e:
                _noted(f, e, target)
                raise

        return augmented

    def gen_stmt_FunctionDef(self, node):
        paths = [('decorator_list', i) for i in range(len(node.decorator_list))]
        paths += _default_paths(node.args)
        return self.hoist(node, paths, self.stmt_FunctionDef)

    def gen_stmt_AsyncFunctionDef(self, node):
        paths = [('decorator_list', i) for i in range(len(node.decorator_list))]
        paths += _default_paths(node.args)
        return self.hoist(node, paths, self.stmt_AsyncFunctionDef)

    def gen_stmt_ClassDef(self, node):
        paths = [('decorator_list', i) for i in range(len(node.decorator_list))]
        for index, base in enumerate(node.bases):
            starred = type(base).__name__ == 'Starred'
            paths.append(('bases', index, 'value') if starred else ('bases', index))
        paths += [('keywords', i, 'value') for i in range(len(node.keywords))]
        return self.hoist(node, paths, self.stmt_ClassDef)

    def gen_stmt_Match(self, node):
        subject, subject_gen = self.gen_expr(node.subject)
        cases = []
        for case in node.cases:
            matcher = self.pattern(case.pattern)
            guard = self.gen_expr(case.guard) if case.guard is not None else None
            body, body_gen = self.block_any(case.body)
            cases.append((matcher, guard, body, body_gen, case.pattern))
        cases = tuple(cases)
        if self.instrument:
            from .patterns import traced_generator_match

            return traced_generator_match(subject, subject_gen, cases, tuple(
                case.guard.lineno if case.guard is not None else None for case in node.cases))

        def match(f):
            value = (yield from subject(f)) if subject_gen else subject(f)
            for matcher, guard, body, body_gen, pattern_node in cases:
                if not match_case(f, matcher, value, pattern_node):
                    continue
                if guard is not None:
                    test, test_gen = guard
                    if not ((yield from test(f)) if test_gen else test(f)):
                        continue
                return (yield from body(f)) if body_gen else body(f)
            return None

        return match

    def gen_stmt_TryStar(self, node):
        from .exception_groups import compile_try_star

        return compile_try_star(self, node, generator=True)


def _default_paths(args) -> list:
    paths = [('args', 'defaults', i) for i in range(len(args.defaults))]
    paths += [('args', 'kw_defaults', i) for i, d in enumerate(args.kw_defaults) if d is not None]
    return paths


def _target_paths(target) -> list:
    """The parts of an attribute or subscript target evaluated before the store or delete."""
    if type(target).__name__ == 'Subscript':
        return [('value',), ('slice',)]
    return [('value',)]


def _evaluate(f, children):
    """The values of hoisted sub-expressions, in order (a generator: some of them yield)."""
    values = []
    for closure, is_gen in children:
        values.append((yield from closure(f)) if is_gen else closure(f))
    return values
