"""Simple and compound statements: assignment, control flow, try/with, raise, assert, import."""

from __future__ import annotations

import sys

from ..runtime.exceptions import (
    exception_being_handled,
    exception_matches,
    special_method,
    with_protocol_error,
)
from ..runtime.templates import instantiate
from ..runtime.tracebacks import ALREADY_RECORDED, catch_in_frame, memphis_traceback
from .core import BREAK, CONTINUE, RETURN, note_closure
from .expressions import load_name
from .operators import BINARY, NOTE, operand_text
from .scope import ScopeKind
from .trace_lines import first_leaf_line, first_line, plan_handler, plan_with_item

__all__ = ['StatementCompiler', 'display']


def display(overlay, result) -> None:
    """Show the value of an expression statement of 'single' input (`overlay`: the
    interpreted program's `sys`, runtime.host.sys_overlay)."""
    try:
        hook = overlay.displayhook
    except AttributeError:
        raise RuntimeError('lost sys.displayhook') from None
    hook(result)


class StatementCompiler:
    """Mixin: `stmt_<NodeClass>` for every statement node."""

    def stmt_Expr(self, node):
        if self.interactive:
            return self._interactive_expression(node)
        if type(node.value).__name__ == 'Call':
            return self.expr_Call(node.value, statement=True)
        value = self.expr(node.value)

        def expression_statement(f):
            value(f)

        return expression_statement

    def _interactive_expression(self, node):
        """At the top level of 'single' input, a value is shown by `sys.displayhook`."""
        from ..runtime.host import sys_overlay

        value = self.expr(node.value)
        overlay = sys_overlay()

        def displayed_expression(f):
            display(overlay, value(f))

        return displayed_expression

    def stmt_Pass(self, node):
        def pass_(f):
            return None

        return pass_

    def stmt_Break(self, node):
        return lambda f: BREAK

    def stmt_Continue(self, node):
        return lambda f: CONTINUE

    def stmt_Global(self, node):
        return self.stmt_Pass(node)

    stmt_Nonlocal = stmt_Global

    def stmt_Return(self, node):
        if node.value is None:
            def return_none(f):
                f.ret = None
                return RETURN

            return return_none
        inline = self.inline_operation(node.value)
        if inline is not None:
            text, values = inline
            names = ''.join(f'B{i}, ' for i in range(len(values)))
            source = (f'def make({names}node, RETURN):\n'
                      f'    def return_(f):\n'
                      f'        try:\n'
                      f'            f.ret = {text}\n'
                      f'{NOTE}'
                      f'        return RETURN\n'
                      f'    return return_\n')
            return instantiate(source, 'make')(*values, node.value, RETURN)
        shape, value = self.operand(node.value)
        if shape == 'l':
            def return_local(f):
                f.ret = f.fast[value]
                return RETURN

            return return_local
        if shape == 'c':
            def return_constant(f):
                f.ret = value
                return RETURN

            return return_constant

        def return_(f):
            f.ret = value(f)
            return RETURN

        return return_

    def stmt_Assign(self, node):
        # each path compiles node.value exactly once (nested scopes consume symbol tables)
        targets = node.targets
        if len(targets) == 1:
            target = targets[0]
            if type(target).__name__ == 'Name' and self.scope.kind == ScopeKind.FUNCTION:
                name = self.scope.mangle(target.id)
                if self.scope.resolve_store(name) == 'fast':
                    slot = self.scope.slots[name]
                    inline = self.inline_operation(node.value)
                    if inline is not None:
                        text, values = inline
                        names = ''.join(f'B{i}, ' for i in range(len(values)))
                        source = (f'def make({names}S, node):\n'
                                  f'    def assign(f):\n'
                                  f'        try:\n'
                                  f'            f.fast[S] = {text}\n'
                                  f'{NOTE}'
                                  f'    return assign\n')
                        return instantiate(source, 'make')(*values, slot, node.value)
                    value = self.expr(node.value)

                    def assign_fast(f):
                        f.fast[slot] = value(f)

                    return assign_fast
            if type(target).__name__ == 'Attribute':
                assign_attribute = self.assign_attribute(node, target)
                if assign_attribute is not None:
                    return assign_attribute
            value = self.expr(node.value)
            store = self.store_target(target)

            def assign(f):
                store(f, value(f))

            return assign
        value = self.expr(node.value)
        stores = tuple(self.store_target(t) for t in targets)

        def assign_many(f):
            result = value(f)
            for store in stores:
                store(f, result)

        return assign_many

    def assign_attribute(self, node, target):
        """`local.attr = simple value` in one template, or None."""
        receiver = self.simple_operand(target.value)
        value = self.simple_operand(node.value)
        if receiver is None or value is None or target.attr == '__traceback__':
            return None
        attr = self.scope.mangle(target.attr)
        source = (f'def make(A, V, node):\n'
                  f'    def assign_attribute(f):\n'
                  f'        try:\n'
                  f'            {operand_text(receiver[0], "A")}.{attr} = '
                  f'{operand_text(value[0], "V")}\n'
                  f'{NOTE}'
                  f'    return assign_attribute\n')
        return instantiate(source, 'make')(receiver[1], value[1], target)

    def stmt_AugAssign(self, node):
        op = BINARY[type(node.op).__name__] + '='
        target = node.target
        kind = type(target).__name__
        value_shape, value = self.operand(node.value)
        value_text = operand_text(value_shape, 'V')
        if kind == 'Name':
            name = self.scope.mangle(target.id)
            if self.scope.kind == ScopeKind.FUNCTION and self.scope.resolve_store(name) == 'fast' \
                    and self.always_bound(name):
                source = (f'def make(S, V, node):\n'
                          f'    def augmented(f):\n'
                          f'        try:\n'
                          f'            f.fast[S] {op} {value_text}\n'
                          f'{NOTE}'
                          f'    return augmented\n')
                return instantiate(source, 'make')(self.scope.slots[name], value, node)
            load = self.expr(target)
            store = self.store_name(name)
            source = (f'def make(L, S, V, node):\n'
                      f'    def augmented(f):\n'
                      f'        try:\n'
                      f'            result = L(f)\n'
                      f'            result {op} {value_text}\n'
                      f'{NOTE}'
                      f'        S(f, result)\n'
                      f'    return augmented\n')
            return instantiate(source, 'make')(load, store, value, node)
        # CPython reports a failing load or store at the target, a failing operator at the
        # whole statement: three tries
        noted_at_target = NOTE.replace('f.exc_node = node', 'f.exc_node = target_node')
        if kind == 'Attribute':
            shape, obj = self.operand(target.value)
            attr = self.scope.mangle(target.attr)
            source = (f'def make(A, V, node, target_node):\n'
                      f'    def augmented(f):\n'
                      f'        try:\n'
                      f'            target = {operand_text(shape, "A")}\n'
                      f'            current = target.{attr}\n'
                      f'{noted_at_target}'
                      f'        try:\n'
                      f'            current {op} {value_text}\n'
                      f'{NOTE}'
                      f'        try:\n'
                      f'            target.{attr} = current\n'
                      f'{noted_at_target}'
                      f'    return augmented\n')
            return instantiate(source, 'make')(obj, value, node, target)
        if kind == 'Subscript':
            a = self.operand(target.value)
            b = self.operand(target.slice)
            source = (f'def make(A, B, V, node, target_node):\n'
                      f'    def augmented(f):\n'
                      f'        try:\n'
                      f'            target = {operand_text(a[0], "A")}\n'
                      f'            key = {operand_text(b[0], "B")}\n'
                      f'            current = target[key]\n'
                      f'{noted_at_target}'
                      f'        try:\n'
                      f'            current {op} {value_text}\n'
                      f'{NOTE}'
                      f'        try:\n'
                      f'            target[key] = current\n'
                      f'{noted_at_target}'
                      f'    return augmented\n')
            return instantiate(source, 'make')(a[1], b[1], value, node, target)
        raise SyntaxError(f"'{kind}' is an illegal expression for augmented assignment")

    def stmt_AnnAssign(self, node):
        target = node.target
        simple = node.simple and type(target).__name__ == 'Name'
        value = self.expr(node.value) if node.value is not None else None
        store = self.store(target) if value is not None else None
        annotation = None
        if simple and self.scope.kind != ScopeKind.FUNCTION:
            annotation = self.annotation(node.annotation)
            name = self.scope.mangle(target.id)
            # LOAD_NAME __annotations__: deleted from the namespace, the globals' or the
            # builtins' is found, else NameError (it is never made again)
            annotations = load_name('__annotations__', node)
        check = None
        if not simple and self.scope.kind != ScopeKind.FUNCTION:
            # CPython evaluates the target's object (and subscript) for a complex target
            kind = type(target).__name__
            if kind == 'Attribute':
                check = self.expr(target.value)
            elif kind == 'Subscript':
                check = _both(self.expr(target.value), self.expr(target.slice))
            # under `from __future__ import annotations` a complex target's annotation is not
            # evaluated at all (CPython's check_annotation)
            annotation_only = (None if 'annotations' in self.future
                               else self.expr(node.annotation))
        else:
            annotation_only = None

        def annotated(f):
            if value is not None:
                store(f, value(f))
            if annotation is not None:
                evaluated = annotation(f)
                annotations(f)[name] = evaluated
            if check is not None:
                check(f)
            if annotation_only is not None:
                annotation_only(f)

        return annotated

    def stmt_Delete(self, node):
        deletes = tuple(self.delete(t) for t in node.targets)
        if len(deletes) == 1:
            return deletes[0]

        def delete(f):
            for each in deletes:
                each(f)

        return delete

    # control flow

    def stmt_If(self, node):
        inline = self.inline_operation(node.test)
        if inline is not None:
            text, values = inline
            body = self.block(node.body)
            orelse = self.block(node.orelse) if node.orelse else None
            names = ''.join(f'B{i}, ' for i in range(len(values)))
            source = (f'def make({names}body, orelse, node):\n'
                      f'    def if_(f):\n'
                      f'        try:\n'
                      f'            taken = True if {text} else False\n'
                      f'{NOTE}'
                      f'        if taken:\n'
                      f'            return body(f)\n'
                      f'        {"return orelse(f)" if orelse is not None else "return None"}\n'
                      f'    return if_\n')
            return instantiate(source, 'make')(*values, body, orelse, node.test)
        test = self.expr(node.test)
        body = self.block(node.body)
        if not node.orelse:
            def if_(f):
                if test(f):
                    return body(f)
                return None

            return if_
        orelse = self.block(node.orelse)

        def if_else(f):
            if test(f):
                return body(f)
            return orelse(f)

        return if_else

    def guard_then_rest(self, node, rest: list):
        """`if test: body` followed by more statements, as one closure (a guard clause).

        Saves the block's frame and the `if`'s: `if n < 2: return n` then the rest of a
        function is the commonest shape of a recursive function.
        """
        inline = self.inline_operation(node.test)
        if inline is None:
            return None
        index = self.statement_indexes.get(id(node))
        if index is not None:
            self.top_index = index
        text, values = inline
        body_node = node.body[0] if len(node.body) == 1 else None
        returned = None
        if body_node is not None and type(body_node).__name__ == 'Return' \
                and body_node.value is not None:
            returned = self.simple_operand(body_node.value)
        body = None if returned is not None else self.block(node.body)
        after = self.block(rest)
        names = ''.join(f'B{i}, ' for i in range(len(values)))
        if returned is not None:
            then = (f'            f.ret = {operand_text(returned[0], "R")}\n'
                    f'            return RETURN\n')
        else:
            then = ('            r = body(f)\n'
                    '            if r is not None:\n'
                    '                return r\n')
        source = (f'def make({names}R, body, after, node, RETURN):\n'
                  f'    def guard(f):\n'
                  f'        try:\n'
                  f'            taken = True if {text} else False\n'
                  f'{NOTE}'
                  f'        if taken:\n'
                  f'{then}'
                  f'        return after(f)\n'
                  f'    return guard\n')
        made = instantiate(source, 'make')(*values, returned[1] if returned else None, body,
                                           after, node.test, RETURN)
        # more than the `if`: the step hooks replace it by the traced statements of all of these
        made.memphis_fused = (node, *rest)
        return note_closure(made, node)

    def stmt_While(self, node):
        if self.instrument:
            from ..runtime.tracing import traced_test

            test = traced_test(self.expr(node.test), first_line(node))
            return self.while_closure(node, test)
        inline = self.inline_operation(node.test)
        if inline is not None:
            text, values = inline
            body = self.block(node.body)
            orelse = self.block(node.orelse) if node.orelse else _no_statements
            names = ''.join(f'B{i}, ' for i in range(len(values)))
            source = (f'def make({names}body, orelse, node, BREAK, CONTINUE):\n'
                      f'    def while_(f):\n'
                      f'        while True:\n'
                      f'            try:\n'
                      f'                if not ({text}):\n'
                      f'                    break\n'
                      f'    {NOTE.replace(chr(10) + "        ", chr(10) + "            ")}'
                      f'            r = body(f)\n'
                      f'            if r is not None:\n'
                      f'                if r is BREAK:\n'
                      f'                    return None\n'
                      f'                if r is not CONTINUE:\n'
                      f'                    return r\n'
                      f'        return orelse(f)\n'
                      f'    return while_\n')
            return instantiate(source, 'make')(*values, body, orelse, node.test, BREAK, CONTINUE)
        return self.while_closure(node, self.expr(node.test))

    def while_closure(self, node, test):
        body = self.block(node.body)
        orelse = self.block(node.orelse) if node.orelse else None

        def while_(f):
            while test(f):
                r = body(f)
                if r is not None:
                    if r is BREAK:
                        return None
                    if r is not CONTINUE:
                        return r
            if orelse is not None:
                return orelse(f)
            return None

        return while_

    def stmt_For(self, node):
        iterable = self.expr(node.iter)
        if self.instrument:
            from ..runtime.tracing import traced_iterable

            iterable = traced_iterable(iterable, node.lineno, first_line(node))
        body = self.loop_body(node)
        orelse = self.block(node.orelse) if node.orelse else None
        iter_node = node.iter
        target = node.target
        if type(target).__name__ == 'Name' and self.scope.kind == ScopeKind.FUNCTION \
                and self.scope.resolve_store(self.scope.mangle(target.id)) == 'fast':
            slot = self.scope.slots[self.scope.mangle(target.id)]

            def for_fast(f):
                try:
                    iterator = iter(iterable(f))
                except BaseException as e:
                    if f.exc is not e:
                        f.exc = e
                        f.exc_node = iter_node
                    raise
                fast = f.fast
                for fast[slot] in iterator:
                    r = body(f)
                    if r is not None:
                        if r is BREAK:
                            return None
                        if r is not CONTINUE:
                            return r
                if orelse is not None:
                    return orelse(f)
                return None

            return for_fast
        store = self.store_target(target)

        def for_(f):
            try:
                iterator = iter(iterable(f))
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = iter_node
                raise
            for item in iterator:
                store(f, item)
                r = body(f)
                if r is not None:
                    if r is BREAK:
                        return None
                    if r is not CONTINUE:
                        return r
            if orelse is not None:
                return orelse(f)
            return None

        return for_

    # exceptions

    def stmt_Raise(self, node):
        if node.exc is None:
            line = node.lineno

            def reraise(f):
                error = exception_being_handled(f)
                if error is None:
                    raise RuntimeError('No active exception to reraise')
                f.exc = error
                f.exc_node = ALREADY_RECORDED
                f.reraise_line = line
                if error is sys.exception():
                    raise  # noqa: PLE0704 - re-raises the exception being handled, as CPython
                raise error.with_traceback(error.__traceback__)

            return reraise
        value = self.expr(node.exc)
        cause = self.expr(node.cause) if node.cause is not None else None

        # The locals are cleared before the exception leaves: this host frame stays in the
        # exception's host traceback, and holding the exception there would make a cycle that
        # keeps everything it references alive until the collector runs (CPython frees at once).
        def raise_(f):
            error = value(f)
            if cause is not None:
                cause_value = cause(f)
                try:
                    raise error from cause_value
                except BaseException as e:
                    error = cause_value = None
                    f.exc = e
                    f.exc_node = node
                    raise
            try:
                raise error
            except BaseException as e:
                error = None
                f.exc = e
                f.exc_node = node
                raise

        return raise_

    def stmt_Assert(self, node):
        test = self.expr(node.test)
        message = self.expr(node.msg) if node.msg is not None else None
        # CPython 3.11 reports a failed comparison at the test, any other test at the statement
        test_node = node.test if type(node.test).__name__ == 'Compare' else node

        def assert_(f):
            if not test(f):
                error = AssertionError(message(f)) if message is not None else AssertionError()
                f.exc = error
                f.exc_node = test_node
                raise error

        return assert_

    def handlers(self, handlers):
        compiled = []
        blocks = []
        for handler in handlers:
            if self.instrument:
                plan_handler(handler, self.trace_plan)
            match = self.expr(handler.type) if handler.type is not None else None
            name = self.scope.mangle(handler.name) if handler.name else None
            store = self.store_name(name) if name else None
            unbind = self.unbind_name(name) if name else None
            body, is_gen = self.block_any(handler.body)
            blocks.append((body, is_gen))
            if self.instrument:
                from ..runtime.tracing import traced_handler

                # the clause starts at its type's first load, else at the `except` line
                start = handler.lineno if handler.type is None else first_leaf_line(handler.type)
                match, body = traced_handler(match, body, is_gen, start)
            compiled.append((match, store, unbind, body, is_gen, handler))
        if self.instrument and len(compiled) > 1:
            from ..runtime.jumps import sibling_handler_jumps

            return sibling_handler_jumps(compiled, blocks)
        return tuple(compiled)

    def unbind_name(self, name: str):
        """Delete `name` if bound (the implicit `del` at the end of `except ... as name`)."""
        how = self.scope.resolve_store(name)
        delete = self.delete_name(name, None)
        if how == 'fast':
            slot = self.scope.slots[name]
            from ..runtime.frames import UNBOUND

            def unbind_fast(f):
                f.fast[slot] = UNBOUND

            return unbind_fast

        def unbind(f):
            try:
                delete(f)
            except NameError:
                pass

        return unbind

    def stmt_Try(self, node):
        body = self.block(node.body)
        handlers = self.handlers(node.handlers)
        orelse = self.block(node.orelse) if node.orelse else None
        final = self.block(node.finalbody) if node.finalbody else None
        # where CPython's RERAISE is: after the last handler's test, at the end of `finally`
        no_match_line = node.handlers[-1].lineno if node.handlers else None
        final_line = last_compiled_line(node.finalbody) if node.finalbody else None

        def try_except(f):
            try:
                r = body(f)
            except BaseException as e:
                catch_in_frame(f, e)
                for match, store, unbind, handler, _, handler_node in handlers:
                    if match is not None:
                        try:
                            matched = exception_matches(e, match(f))
                        except BaseException as error:
                            if f.exc is not error:
                                f.exc = error
                                f.exc_node = handler_node.type
                            raise
                        if not matched:
                            continue
                    if store is None:
                        r = handler(f)
                    else:
                        store(f, e)
                        try:
                            r = handler(f)
                        finally:
                            unbind(f)
                    if f.exc is e:
                        f.exc = None
                    return r
                f.reraise_line = no_match_line
                raise
            if r is not None:
                return r  # return/break/continue in the body: no else
            if orelse is not None:
                return orelse(f)
            return r

        if final is None:
            return try_except
        inner = try_except if handlers or orelse is not None else body

        def try_finally(f):
            try:
                r = inner(f)
            except BaseException as e:
                catch_in_frame(f, e)
                r = final(f)
                if r is not None:
                    return r
                f.exc = e
                f.exc_node = ALREADY_RECORDED
                f.reraise_line = final_line
                raise
            done = final(f)
            if done is not None:
                return done
            return r

        return try_finally

    def stmt_TryStar(self, node):
        from .exception_groups import compile_try_star

        return compile_try_star(self, node)

    def stmt_With(self, node):
        body = self.block(node.body)
        for item in reversed(node.items):
            body = self.with_item(item, body, node)
        return body

    def with_item(self, item, body, node):
        target_lines = plan_with_item(item, self.trace_plan) if self.instrument else []
        manager = self.expr(item.context_expr)
        store = self.store(item.optional_vars) if item.optional_vars is not None else None
        context_node = item.context_expr
        find_special = special_method
        report = None
        if self.instrument:
            from ..runtime.tracing import traced_with_item

            find_special, store, report = traced_with_item(store, node.lineno, target_lines)

        def with_(f):
            try:
                obj = manager(f)
                enter = find_special(obj, '__enter__')
                exit_ = find_special(obj, '__exit__')
                if enter is None or exit_ is None:
                    raise with_protocol_error(obj, enter is not None, False)
                value = enter()
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = context_node
                if report is not None:
                    report(f, e)
                raise
            try:
                if store is not None:
                    store(f, value)
                r = body(f)
            except BaseException as e:
                catch_in_frame(f, e)
                try:
                    suppress = exit_(type(e), e, memphis_traceback(e))
                except BaseException as error:
                    if f.exc is not error:
                        f.exc = error
                        f.exc_node = node
                    raise
                if not suppress:
                    f.exc = e
                    f.exc_node = ALREADY_RECORDED
                    raise
                if f.exc is e:
                    f.exc = None
                return None
            try:
                exit_(None, None, None)
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = node
                raise
            return r

        return with_

    # imports

    def stmt_Import(self, node):
        from ..imports.system import import_from as import_attribute

        steps = []
        for alias in node.names:
            if alias.asname:
                parts = alias.name.split('.')
                store = self.store_name(self.scope.mangle(alias.asname))
                steps.append((alias.name, parts[1:], store))
            else:
                top = alias.name.split('.')[0]
                steps.append((alias.name, None, self.store_name(self.scope.mangle(top))))

        def import_(f):
            importer = frame_importer(f)
            for name, attrs, store in steps:
                try:
                    module = importer(name, f.f_globals, f.names if f.names is not None
                                      else None, None, 0)
                    if attrs:
                        for attr in attrs:
                            module = import_attribute(module, attr)
                except BaseException as e:
                    if f.exc is not e:
                        f.exc = e
                        f.exc_node = node
                    raise
                store(f, module)

        return import_

    def stmt_ImportFrom(self, node):
        module_name = node.module or ''
        level = node.level
        if len(node.names) == 1 and node.names[0].name == '*':
            def import_star(f):
                module = frame_importer(f)(module_name, f.f_globals, None, ('*',), level)
                names = getattr(module, '__all__', None)
                if names is None:
                    names = [n for n in vars(module) if not n.startswith('_')]
                for name in names:
                    f.names[name] = getattr(module, name)

            return import_star
        from ..imports.system import import_from as import_attribute

        fromlist = tuple(alias.name for alias in node.names)
        stores = tuple((alias.name, self.store_name(self.scope.mangle(alias.asname or alias.name)))
                       for alias in node.names)

        def import_from(f):
            try:
                module = frame_importer(f)(module_name, f.f_globals, None, fromlist,
                                           level)
                values = [import_attribute(module, name) for name, _ in stores]
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = node
                raise
            for (_, store), value in zip(stores, values):
                store(f, value)

        return import_from


def _both(first, second):
    def both(f):
        first(f)
        second(f)

    return both


def _no_statements(f):
    return None


def frame_importer(f):
    """The frame's `__import__`; CPython's IMPORT_NAME raises ImportError without one."""
    try:
        return f.f_builtins['__import__']
    except KeyError:
        raise ImportError('__import__ not found') from None


def last_compiled_line(body: list) -> int:
    """The line of the last statement CPython's code generator visits in `body` (its location
    is what the next instruction without one, such as a `finally`'s RERAISE, gets): the
    last branch of an `if`, the `else` of a loop or `try`, the `finally` of a `try`, the
    last case's pattern of a `match`; a loop without `else` is its own header line."""
    statement = body[-1]
    kind = type(statement).__name__
    if kind == 'If':
        return last_compiled_line(statement.orelse or statement.body)
    if kind in ('For', 'AsyncFor', 'While') and statement.orelse:
        return last_compiled_line(statement.orelse)
    if kind in ('Try', 'TryStar'):
        return last_compiled_line(statement.finalbody or statement.orelse or statement.body)
    if kind == 'Match':
        return statement.cases[-1].pattern.lineno
    return statement.lineno
