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
