"""List, set and dict comprehensions and generator expressions, each in its own scope.

As in CPython 3.11, a comprehension is a nested function taking the first iterator (`.0`)
evaluated in the enclosing scope; it gets its own frame (`<listcomp>` in tracebacks), and a
generator expression's body is a host generator named `<genexpr>`.
"""

from __future__ import annotations

import types

from ..runtime.async_generators import guard_unstarted
from ..runtime.exceptions import special_method
from ..runtime.frames import (
    UNBOUND,
    Frame,
    current_state,
    resume_frame,
    suspend_frame,
    switched_frames,
    watched_resumptions,
)
from ..runtime.functions import (
    Signature,
    enter_generator,
    make_function,
    register_trampoline,
    thrown_before_entering,
)
from ..runtime.templates import instantiate
from ..runtime.tracebacks import leave_frame
from .functions import function_trampoline
from .generators import _await_in_frame, switched_resumed, switched_suspended
from .scope import ScopeKind, is_async_comprehension, is_coroutine_comprehension, set_local_names

__all__ = ['ComprehensionCompiler', 'ComprehensionLines']

_CellType = types.CellType


class ComprehensionCompiler:
    """Mixin: `expr_ListComp`, `expr_SetComp`, `expr_DictComp`, `expr_GeneratorExp`."""

    def comprehension(self, node, name: str, kind: str, *, generator: bool = False):
        """A comprehension's closure; with `generator`, a generator (its first iterable,
        evaluated in the enclosing scope, yields)."""
        from . import Compiler

        if is_coroutine_comprehension(node):
            if kind == 'genexpr':
                return self.async_genexp(node, generator=generator)
            if self.reuse is None:
                self.scope.child_table(node)  # consumed: later scopes on the line still match
            return _not_supported_yet(node)
        first_iter, first_gen = self.gen_expr(node.generators[0].iter) if generator else \
            (self.expr(node.generators[0].iter), False)
        iter_node = node.generators[0].iter
        qualname = self.qualname_for(name)
        if self.reuse is not None:
            code = self.reuse[self.code_key(node)]
        else:
            scope = self.child_scope(node, ScopeKind.FUNCTION, name, qualname)
            scope.layout(['.0'])
            code_kind = 'generator' if kind == 'genexpr' else 'function'
            compiler = Compiler(scope, self.filename, kind=code_kind, body=[],
                                future=self.future)
            code = self.new_code(name, qualname, node.lineno, code_kind, node)
            code.body = compiler.comprehension_body(node, kind)
            code.children = compiler.child_codes
            code.scope = scope
            code.node = node
            set_local_names(code, scope, 1)
            code.cell_slots = scope.cell_slots
            code.free_slots = scope.free_slots
        start = _comprehension_start(code, tuple(self.scope.slots[n] for n in code.co_freevars))

        def first_iterator(f):
            try:
                return iter(first_iter(f))
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = iter_node
                raise

        if kind == 'genexpr':
            make_generator = _genexpr_function(qualname, code)

            def genexpr_from(f, iterator):
                return make_generator(enter_generator(code, f.f_globals, f.f_builtins),
                                      start(f, iterator))

            def genexpr(f):
                return genexpr_from(f, first_iterator(f))

            run_from, run = genexpr_from, genexpr
        else:
            def comprehension_from(f, iterator):
                state = current_state()
                back = state.frame
                frame = Frame(code, f.f_globals, f.f_builtins, None, start(f, iterator), back)
                state.frame = frame
                try:
                    # read each time: the step hooks may switch the code to its traced body
                    code.body(frame)
                    if switched_frames and frame in switched_frames:  # found running by
                        from ..runtime.tracing import switched_frame_left  # sys.settrace

                        switched_frame_left(frame)
                    return frame.ret
                except BaseException as error:
                    leave_frame(frame, error)
                    if f.exc is not error:
                        f.exc = error
                        f.exc_node = node
                    raise
                finally:
                    state.frame = back

            def comprehension(f):
                return comprehension_from(f, first_iterator(f))

            run_from, run = comprehension_from, comprehension
        if not first_gen:
            return run

        def yielding_first_iterable(f):
            try:
                iterator = iter((yield from first_iter(f)))
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = iter_node
                raise
            return run_from(f, iterator)

        return yielding_first_iterable

    def gen_expr_ListComp(self, node):
        return self.async_comprehension(node, '<listcomp>', 'list')

    def gen_expr_SetComp(self, node):
        return self.async_comprehension(node, '<setcomp>', 'set')

    def gen_expr_DictComp(self, node):
        return self.async_comprehension(node, '<dictcomp>', 'dict')

    def async_comprehension(self, node, name: str, kind: str):
        """A comprehension that awaits: a coroutine taking the first iterator, awaited at once."""
        if not is_async_comprehension(node):
            return self.comprehension(node, name, kind, generator=True)
        first_iter, first_gen = self.gen_expr(node.generators[0].iter)
        code = self.awaiting_comprehension_code(node, name, kind)
        return self.awaited_comprehension(node, code, first_iter, first_gen)

    def awaiting_comprehension_code(self, node, name: str, kind: str):
        """The code of a comprehension whose loops await: a coroutine taking the first
        iterator, or for a generator expression an asynchronous generator."""
        from . import Compiler

        if self.reuse is not None:
            return self.reuse[self.code_key(node)]
        qualname = self.qualname_for(name)
        scope = self.child_scope(node, ScopeKind.FUNCTION, name, qualname)
        scope.layout(['.0'])
        parts = [node.key, node.value] if kind == 'dict' else [node.elt]
        for index, generator in enumerate(node.generators):
            parts.extend(generator.ifs)
            if index:
                parts.append(generator.iter)
        code_kind = 'asyncgen' if kind == 'genexpr' else 'coroutine'
        compiler = Compiler(scope, self.filename, kind=code_kind, body=parts,
                            future=self.future)
        code = self.new_code(name, qualname, node.lineno, code_kind, node)
        code.body = compiler.async_comprehension_body(node, kind)
        code.children = compiler.child_codes
        code.scope = scope
        set_local_names(code, scope, 1)
        code.cell_slots = scope.cell_slots
        code.free_slots = scope.free_slots
        code.trampoline = function_trampoline(
            Signature([], ['iterator'], None, [], None, 0, []), kind=code_kind,
            nlocals=code.nlocals, cell_slots=code.cell_slots, n_free=len(scope.frees),
            name=name, qualname=qualname, filename=self.filename, firstlineno=node.lineno,
            freevars=code.co_freevars)
        code.node = node
        return code

    def async_genexp(self, node, *, generator: bool):
        """`(x async for x in it)`, or a generator expression that awaits: creating it runs its
        first iterable (`aiter()` of it for `async for`), and it is an asynchronous generator."""
        first = node.generators[0]
        first_iter, first_gen = self.gen_expr(first.iter) if generator else \
            (self.expr(first.iter), False)
        code = self.awaiting_comprehension_code(node, '<genexpr>', 'genexpr')
        free_slots = tuple(self.scope.slots[n] for n in code.co_freevars)
        asynchronous = first.is_async
        iter_node = first.iter

        def create(f, value):
            try:
                iterator = _async_iterator(value) if asynchronous else iter(value)
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = iter_node
                raise
            closure = tuple([f.fast[slot] for slot in free_slots])
            function = make_function(code, f.f_globals, f.f_builtins, None, None, closure,
                                     None, None)
            return function(iterator)

        def first_value(f):
            try:
                return first_iter(f)
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = iter_node
                raise

        if not first_gen:
            return lambda f: create(f, first_value(f))

        def yielding_first_iterable(f):
            try:
                value = yield from first_iter(f)
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = iter_node
                raise
            return create(f, value)

        return yielding_first_iterable

    def awaited_comprehension(self, node, code, first_iter, first_gen: bool):
        """The enclosing side of an awaiting comprehension: make its coroutine, await it."""
        free_slots = tuple(self.scope.slots[n] for n in code.co_freevars)
        first = node.generators[0]
        asynchronous = first.is_async
        iter_node = first.iter
        await_in_frame = self.await_in_frame

        def comprehension(f):
            try:
                value = (yield from first_iter(f)) if first_gen else first_iter(f)
                iterator = _async_iterator(value) if asynchronous else iter(value)
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = iter_node
                raise
            closure = tuple([f.fast[slot] for slot in free_slots])
            function = make_function(code, f.f_globals, f.f_builtins, None, None, closure,
                                     None, None)
            try:
                return (yield from await_in_frame(f, function(iterator)))
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = node
                raise

        return comprehension

    def async_comprehension_body(self, node, kind: str):
        """The loops of an awaiting comprehension, all in generator mode."""
        if self.instrument:
            from ..runtime.tracing import traced_anext

            lines = ComprehensionLines(node, kind)
            self.trace_plan.update(lines.plan)
        if kind == 'dict':
            key, key_gen = self.gen_expr(node.key)
            value, value_gen = self.gen_expr(node.value)

            def innermost(f):
                k = (yield from key(f)) if key_gen else key(f)
                f.ret[k] = (yield from value(f)) if value_gen else value(f)
        elif kind == 'genexpr':
            innermost = self.yield_value(*self.gen_expr(node.elt))
        else:
            element, element_gen = self.gen_expr(node.elt)
            add = 'append' if kind == 'list' else 'add'

            def innermost(f):
                item = (yield from element(f)) if element_gen else element(f)
                getattr(f.ret, add)(item)
        step = innermost
        for index in reversed(range(len(node.generators))):
            generator = node.generators[index]
            iterable = None if index == 0 else self.gen_expr(generator.iter)
            store = self.store(generator.target)
            conditions = tuple(self.gen_expr(c) for c in generator.ifs)
            await_next = _await_in_frame
            if self.instrument:
                from ..runtime.tracing import traced_store

                header = lines.loop_lines[index]
                store = traced_store(store, lines.store_lines[index])
                conditions = tuple(_traced_async_condition(*condition, lines.end_line, header)
                                   for condition in conditions)
                step = _header_line_after(step, header)
                await_next = traced_anext
            step = _async_loop(iterable, store, conditions, step,
                               generator.is_async and index > 0, node, await_next)
            if self.instrument and not (kind == 'genexpr' and index == 0):
                step = _reports_line_after(step, lines.end_line, True)
        loops = step
        if kind == 'genexpr':
            loops.memphis_gen = True
            return loops
        empty = {'list': list, 'set': set, 'dict': dict}[kind]

        def comprehension_body(f):
            f.ret = empty()
            yield from loops(f)

        comprehension_body.memphis_gen = True
        return comprehension_body

    def expr_ListComp(self, node):
        return self.comprehension(node, '<listcomp>', 'list')

    def expr_SetComp(self, node):
        return self.comprehension(node, '<setcomp>', 'set')

    def expr_DictComp(self, node):
        return self.comprehension(node, '<dictcomp>', 'dict')

    def expr_GeneratorExp(self, node):
        return self.comprehension(node, '<genexpr>', 'genexpr')

    def gen_expr_GeneratorExp(self, node):
        return self.comprehension(node, '<genexpr>', 'genexpr', generator=True)

    def comprehension_body(self, node, kind: str):
        """The loops of a comprehension; the innermost adds to `f.ret` (or yields)."""
        if self.instrument:
            self.comprehension_lines = ComprehensionLines(node, kind)
            self.trace_plan.update(self.comprehension_lines.plan)
        if kind == 'dict':
            key, value = self.expr(node.key), self.expr(node.value)

            def innermost(f):
                k = key(f)  # the key first, as CPython 3.8+
                f.ret[k] = value(f)
        elif kind == 'genexpr':
            element = self.expr(node.elt)
            innermost = _yield_element(element)
        else:
            element = self.expr(node.elt)
            if kind == 'list':
                def innermost(f):
                    f.ret.append(element(f))
            else:
                def innermost(f):
                    f.ret.add(element(f))
        is_gen = kind == 'genexpr'
        step = innermost
        for index in reversed(range(len(node.generators))):
            generator = node.generators[index]
            iterable = None if index == 0 else self.expr(generator.iter)
            store = self.store(generator.target)
            if self.instrument:
                from ..runtime.tracing import traced_store

                lines = self.comprehension_lines
                if iterable is not None:
                    # CPython reports the line at each jump back to an inner loop too (the
                    # first loop's iterator is traced by the traced body, runtime.tracing)
                    iterable = _traced_inner_iterable(iterable, lines.loop_lines[index])
                store = traced_store(store, lines.store_lines[index])
            conditions = tuple(self.expr(c) for c in generator.ifs)
            if self.instrument:
                conditions = tuple(_traced_condition(condition, lines.end_line)
                                   for condition in conditions)
            step = _loop(iterable, store, conditions, step, is_gen, generator.iter, node)
            if self.instrument and not (is_gen and index == 0):
                # the jump back to the outer loop (or the return) has the last line
                step = _reports_line_after(step, self.comprehension_lines.end_line, is_gen)
        loops = step
        if is_gen:
            return loops
        empty = {'list': list, 'set': set, 'dict': dict}[kind]

        def comprehension_body(f):
            f.ret = empty()
            loops(f)

        return comprehension_body


def _comprehension_start(code, free_slots: tuple):
    """`start(f, iterator)`: the comprehension's slots, `.0` first, its cells and frees."""
    nlocals = code.nlocals
    cell_slots = code.cell_slots
    own_free_slots = code.free_slots

    def start(f, iterator):
        fast = [UNBOUND] * nlocals
        fast[0] = iterator
        for slot in cell_slots:
            fast[slot] = _CellType()
        outer = f.fast
        for own, slot in zip(own_free_slots, free_slots):
            fast[own] = outer[slot]
        return fast

    return start


class ComprehensionLines:
    """Where CPython 3.11's bytecode of a comprehension's function changes line (traced code).

    Its own instructions (each loop's GET_ITER and FOR_ITER, a condition's jump, the append or
    yield, the jumps back, the return) have the comprehension's line, except after a condition
    that is a comparison: its line stays the current one for what follows (compile.c sets it
    in `compiler_jump_if` and nothing restores it). The targets' stores have their own lines.
    `plan` is for `trace_lines` (expression node -> lines before and after it); `loop_lines`
    and `store_lines` are per `for` clause; `end_line` is the line of the jumps back to an
    outer loop and of a list, set or dict comprehension's return.
    """

    def __init__(self, node, kind: str) -> None:
        from .trace_lines import plan_expression

        self.plan: dict = {}
        self.loop_lines: list[int] = []
        self.store_lines: list[list[int]] = []
        line = node.lineno
        for index, generator in enumerate(node.generators):
            if index:
                plan_expression(generator.iter, line, self.plan, in_iteration=True)
            self.loop_lines.append(line)
            self.store_lines.append(_store_lines(generator.target))
            for condition in generator.ifs:
                line = self._jump(condition, line)
        if kind == 'dict':
            plan_expression(node.key, None, self.plan)
            plan_expression(node.value, line, self.plan)
        else:
            plan_expression(node.elt, line, self.plan)
        self.end_line = line

    def _jump(self, test, line: int) -> int:
        """Plan `test` as compiled by compiler_jump_if, its jump at `line`; the line after."""
        from .trace_lines import plan_test

        return plan_test(test, line, self.plan)


def _store_lines(target) -> list[int]:
    """The lines of a loop target's store instructions, in order."""
    kind = type(target).__name__
    if kind in ('Tuple', 'List'):
        lines = [target.lineno]
        for element in target.elts:
            lines.extend(_store_lines(element))
        return lines
    if kind == 'Starred':
        return _store_lines(target.value)
    return [target.lineno]


def _traced_condition(condition, end_line: int):
    """A traced comprehension's condition: when it fails, the jump back to the loop goes
    through the jump at `end_line` (the optimizer threads a jump only within one line)."""
    from ..runtime.tracing import line_event

    def traced(f):
        if condition(f):
            return True
        line_event(f, end_line)
        return False

    return traced


def _traced_async_condition(condition, is_gen: bool, end_line: int, header: int):
    """`_traced_condition` in an awaiting comprehension, (closure, is_generator) as its
    conditions are: a failing one also jumps back to its loop's `header`."""
    from ..runtime.tracing import line_event, loop_line_event

    def traced(f):
        if (yield from condition(f)) if is_gen else condition(f):
            return True
        line_event(f, end_line)
        loop_line_event(f, header)
        return False

    return traced, True


def _header_line_after(inner, header: int):
    """What an awaiting comprehension's loop runs for an item, then jumping back to the loop's
    `header` (reported: a backward jump)."""
    from ..runtime.tracing import loop_line_event

    def traced(f):
        yield from inner(f)
        loop_line_event(f, header)

    return traced


def _reports_line_after(loop, lineno: int, is_gen: bool):
    """A traced comprehension's loop that reports `lineno` when it ends (not by an error)."""
    from ..runtime.tracing import line_event

    if is_gen:
        def traced_gen_loop(f):
            yield from loop(f)
            line_event(f, lineno)

        return traced_gen_loop

    def traced_loop(f):
        loop(f)
        line_event(f, lineno)

    return traced_loop


def _traced_inner_iterable(iterable, lineno: int):
    """An inner loop's iterable whose iterator reports `lineno` before each later item."""
    def traced(f):
        return _TracedIterable(f, iterable(f), lineno)

    return traced


class _TracedIterable:
    """What `_loop` calls `iter()` on in a traced comprehension's inner loop."""

    __slots__ = ('frame', 'lineno', 'value')

    def __init__(self, frame, value, lineno: int):
        self.frame, self.value, self.lineno = frame, value, lineno

    def __iter__(self):
        from ..runtime.tracing import traced_iterator

        return traced_iterator(self.frame, iter(self.value), self.lineno)


def _loop(iterable, store, conditions, inner, is_gen: bool, iter_node, node):
    if is_gen:
        def gen_loop(f):
            if iterable is None:
                iterator = f.fast[0]
            else:
                try:
                    iterator = iter(iterable(f))
                except BaseException as e:
                    if f.exc is not e:
                        f.exc = e
                        f.exc_node = iter_node
                    raise
            try:
                for item in iterator:
                    store(f, item)
                    for condition in conditions:
                        if not condition(f):
                            break
                    else:
                        yield from inner(f)
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = node
                raise

        return gen_loop

    def loop(f):
        if iterable is None:
            iterator = f.fast[0]
        else:
            try:
                iterator = iter(iterable(f))
            except BaseException as e:
                if f.exc is not e:
                    f.exc = e
                    f.exc_node = iter_node
                raise
        try:
            for item in iterator:
                store(f, item)
                for condition in conditions:
                    if not condition(f):
                        break
                else:
                    inner(f)
        except BaseException as e:
            if f.exc is not e:
                f.exc = e
                f.exc_node = node
            raise

    return loop


def _yield_element(element):
    # (a generator expression sys.settrace did not see start: runtime.switched_generators)
    def yield_element(f):
        value = element(f)
        if switched_frames and f in switched_frames:
            switched_suspended(f, value)
        suspend_frame(f)
        try:
            yield value
        except BaseException:  # thrown in, or closed
            resume_frame(f)
            if watched_resumptions:
                switched_resumed(f, False)
            raise
        resume_frame(f)
        if watched_resumptions:
            switched_resumed(f, True)

    return yield_element


def _genexpr_function(qualname: str, memphis_code):
    """A host generator function named `<genexpr>` that runs a compiled generator body."""
    code = _genexpr_template().replace(co_name='<genexpr>', co_qualname=qualname)
    register_trampoline(code, memphis_code)
    return types.FunctionType(code, _GENEXPR_GLOBALS)


# the guard's handler runs only for an exception thrown in before the generator started
# (runtime.async_generators.UNSTARTED_GUARD)
_GENEXPR_SOURCE = """\
def make():
    def genexpr(enter, fast):
        try:
            error = None
        except BaseException as error:
            thrown(enter, fast, error)
            raise
        return (yield from enter(fast))
    return genexpr
"""
_GENEXPR_GLOBALS = {'thrown': thrown_before_entering}


def _genexpr_template():
    template = instantiate(_GENEXPR_SOURCE, 'make')().__code__
    guarded = _guarded_templates.get(template)
    if guarded is None:
        guarded = _guarded_templates[template] = guard_unstarted(template)
    return guarded


_guarded_templates: dict = {}


def _not_supported_yet(node):
    """Asynchronous comprehensions compile, and fail only if they are evaluated."""
    from .core import CompileError

    def asynchronous_comprehension(f):
        error = CompileError('asynchronous comprehensions are not supported yet')
        f.exc = error
        f.exc_node = node
        raise error

    return asynchronous_comprehension


def _async_iterator(value):
    method = special_method(value, '__aiter__')
    if method is None:
        raise TypeError(f"'async for' requires an object with __aiter__ method, got "
                        f'{type(value).__name__}')
    return method()


def _async_loop(iterable, store, conditions, inner, asynchronous: bool, node, await_next):
    """One `for` clause of an awaiting comprehension; `iterable` None means the `.0` slot;
    `await_next(f, awaitable, source)` awaits `__anext__()` (`_await_in_frame`)."""
    def loop(f):
        if iterable is None:
            source = f.fast[0]
        else:
            closure, is_gen = iterable
            value = (yield from closure(f)) if is_gen else closure(f)
            source = _async_iterator(value) if asynchronous else iter(value)
        is_async = hasattr(type(source), '__anext__')
        # GET_ANEXT wraps the failures of any iterator's awaitable but an async generator's
        anext_source = None if type(source) is types.AsyncGeneratorType else '__anext__'
        while True:
            if is_async:
                try:
                    item = yield from await_next(f, source.__anext__(), anext_source)
                except StopAsyncIteration:
                    return
            else:
                try:
                    item = next(source)
                except StopIteration:
                    return
            store(f, item)
            for condition, is_gen in conditions:
                if not ((yield from condition(f)) if is_gen else condition(f)):
                    break
            else:
                yield from inner(f)

    return loop
