"""Generator mode: `yield`, `yield from`, `await`, and the statements and expressions around them.

Inside a generator or coroutine, a node that contains a yield compiles to a host generator
function; the enclosing closures `yield from` it, so suspension is the host's own. Expressions
with a yield somewhere inside are split (A-normal form): their direct sub-expressions are
evaluated first, in order, then the node itself runs as a plain closure over those values.
"""

from __future__ import annotations

import copy
import gc
import os
import types
from _thread import get_ident

from ..runtime.async_generators import Yielded
from ..runtime.exceptions import exception_matches, special_method, with_protocol_error
from ..runtime.frames import (
    ClosingThrow,
    ThrowArguments,
    current_state,
    detach_suspended,
    relink_resumed,
    resume_frame,
    suspend_frame,
    switched_frames,
    thread_states,
    watched_resumptions,
)
from ..runtime.functions import is_interpreted_generator, registered_code
from ..runtime.switched_generators import delegation_returned
from ..runtime.switched_generators import resumed as switched_resumed
from ..runtime.switched_generators import suspended as switched_suspended
from ..runtime.templates import instantiate
from ..runtime.tracebacks import ALREADY_RECORDED, catch_in_frame, memphis_traceback
from .core import BREAK, CONTINUE, RETURN
from .operators import NOTE
from .statements import display, last_compiled_line
from .trace_lines import first_line, plan_with_item

__all__ = ['GeneratorCompiler', 'Temp', 'delegated_throw', 'delegation_in_frame']


class Temp:
    """A value already computed by generator-mode code, read back by the plain closure."""

    _fields = ()

    def __init__(self, index: int, like) -> None:
        self.index = index
        for attribute in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
            setattr(self, attribute, getattr(like, attribute, None))


def _is_expr(value) -> bool:
    return hasattr(value, '_fields') and hasattr(value, 'col_offset') \
        and type(value).__name__ not in ('keyword', 'arg', 'comprehension', 'ExceptHandler',
                                         'match_case', 'alias', 'withitem')


def _is_coroutine(value) -> bool:
    # a coroutine, or a generator of a @types.coroutine function (CO_ITERABLE_COROUTINE)
    return type(value) is types.CoroutineType or (
        type(value) is types.GeneratorType and bool(value.gi_code.co_flags & 0x100))


def _await_iterator(value, source: str | None = None):
    """CPython's GET_AWAITABLE: a coroutine or an object with `__await__` returning an iterator.

    `source` names where an `async with`/`async for` got the object ('__aenter__',
    '__aexit__', '__anext__'), for CPython's messages about it."""
    if source == '__anext__':
        try:
            return _await_iterator(value)
        except Exception as error:
            raise TypeError(f"'async for' received an invalid object from __anext__: "
                            f'{type(value).__name__}') from error
    if type(value) is types.GeneratorType and value.gi_code.co_flags & 0x100:
        return value  # awaited as is
    if type(value) is types.CoroutineType and value.cr_await is not None:
        raise RuntimeError('coroutine is being awaited already')
    method = special_method(value, '__await__')
    if method is None:
        if source is not None:
            raise TypeError(f"'async with' received an object from {source} that does not "
                            f'implement __await__: {type(value).__name__}')
        raise TypeError(f"object {type(value).__name__} can't be used in 'await' expression")
    iterator = method()
    if _is_coroutine(iterator):
        raise TypeError('__await__() returned a coroutine')
    if not hasattr(type(iterator), '__next__'):
        raise TypeError(f'__await__() returned non-iterator of type '
                        f"'{type(iterator).__name__}'")
    return iterator


def chain_thrown(f, error: BaseException) -> None:
    """Give an exception thrown in at a yield the context CPython gives it: the exception the
    generator's frame is handling. The host cannot, as the handler runs in an outer host
    generator whose exception state throw() does not restore (cycles cut as _PyErr_SetObject)."""
    handled = getattr(f, 'handled', None)
    if handled is None or handled is error:
        return
    link = handled
    while (context := link.__context__) is not None:
        if context is error:
            link.__context__ = None
            break
        link = context
    error.__context__ = handled


def _yield_from_iterator(value):
    if type(value).__name__ == 'coroutine':
        # GET_YIELD_FROM_ITER: allowed in a generator that types.coroutine flagged
        if current_state().frame.f_code.co_flags & 0x100:
            return value.__await__()
        raise TypeError("cannot 'yield from' a coroutine object in a non-coroutine generator")
    return iter(value)


def _yield_from_source(value):
    """What the host's `yield from` delegates to: the value itself, but a coroutine (which
    `_yield_from_iterator` checks): the host calls `iter()` on it once, as CPython's
    GET_YIELD_FROM_ITER does (calling it here too called a class's `__iter__` twice)."""
    if type(value).__name__ == 'coroutine':
        return _yield_from_iterator(value)
    return value


class GeneratorCompiler:
    """Mixin: `gen_expr_<Node>` and `gen_stmt_<Node>`, used only for nodes that yield."""

    def gen_expr(self, node):
        """(closure, is_generator) for an expression."""
        if not self.yields(node):
            return self.expr(node), False
        method = getattr(self, 'gen_expr_' + type(node).__name__, None)
        closure = self.gen_expr_split(node) if method is None else method(node)
        if self.instrument and type(node).__name__ != 'Temp':
            from ..runtime.tracing import line_event_first
            from .trace_lines import first_leaf_line

            # the line of its first instruction (trace_lines plans the expressions that
            # do not yield)
            closure = line_event_first(closure, first_leaf_line(node))
        return closure, True

    def expr_Temp(self, node):
        index = node.index
        return lambda f: f.temps[index]

    def gen_expr_split(self, node):
        """Evaluate the direct sub-expressions in order, then the node over their values."""
        children = []
        replaced = copy.copy(node)
        for field in node._fields:
            value = getattr(node, field, None)
            if _is_expr(value):
                setattr(replaced, field, self._split_child(value, children))
            elif isinstance(value, list):
                items = []
                for item in value:
                    if _is_expr(item):
                        items.append(self._split_child(item, children))
                    elif type(item).__name__ == 'keyword':
                        keyword = copy.copy(item)
                        keyword.value = self._split_child(item.value, children)
                        items.append(keyword)
                    else:
                        items.append(item)
                setattr(replaced, field, items)
        combine = self.expr(replaced)
        children = tuple(children)

        def split(f):
            values = []
            for closure, is_gen in children:
                values.append((yield from closure(f)) if is_gen else closure(f))
            f.temps = values
            return combine(f)

        return split

    def _split_child(self, child, children):
        if type(child).__name__ == 'Starred':
            starred = copy.copy(child)
            starred.value = self._split_child(child.value, children)
            return starred
        children.append(self.gen_expr(child))
        return Temp(len(children) - 1, child)

    def gen_expr_Yield(self, node, *, statement: bool = False):
        """`yield value`; as an expression statement it returns None (no control signal)."""
        if node.value is None:
            return self.yield_value(_none, False, statement=statement, node=node)
        # the value may itself suspend: `yield (await x) + 1`, `yield (yield)`
        value, value_gen = self.gen_expr(node.value)
        return self.yield_value(value, value_gen, statement=statement, node=node)

    def yield_value(self, value, value_gen: bool, *, statement: bool = False, node=None):
        """Yield what `value` computes (popping the frame while suspended); the sent value."""
        tagged = Yielded if self.kind == 'asyncgen' else None
        states = thread_states
        detach, relink = detach_suspended, relink_resumed
        # (a frame sys.settrace did not see start reports its suspension while switched, and
        # a resumption while some thread traces (`watched_resumptions` is not empty) switches
        # it; see runtime.switched_generators. Globals: a cell more per yield_ costs each
        # yield its copy)

        def yield_(f):
            result = (yield from value(f)) if value_gen else value(f)
            if switched_frames and f in switched_frames:
                switched_suspended(f, result)
            back = f.f_back
            if back is not None and back.delegating:
                states[get_ident()].frame = detach(f)
            else:
                states[get_ident()].frame = back
                f.f_back = None  # (see detach_suspended)
            back = None  # (nor does this host frame while suspended)
            closing = None  # (resumed by send() or next(); else whether close() resumed it)
            try:
                sent = yield (result if tagged is None else tagged(result))
            except ClosingThrow as wrapper:
                # a traced generator's close() (runtime.tracing), or a driving trampoline's
                # (runtime.functions): its GeneratorExit is raised below, out of this
                # handler, so that the wrapper is not its __context__; it reaches this
                # generator directly, as close() does
                closing = True
                exit = wrapper.exit
                chain_thrown(f, exit)
                if node is not None:
                    f.exc = exit
                    f.exc_node = node
            except BaseException as e:
                # close() reaches an inner generator directly, not through its delegators
                closing = type(e) is GeneratorExit
                # thrown in (throw, close): the traceback entry is this yield, as CPython's
                chain_thrown(f, e)
                if node is not None and f.exc is not e:
                    f.exc = e
                    f.exc_node = node
                raise
            else:
                return None if statement else sent
            finally:
                # resumed (by send, throw or close), possibly from another thread
                try:
                    state = states[get_ident()]
                except KeyError:
                    state = current_state()
                back = f.f_back
                if back is not None and back.delegating and not closing:
                    relink(f, state.frame)
                else:
                    back = f.f_back = state.frame
                    f.depth = back.depth + 1 if back is not None else 1
                state.frame = f
                back = None  # (a traceback may keep this host frame: not the resumer too)
                if watched_resumptions:
                    switched_resumed(f, closing is None)
            try:
                raise exit
            finally:
                # no cycle: this host frame, its exception, its traceback (the frame and its
                # f_back, kept alive until the collector runs)
                exit = None

        _YIELD_CODE[0] = yield_.__code__
        return yield_

    def gen_expr_YieldFrom(self, node):
        value = self.expr(node.value)
        if self.instrument:
            return _traced_delegate(value, _yield_from_iterator, node)
        return _delegate(value, _yield_from_source, node, self.driven_by_trampoline)

    @property
    def driven_by_trampoline(self) -> bool:
        """The body may go on after its close(): its trampoline drives it, and its `yield
        from` and `await` close what they wait on as CPython's close() does (see
        _closing_delegation)."""
        table = getattr(self.scope.table, '_table', None)
        return table is not None and table.outlives_close

    @property
    def await_in_frame(self):
        """`_await_in_frame`, or in traced code its traced counterpart, or in a body driven
        by its trampoline the one that turns close() into CPython's."""
        if self.instrument:
            return _traced_await_in_frame
        return _closing_await_in_frame if self.driven_by_trampoline else _await_in_frame

    def gen_expr_Await(self, node):
        value, is_gen = self.gen_expr(node.value)
        if not is_gen:
            if self.instrument:
                return _traced_delegate(value, _await_iterator, node)
            return _delegate(value, _await_iterator, node, self.driven_by_trampoline)
        await_in_frame = self.await_in_frame

        def await_yielding(f):
            awaitable = yield from value(f)
            try:
                return (yield from await_in_frame(f, awaitable))
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = node
                raise

        return await_yielding

    def gen_expr_BoolOp(self, node):
        values = tuple(self.gen_expr(v) for v in node.values)
        is_and = type(node.op).__name__ == 'And'

        def bool_op(f):
            for closure, is_gen in values:
                result = (yield from closure(f)) if is_gen else closure(f)
                if (not result) if is_and else result:
                    return result
            return result

        return bool_op

    def gen_expr_IfExp(self, node):
        test, test_gen = self.gen_expr(node.test)
        body, body_gen = self.gen_expr(node.body)
        orelse, orelse_gen = self.gen_expr(node.orelse)

        def if_exp(f):
            condition = (yield from test(f)) if test_gen else test(f)
            if condition:
                return (yield from body(f)) if body_gen else body(f)
            return (yield from orelse(f)) if orelse_gen else orelse(f)

        return if_exp

    # statements

    def gen_stmt_Expr(self, node):
        if type(node.value).__name__ == 'Yield':
            return self.gen_expr_Yield(node.value, statement=True)
        value, _ = self.gen_expr(node.value)
        if self.interactive:  # 'single' input that awaits (PyCF_ALLOW_TOP_LEVEL_AWAIT)
            from ..runtime.host import sys_overlay

            overlay = sys_overlay()

            def displayed_expression(f):
                display(overlay, (yield from value(f)))

            return displayed_expression

        def expression_statement(f):
            yield from value(f)

        return expression_statement

    def gen_stmt_Return(self, node):
        value, _ = self.gen_expr(node.value)

        def return_(f):
            f.ret = yield from value(f)
            return RETURN

        return return_

    def gen_stmt_AugAssign(self, node):
        return self._value_yields_first(node, self.stmt_AugAssign)

    def gen_stmt_AnnAssign(self, node):
        return self._value_yields_first(node, self.stmt_AnnAssign)

    def _value_yields_first(self, node, compile_plain):
        """A statement whose value yields: run the value as a generator, then the plain
        statement with the value standing in as temporary 0."""
        value, _ = self.gen_expr(node.value)
        replaced = copy.copy(node)
        replaced.value = Temp(0, node.value)
        apply = compile_plain(replaced)

        def statement(f):
            result = yield from value(f)
            f.temps = [result]
            apply(f)

        return statement

    def inline_test(self, node):
        """(text, values) for a test that is one operation and does not yield, else None."""
        if self.yields(node):
            return None
        return self.inline_operation(node)

    def gen_stmt_If(self, node):
        inline = self.inline_test(node.test)
        if inline is not None:
            text, values = inline
            body, body_gen = self.block_any(node.body)
            orelse, orelse_gen = self.block_any(node.orelse)
            names = ''.join(f'B{i}, ' for i in range(len(values)))
            source = (f'def make({names}body, orelse, node):\n'
                      f'    def if_(f):\n'
                      f'        try:\n'
                      f'            taken = True if {text} else False\n'
                      f'{NOTE}'
                      f'        if taken:\n'
                      f'            return {_run("body", body_gen)}\n'
                      f'        return {_run("orelse", orelse_gen)}\n'
                      f'        yield  # unreachable: keeps this a generator\n'
                      f'    return if_\n')
            return instantiate(source, 'make')(*values, body, orelse, node.test)
        test, test_gen = self.gen_expr(node.test)
        body, body_gen = self.block_any(node.body)
        orelse, orelse_gen = self.block_any(node.orelse)

        def if_(f):
            condition = (yield from test(f)) if test_gen else test(f)
            if condition:
                return (yield from body(f)) if body_gen else body(f)
            return (yield from orelse(f)) if orelse_gen else orelse(f)

        return if_

    def gen_stmt_While(self, node):
        inline = self.inline_test(node.test) if not self.instrument else None
        if inline is not None:
            text, values = inline
            body, body_gen = self.block_any(node.body)
            orelse, orelse_gen = self.block_any(node.orelse)
            names = ''.join(f'B{i}, ' for i in range(len(values)))
            note = NOTE.replace('\n        ', '\n            ')
            source = (f'def make({names}body, orelse, node, BREAK, CONTINUE):\n'
                      f'    def while_(f):\n'
                      f'        while True:\n'
                      f'            try:\n'
                      f'                if not ({text}):\n'
                      f'                    break\n'
                      f'    {note}'
                      f'            r = {_run("body", body_gen)}\n'
                      f'            if r is not None:\n'
                      f'                if r is BREAK:\n'
                      f'                    return None\n'
                      f'                if r is not CONTINUE:\n'
                      f'                    return r\n'
                      f'        return {_run("orelse", orelse_gen)}\n'
                      f'        yield  # unreachable: keeps this a generator\n'
                      f'    return while_\n')
            return instantiate(source, 'make')(*values, body, orelse, node.test, BREAK,
                                               CONTINUE)
        test, test_gen = self.gen_expr(node.test)
        if self.instrument:
            from ..runtime.tracing import traced_generator_test, traced_test

            test = (traced_generator_test if test_gen else traced_test)(test,
                                                                         first_line(node))
        body, body_gen = self.block_any(node.body)
        orelse, orelse_gen = self.block_any(node.orelse)

        def while_(f):
            while (yield from test(f)) if test_gen else test(f):
                r = (yield from body(f)) if body_gen else body(f)
                if r is not None:
                    if r is BREAK:
                        return None
                    if r is not CONTINUE:
                        return r
            return (yield from orelse(f)) if orelse_gen else orelse(f)

        return while_

    def gen_stmt_For(self, node):
        iterable, iter_gen = self.gen_expr(node.iter)
        if self.instrument:
            from ..runtime.tracing import traced_generator_iterable, traced_iterable

            iterable = (traced_generator_iterable if iter_gen else traced_iterable)(
                iterable, node.lineno, first_line(node))
        store = self.store_target(node.target)
        body, body_gen = self.loop_body(node, generator=True)
        orelse, orelse_gen = self.block_any(node.orelse)
        iter_node = node.iter
        target = node.target
        if type(target).__name__ == 'Name' and self.scope.kind == 'function' \
                and self.scope.resolve_store(self.scope.mangle(target.id)) == 'fast':
            slot = self.scope.slots[self.scope.mangle(target.id)]

            def for_fast(f):
                try:
                    iterator = iter((yield from iterable(f)) if iter_gen else iterable(f))
                except BaseException as e:
                    if f.exc is not e:
                        f.exc = e
                        f.exc_node = iter_node
                    raise
                fast = f.fast
                for fast[slot] in iterator:
                    r = (yield from body(f)) if body_gen else body(f)
                    if r is not None:
                        if r is BREAK:
                            return None
                        if r is not CONTINUE:
                            return r
                return (yield from orelse(f)) if orelse_gen else orelse(f)

            return for_fast

        def for_(f):
            try:
                iterator = iter((yield from iterable(f)) if iter_gen else iterable(f))
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = iter_node
                raise
            for item in iterator:
                store(f, item)
                r = (yield from body(f)) if body_gen else body(f)
                if r is not None:
                    if r is BREAK:
                        return None
                    if r is not CONTINUE:
                        return r
            return (yield from orelse(f)) if orelse_gen else orelse(f)

        return for_

    def gen_stmt_AsyncFor(self, node):
        iterable, iter_gen = self.gen_expr(node.iter)
        store = self.store_target(node.target)
        body, body_gen = self.block_any(node.body)
        orelse, orelse_gen = self.block_any(node.orelse)
        iter_node = node.iter
        await_in_frame = self.await_in_frame
        if self.instrument:
            from ..runtime.tracing import traced_anext, traced_async_loop_body

            def await_in_frame(f, awaitable, source, end_line=iter_node.lineno):
                return traced_anext(f, awaitable, source, end_line)

            body, body_gen = traced_async_loop_body(body, node.lineno), True

        def async_for(f):
            try:
                obj = (yield from iterable(f)) if iter_gen else iterable(f)
                aiter_method = special_method(obj, '__aiter__')
                if aiter_method is None:
                    raise TypeError(f"'async for' requires an object with __aiter__ method, "
                                    f'got {type(obj).__name__}')
                iterator = aiter_method()
                anext_method = special_method(iterator, '__anext__')
                # GET_ANEXT wraps the failures of any other iterator's awaitable
                anext_source = None if type(iterator) is types.AsyncGeneratorType \
                    else '__anext__'
                if anext_method is None:
                    raise TypeError(f"'async for' received an object from __aiter__ that does "
                                    f'not implement __anext__: {type(iterator).__name__}')
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = iter_node
                raise
            while True:
                try:
                    awaitable = anext_method()
                    item = yield from await_in_frame(f, awaitable, anext_source)
                except StopAsyncIteration:
                    break
                store(f, item)
                r = (yield from body(f)) if body_gen else body(f)
                if r is not None:
                    if r is BREAK:
                        return None
                    if r is not CONTINUE:
                        return r
            return (yield from orelse(f)) if orelse_gen else orelse(f)

        return async_for

    def gen_stmt_Try(self, node):
        body, body_gen = self.block_any(node.body)
        handlers = self.handlers(node.handlers)
        orelse, orelse_gen = self.block_any(node.orelse) if node.orelse else (None, False)
        final, final_gen = self.block_any(node.finalbody) if node.finalbody else (None, False)
        # where CPython's RERAISE is: after the last handler's test, at the end of `finally`
        no_match_line = node.handlers[-1].lineno if node.handlers else None
        final_line = last_compiled_line(node.finalbody) if node.finalbody else None

        def try_except(f):
            try:
                r = (yield from body(f)) if body_gen else body(f)
            except BaseException as caught:
                catch_in_frame(f, caught)
                if body_gen and type(caught) is GeneratorExit and caught.__context__ is None:
                    # close() through the host's yield from replaced the one the yield chained
                    chain_thrown(f, caught)
                e = pep479_original(caught)
                try:
                    for match, store, unbind, handler, is_gen, handler_node in handlers:
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
                        if store is not None:
                            store(f, e)
                        previous = getattr(f, 'handled', None)
                        f.handled = e
                        try:
                            r = (yield from handler(f)) if is_gen else handler(f)
                        finally:
                            f.handled = previous
                            if unbind is not None:
                                unbind(f)
                        if f.exc is e or f.exc is caught:
                            f.exc = None
                        return r
                finally:
                    # no cycle: this host frame, the exception, its traceback (the frame and
                    # its Memphis frame's f_back, kept alive until the collector runs)
                    e = None
                f.reraise_line = no_match_line
                raise
            if r is not None:
                return r  # return/break/continue in the body: no else
            if orelse is not None:
                return (yield from orelse(f)) if orelse_gen else orelse(f)
            return r

        if final is None:
            return try_except
        has_inner = bool(handlers) or orelse is not None
        inner, inner_gen = (try_except, True) if has_inner else (body, body_gen)

        def try_finally(f):
            try:
                r = (yield from inner(f)) if inner_gen else inner(f)
            except BaseException as e:
                catch_in_frame(f, e)
                r = (yield from final(f)) if final_gen else final(f)
                if r is not None:
                    return r
                f.exc = e
                f.exc_node = ALREADY_RECORDED
                f.reraise_line = final_line
                raise
            done = (yield from final(f)) if final_gen else final(f)
            if done is not None:
                return done
            return r

        return try_finally

    def gen_stmt_With(self, node, asynchronous: bool = False):
        body, body_gen = self.block_any(node.body)
        for item in reversed(node.items):
            body = self.gen_with_item(item, body, body_gen, node, asynchronous)
            body_gen = True
        return body

    def gen_stmt_AsyncWith(self, node):
        return self.gen_stmt_With(node, asynchronous=True)

    def gen_with_item(self, item, body, body_gen, node, asynchronous: bool):
        target_lines = plan_with_item(item, self.trace_plan) if self.instrument else []
        manager, manager_gen = self.gen_expr(item.context_expr)
        store = self.store(item.optional_vars) if item.optional_vars is not None else None
        context_node = item.context_expr
        enter_name, exit_name = ('__aenter__', '__aexit__') if asynchronous else \
            ('__enter__', '__exit__')
        await_in_frame = self.await_in_frame
        find_special = special_method
        report = None
        if self.instrument:
            from ..runtime.tracing import traced_with_item

            find_special, store, report = traced_with_item(store, node.lineno, target_lines)

        def with_(f):
            try:
                obj = (yield from manager(f)) if manager_gen else manager(f)
                enter = find_special(obj, enter_name)
                exit_ = find_special(obj, exit_name)
                if enter is None or exit_ is None:
                    raise with_protocol_error(obj, enter is not None, asynchronous)
                value = enter()
                if asynchronous:
                    value = yield from await_in_frame(f, value, '__aenter__')
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
                r = (yield from body(f)) if body_gen else body(f)
            except BaseException as e:
                catch_in_frame(f, e)
                original = pep479_original(e)
                try:
                    suppress = exit_(type(original), original, memphis_traceback(original))
                    if asynchronous:
                        suppress = yield from await_in_frame(f, suppress, '__aexit__')
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
                done = exit_(None, None, None)
                if asynchronous:
                    yield from await_in_frame(f, done, '__aexit__')
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = node
                raise
            return r

        return with_


_INTERNAL_SOURCES = (os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                     '<memphis template')


def pep479_original(error: BaseException) -> BaseException:
    """The StopIteration that PEP 479 turned into RuntimeError as it left one of the host
    generators a generator-mode statement compiles to (not a user's generator: its trampoline
    has the user's file name); interpreted handlers must see the StopIteration itself."""
    cause = error.__cause__
    if type(error) is not RuntimeError or not isinstance(cause, StopIteration) \
            or error.args != ('generator raised StopIteration',):
        return error
    entry = error.__traceback__
    if entry is None:
        return error
    while entry.tb_next is not None:
        entry = entry.tb_next
    code = entry.tb_frame.f_code
    if code.co_filename.startswith(_INTERNAL_SOURCES) and not _drives_traced_body(code):
        return cause
    return error


def _drives_traced_body(code) -> bool:
    """Whether `code` is the step hooks' driver of a traced generator's body: it resumes the
    body's host generators as a plain generator's trampoline does, so what PEP 479 raised
    there left the user's generator."""
    return code.co_name == 'instrumented' and code.co_filename.endswith('tracing.py')


def _await_in_frame(f, awaitable, source: str | None = None):
    """`await awaitable` from generator-mode code, popping the frame while suspended (`source`:
    see _await_iterator)."""
    iterator = _await_iterator(awaitable, source)
    suspend_frame(f)
    try:
        return (yield from iterator)
    except BaseException as e:
        _delegation_raised(f, e)
        raise
    finally:
        resume_frame(f)


def _delegation_raised(f, error: BaseException) -> None:
    """What the iterator of a `yield from` or `await` raised into `f`: a throw()'s exception
    gets the exception `f` handles as context (CPython's gen_send_ex chains it as it comes
    back; the host, across the nested host generators of a body, does not)."""
    if error.__context__ is None:
        chain_thrown(f, error)


def _closing_await_in_frame(f, awaitable, source: str | None = None):
    """`_await_in_frame` in a body its trampoline drives (runtime.functions._DRIVING_RUN,
    _CoroutineDriver): a close() arrives as a ClosingThrow; as CPython's gen_close, the
    awaited iterator is closed first, then the GeneratorExit is raised at this await."""
    iterator = _await_iterator(awaitable, source)
    suspend_frame(f)
    try:
        return (yield from _closing_delegation(iterator))
    except BaseException as e:
        _delegation_raised(f, e)
        raise
    finally:
        resume_frame(f)


def _closing_delegation(iterator):
    """`yield from iterator`, but a ClosingThrow closes the iterator and raises its
    GeneratorExit here. (`iterator` may be an iterable: `yield from` calls iter() itself.)"""
    if not hasattr(type(iterator), '__next__'):
        iterator = iter(iterator)
    sent = None
    pending = None
    while True:
        try:
            if pending is not None:
                value = iterator.throw(pending)
            else:
                value = next(iterator) if sent is None else iterator.send(sent)
        except StopIteration as stop:
            return stop.value
        finally:
            pending = None
        try:
            sent = yield value
            continue
        except ClosingThrow as wrapper:
            exit = wrapper.exit
        except BaseException as error:
            if getattr(iterator, 'throw', None) is None:
                raise
            pending, sent = error, None
            continue
        close = getattr(iterator, 'close', None)
        if close is not None:
            close()
        raise exit


def _traced_await_in_frame(f, awaitable, source: str | None = None):
    """`_await_in_frame` in traced code (see runtime.tracing.traced_delegation)."""
    from ..runtime.tracing import traced_delegation

    return (yield from traced_delegation(f, _await_iterator(awaitable, source)))


def _traced_delegate(value, get_iterator, node):
    """`_delegate` in traced code: the frame stays current while it sends to the iterator
    (see runtime.tracing.traced_delegation)."""
    from ..runtime.tracing import traced_delegation

    def delegate(f):
        try:
            iterator = get_iterator(value(f))
            return (yield from traced_delegation(f, iterator))
        except BaseException as e:
            if f.exc is not e:
                f.exc = e
                f.exc_node = node
            raise

    return delegate


def _delegate(value, get_iterator, node, closing: bool = False):
    """`yield from` or `await` of `value`'s iterator (`closing`: in a body its trampoline
    drives, see _closing_delegation)."""

    def delegate(f):
        try:
            delegated = value(f)
            iterator = get_iterator(delegated)
        except BaseException as e:
            if f.exc is not e:
                f.exc = e
                f.exc_node = node
            raise
        in_frame = False
        if is_interpreted_generator(iterator) or type(delegated) is _CoroutineType \
                and registered_code(delegated.cr_code) is not None:
            # the host resumes the inner generator or coroutine directly (an awaited one
            # through its coroutine_wrapper): it links this frame back in as its f_back on
            # each resumption and unlinks it on each suspension (CPython's chain)
            f.delegating = True
        elif type(getattr(type(iterator), '__next__', None)) is _FunctionType \
                or type(getattr(type(iterator), '__iter__', None)) is _FunctionType:
            # an iterable or iterator whose methods are interpreted: they run in this frame
            # (their f_back); iter() is called once here, as GET_YIELD_FROM_ITER does (the
            # host's `yield from` would call it itself: see _yield_from_source)
            in_frame = True
            try:
                iterator = delegation_in_frame(
                    f, iter(iterator) if get_iterator is _yield_from_source else iterator)
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = node
                raise
        else:
            suspend_frame(f)
        raised = False
        try:
            result = yield from (_closing_delegation(iterator) if closing else iterator)
        except BaseException as e:
            raised = True
            _delegation_raised(f, e)
            if f.exc is not e:
                f.exc = e
                f.exc_node = node
            raise
        finally:
            if f.delegating:
                f.delegating = False
                # the inner generator left this frame current, unless it never ran (a throw()
                # whose arguments were refused)
                state = current_state()
                if state.frame is not f:
                    resume_frame(f)
            elif not in_frame:  # (delegation_in_frame leaves it current)
                resume_frame(f)
            if raised and watched_resumptions and f not in switched_frames:
                # thrown into or closed while suspended here: resumed by the exception the
                # iterator passed on (runtime.switched_generators)
                switched_resumed(f, False)
        if switched and f in switched and (result is not None
                                           or type(delegated) is _CoroutineType):
            # a frame sys.settrace found: its 'exception' event for the StopIteration that
            # carried the value (a coroutine's send() raises one for None too), as
            # runtime.tracing.traced_delegation reports it
            delegation_returned(f, result)
        return result

    switched = switched_frames
    return delegate


_FunctionType = types.FunctionType
_CoroutineType = types.CoroutineType


def delegation_in_frame(f, iterator):
    """`yield from iterator` (PEP 380) for an iterator that is not a generator: `f` is the
    running frame while its `__next__` or `send` runs, as in CPython's SEND, and is popped
    while suspended. A throw() or close() calls the iterator's own outside `f`, as CPython's
    _gen_throw does for an iterator that is not a generator; its throw() gets the caller's
    arguments as given (`delegated_throw`)."""
    sent = None
    while True:
        try:
            value = next(iterator) if sent is None else iterator.send(sent)
        except StopIteration as stop:
            return stop.value
        suspend_frame(f)
        while True:  # (again, without resuming `f`, while the iterator's throw() yields)
            try:
                sent = yield value
            except GeneratorExit:
                close = getattr(iterator, 'close', None)
                try:
                    if close is not None:
                        close()
                finally:
                    resume_frame(f)
                raise
            except BaseException as error:
                carrier = error if type(error) is ThrowArguments else None
                throw = getattr(iterator, 'throw', None)
                if throw is None:
                    resume_frame(f)
                    if carrier is None:
                        raise
                arguments = (error,) if carrier is None else carrier.arguments
            else:
                resume_frame(f)
                break
            # (out of the handler: what is raised has the thrower's context, not the thrown)
            if throw is None:
                raise carrier.exception()
            try:
                value = throw(*arguments)
            except StopIteration as stop:
                resume_frame(f)
                return stop.value
            except BaseException:
                resume_frame(f)
                raise
            arguments = carrier = None  # the iterator yielded again: `f` has not resumed


def delegated_throw(generator, arguments: tuple) -> BaseException | None:
    """throw(*arguments) into an interpreted generator suspended in `yield from`: what
    CPython's _gen_throw does down the chain of delegating generators that the host's throw
    through the compiled closures would not (None: the host's throw does as CPython's).

    Returns what to throw in instead: for an iterator that is not a generator
    (`delegation_in_frame`), a ThrowArguments, so that its throw() gets the arguments as
    given; for arguments the innermost generator refuses, their TypeError, raised in the
    generator delegating to it, at its `yield from`, the refusing one untouched (the host's
    would raise it inside the refusing one's body) and finalized when nothing else holds it.
    """
    typ = arguments[0]
    if isinstance(typ, GeneratorExit) or isinstance(typ, type) and issubclass(typ, GeneratorExit):
        return None  # closes the delegated-to iterator first: the host's throw does that
    chain = []  # the interpreted generators of the chain, outermost first
    node = generator
    receivers = []
    while is_interpreted_generator(node):
        if node.gi_running or node.gi_frame is None:
            return None
        chain.append(node)
        receiver, node = _receiver(node)
        receivers.append(receiver)
    if node is not None:
        # an iterator that is not a generator: the host's `yield from` gives it the arguments
        # as given; the compiled ones that call it themselves get them in a ThrowArguments
        if receiver is None or receiver.gi_code.co_name not in _DELEGATIONS:
            return None
        if getattr(node, 'throw', None) is not None:
            return ThrowArguments(arguments)
        # without a throw(), the generator delegating to it raises the exception itself, its
        # arguments checked first, as at a `yield`
    elif receiver is None or receiver.gi_code is not _YIELD_CODE[0]:
        return None  # (a traced body's driver)
    from ..runtime.tracebacks import check_throw_arguments

    if len(chain) < 2:
        check_throw_arguments(*(*arguments, None, None)[:3])  # raised by throw() itself
        return None
    try:
        check_throw_arguments(*(*arguments, None, None)[:3])
    except TypeError as error:
        refused = error
    else:
        return None
    if _held_elsewhere(chain[-1], chain, receivers[-2]):
        # (held elsewhere, CPython's stays suspended, its delegating one seeing the TypeError;
        # the host's throw, left to do it, raises it in its body instead)
        return None
    _drop_refusing(chain)
    refused.__traceback__ = None
    return refused


def _receiver(generator) -> tuple:
    """(the host generator of an interpreted generator's body a throw() reaches, what that
    one delegates to: an interpreted generator, another iterator, or None at a `yield`), as
    `runtime.generator_frames.delegated_to` walks them; (None, None) if it cannot tell."""
    value = generator.gi_yieldfrom
    if value is None and generator.gi_frame is not None:
        # a trampoline driving its body with send() and throw() (runtime.functions'
        # _DRIVING_RUN): what it throws in reaches the body at its own `yield`
        value = generator.gi_frame.f_locals.get('.body')
    receiver = None
    seen = set()
    while type(value) is types.GeneratorType \
            and value.gi_code.co_filename.startswith(_INTERNAL_SOURCES):
        if value.gi_running or value.gi_frame is None or id(value) in seen:
            return None, None
        seen.add(id(value))
        receiver = value
        inner = value.gi_yieldfrom
        if getattr(getattr(inner, 'gi_code', None), 'co_name', None) == 'traced_suspension':
            inner = None  # where a traced body's driver waits (runtime.tracing)
        if inner is None:
            if value.gi_code is _YIELD_CODE[0]:
                return value, None  # a compiled `yield`
            names = value.gi_frame.f_locals
            if value.gi_code.co_name in _DELEGATIONS:
                return value, names.get('iterator')
            # a body driven by send() rather than `yield from` (the tracer's instrumented one)
            inner = next((local for local in names.values()
                          if type(local) is types.GeneratorType and local.gi_frame is not None
                          and local.gi_code.co_filename.startswith(_INTERNAL_SOURCES)), None)
        value = inner
    return receiver, value


# the compiled `yield from`s that call their iterator's throw() themselves
_DELEGATIONS = ('delegation_in_frame', 'traced_delegation')
_YIELD_CODE: list = [None]  # the code of the compiled `yield` (GeneratorCompiler.yield_value)


def _held_elsewhere(refusing, chain: list, receiver) -> bool:
    """Whether anything holds the refusing generator but the compiled `yield from` of the one
    delegating to it (whose `receiver` may have a snapshot of its locals) and this module.
    (A scan of the heap: only for a throw() whose arguments a generator refused.)"""
    snapshot = receiver.gi_frame.f_locals if receiver is not None else None
    for holder in gc.get_referrers(refusing):
        if holder is chain or holder is snapshot:
            continue
        kind = type(holder)
        code = holder.gi_code if kind is types.GeneratorType else \
            holder.f_code if kind is types.FrameType else None
        if code is None or not code.co_filename.startswith(_INTERNAL_SOURCES):
            return True
    return False


def _drop_refusing(chain: list) -> None:
    """CPython's delegating generator lets go of the generator that refused a throw(): it is
    finalized (nothing else holds it), the frame current then being the one of the generator
    two links up the chain (the thrower's when there is none)."""
    refusing = chain[-1]
    from ..runtime.functions import registered_code
    from ..runtime.generator_frames import frame_of_generator

    state = current_state()
    thrower = state.frame
    above = None
    if len(chain) > 2:
        above = frame_of_generator(chain[-3], registered_code(chain[-3].gi_code))
    if above is not None:
        relink_resumed(above, thrower)
        state.frame = above
    try:
        refusing.gi_frame.clear()  # finalizes it, as its deallocation would
    finally:
        if above is not None:
            detach_suspended(above)
        state.frame = thrower


def _none(f):
    return None


def _run(name: str, is_generator: bool) -> str:
    """Template text running a compiled block: delegated to if it is a generator."""
    return f'(yield from {name}(f))' if is_generator else f'{name}(f)'
