"""interpreter.runtime.tracing: line events of a traced function match sys.settrace's."""

from __future__ import annotations

import sys
import textwrap

from interpreter.compiler import compile_source
from interpreter.runtime.builtins import new_module_globals, run_code
from interpreter.runtime.functions import memphis_code_of
from interpreter.runtime.tracing import set_tracer, trace, untrace

SOURCE = textwrap.dedent('''\
    def helper(n):
        return n * 2

    def target(items):
        total = 0
        for item in items:
            if item % 2:
                total += helper(item)
            elif item > 2:
                total -= 1
            else:
                pass
        count = 0
        while count < 2:
            count += 1
        return total + count
    ''')


def host_events(arg):
    namespace: dict = {}
    exec(compile(SOURCE, '<traced>', 'exec'), namespace)  # noqa: S102 - the host is the oracle
    events = []

    def tracer(frame, event, value):
        if frame.f_code.co_name == 'target' and event in ('call', 'line', 'return'):
            events.append((event, frame.f_lineno if event == 'line' else value))
        return tracer

    sys.settrace(tracer)
    try:
        result = namespace['target'](arg)
    finally:
        sys.settrace(None)
    return result, [e for e in events if e[0] != 'call']


def memphis_events(arg):
    namespace = new_module_globals('__main__', '<traced>')
    run_code(compile_source(SOURCE, '<traced>'), namespace)
    code = memphis_code_of(namespace['target'])
    events = []

    def tracer(frame, event, value):
        if frame.f_code is code and event in ('line', 'return'):
            events.append((event, value))

    trace(code)
    set_tracer(tracer)
    try:
        result = namespace['target'](arg)
    finally:
        set_tracer(None)
        untrace(code)
    return result, events


def test_line_events_match_settrace() -> None:
    assert memphis_events([1, 2, 3, 4]) == host_events([1, 2, 3, 4])


def test_untraced_code_keeps_its_plain_body() -> None:
    namespace = new_module_globals('__main__', '<traced>')
    run_code(compile_source(SOURCE, '<traced>'), namespace)
    helper = memphis_code_of(namespace['helper'])
    target = memphis_code_of(namespace['target'])
    plain = helper.body
    trace(target)
    assert helper.body is plain and target.body is target.instrumented
    untrace(target)
    assert target.body is not target.instrumented


def _program(source: str) -> dict:
    namespace = new_module_globals('__main__', '<traced>')
    run_code(compile_source(textwrap.dedent(source), '<traced>'), namespace)
    return namespace


def test_settrace_instruments_every_code_and_none_restores_the_plain_bodies() -> None:
    from interpreter.runtime.tracing import settrace

    namespace = _program('''\
        def first(x):
            return [i for i in range(x)]

        def second():
            yield 1
        ''')
    codes = [memphis_code_of(namespace['first']), memphis_code_of(namespace['second'])]
    codes.append(next(iter(codes[0].children.values())))  # the list comprehension's code
    plain = [code.body for code in codes]
    events = []

    def tracer(frame, event, arg):
        events.append((frame.f_code.co_name, event))
        return tracer

    settrace(tracer)
    try:
        assert all(code.body is not body for code, body in zip(codes, plain))
        namespace['first'](2)
        list(namespace['second']())
    finally:
        settrace(None)
    assert [code.body for code in codes] == plain
    assert ('<listcomp>', 'call') in events and ('second', 'return') in events
    events.clear()
    namespace['first'](2)
    assert events == []


def test_code_compiled_while_tracing_is_traced() -> None:
    from interpreter.runtime.tracing import settrace

    events = []

    def tracer(frame, event, arg):
        events.append((frame.f_code.co_name, event, frame.f_lineno))
        return tracer

    settrace(tracer)
    try:
        namespace = _program('''\
            def later():
                value = 1
                return value
            ''')
        namespace['later']()
    finally:
        settrace(None)
    assert ('later', 'call', 1) in events and ('later', 'line', 2) in events
    assert ('later', 'return', 3) in events


def test_step_hook_and_sys_tracer_both_receive_events() -> None:
    from interpreter.runtime.tracing import settrace

    namespace = _program('''\
        def target(n):
            n += 1
            return n
        ''')
    code = memphis_code_of(namespace['target'])
    hooked, traced = [], []

    def hook(frame, event, arg):
        hooked.append((event, arg))

    def tracer(frame, event, arg):
        traced.append((event, arg))
        return tracer

    trace(code)
    set_tracer(hook)
    settrace(tracer)
    try:
        namespace['target'](1)
    finally:
        settrace(None)
        set_tracer(None)
        untrace(code)
    assert hooked == [('call', None), ('line', 2), ('line', 3), ('return', 2)]
    assert traced == [('call', None), ('line', None), ('line', None), ('return', 2)]
    assert code.body is not code.instrumented


def test_a_trace_function_is_not_traced_itself() -> None:
    from interpreter.runtime.tracing import settrace

    namespace = _program('''\
        events = []

        def helper():
            return 1

        def tracer(frame, event, arg):
            helper()
            events.append((frame.f_code.co_name, event))
            return tracer

        def work():
            return helper()
        ''')
    settrace(namespace['tracer'])
    try:
        namespace['work']()
    finally:
        settrace(None)
    assert namespace['events'] == [('work', 'call'), ('work', 'line'), ('helper', 'call'),
                                   ('helper', 'line'), ('helper', 'return'),
                                   ('work', 'return')]


def test_a_running_frame_reports_its_next_lines_once_its_code_is_traced() -> None:
    namespace = _program('''\
        def running(start_tracing):
            a = 1
            start_tracing()
            b = 2
            if a:
                c = 3
            return a + b + c
        ''')
    code = memphis_code_of(namespace['running'])
    plain = code.body
    events = []

    def hook(frame, event, arg):
        events.append((event, arg))

    def start_tracing():
        trace(code)
        set_tracer(hook)

    try:
        assert namespace['running'](start_tracing) == 6
    finally:
        set_tracer(None)
        untrace(code)
    assert events == [('line', 4), ('line', 5), ('line', 6), ('line', 7)]
    assert code.body is plain
    events.clear()
    set_tracer(hook)
    try:
        namespace['running'](lambda: None)
    finally:
        set_tracer(None)
    assert events == []


UNSTARTED = textwrap.dedent('''\
    def gen(a):
        yield a

    def use():
        closed = gen(1)
        closed.close()
        try:
            gen(2).throw(KeyError('k'))
        except KeyError:
            pass
        finalized = gen(3)
        del finalized
        return [(i for i in 'ab').close()]
    ''')


def _unstarted_events(run) -> list:
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name in ('gen', '<genexpr>'):
            kind = arg[0].__name__ if event == 'exception' else arg
            events.append((frame.f_code.co_name, event, frame.f_lineno, kind))
        return tracer

    return run(tracer, events)


def test_unstarted_generators_thrown_into_run_their_frame_as_cpython() -> None:
    """close(), throw() and finalization of a generator that never ran: CPython 3.11 runs its
    frame ('call', 'exception', 'return' at its first line), the step hooks too."""
    from interpreter.runtime.tracing import settrace

    def on_host(tracer, events):
        namespace: dict = {}
        exec(compile(UNSTARTED, '<traced>', 'exec'), namespace)  # noqa: S102 - the oracle
        sys.settrace(tracer)
        try:
            namespace['use']()
        finally:
            sys.settrace(None)
        return events

    def on_memphis(tracer, events):
        namespace = _program(UNSTARTED)
        settrace(tracer)
        try:
            namespace['use']()
        finally:
            settrace(None)
        return events

    expected = _unstarted_events(on_host)
    assert len(expected) == 12
    assert _unstarted_events(on_memphis) == expected


def test_untraced_unstarted_generator_closes_without_events() -> None:
    namespace = _program(UNSTARTED)
    code = memphis_code_of(namespace['gen'])
    events = []
    set_tracer(lambda frame, event, arg: events.append(event))
    try:
        namespace['use']()
    finally:
        set_tracer(None)
    assert events == [] and code.instrumented is None


REFUSES_CLOSE = textwrap.dedent('''\
    def refuses():
        try:
            yield 1
        except GeneratorExit:
            yield 2
        yield 3

    def use():
        results = []
        g = refuses()
        next(g)
        try:
            g.close()
        except RuntimeError as error:
            results.append(str(error))
        results.append(next(g))
        h = refuses()
        next(h)
        results.append(h.throw(GeneratorExit))
        g.close()
        h.close()
        return results
    ''')


def test_traced_generator_yielding_in_except_generator_exit_stays_resumable() -> None:
    """close() of a traced generator whose handler yields: RuntimeError, the 'return' event
    of the value, and the generator goes on from there, as CPython's."""
    from interpreter.runtime.tracing import settrace

    def run(set_trace, namespace):
        events = []

        def tracer(frame, event, arg):
            if frame.f_code.co_name == 'refuses':
                events.append((event, frame.f_lineno, arg if event == 'return' else None))
            return tracer

        set_trace(tracer)
        try:
            result = namespace['use']()
        finally:
            set_trace(None)
        return result, events

    host: dict = {}
    exec(compile(REFUSES_CLOSE, '<traced>', 'exec'), host)  # noqa: S102 - the oracle
    expected = run(sys.settrace, host)
    assert expected[0] == ['generator ignored GeneratorExit', 3, 2]
    assert run(settrace, _program(REFUSES_CLOSE)) == expected


SUSPENDED = textwrap.dedent('''\
    def gen():
        for i in range(3):
            yield i
            x = i * 2
        return 'end'

    g = gen()
    next(g)
    ''')


def test_a_generator_suspended_before_its_code_is_traced_reports_its_later_lines() -> None:
    namespace: dict = {}
    exec(compile(SUSPENDED, '<traced>', 'exec'), namespace)  # noqa: S102 - the host is the oracle
    expected = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name == 'gen' and event == 'line':
            expected.append(frame.f_lineno)
        return tracer

    sys.settrace(tracer)
    try:
        host_items = list(namespace['g'])
    finally:
        sys.settrace(None)

    namespace = _program(SUSPENDED)
    code = memphis_code_of(namespace['gen'])
    lines = []

    def hook(frame, event, arg):
        if frame.f_code is code and event == 'line':
            lines.append(arg)

    trace(code)
    set_tracer(hook)
    try:
        items = list(namespace['g'])
    finally:
        set_tracer(None)
        untrace(code)
    assert items == host_items == [1, 2]
    assert lines == expected == [4, 2, 3, 4, 2, 3, 4, 2, 5]
