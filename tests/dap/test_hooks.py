"""interpreter.hooks in process: decision 8 (only code with a breakpoint is instrumented, and
nothing at all without one), breakpoint stops with their frames, conditions and log messages."""

from __future__ import annotations

import pytest

from interpreter.compiler import compile_source
from interpreter.hooks import Breakpoint, Debugger, executable_lines
from interpreter.runtime.builtins import new_module_globals, run_code

SOURCE = '''\
def hot(n):
    return n + 1


def cold(n):
    value = n * 2
    return value


total = 0
for i in range(50):
    total = hot(total)
'''


def instrumented(code) -> bool:
    return code.instrumented is not None and code.body is code.instrumented


@pytest.fixture
def program(tmp_path):
    path = tmp_path / 'program.py'
    path.write_text(SOURCE)
    return str(path)


@pytest.fixture
def debugger():
    stops = []
    logs = []

    def on_stop(event):
        frame, line = event.frames[0]
        stops.append((event.reason, frame.f_code.co_name, line, dict(frame.f_locals)))
        active.resume(event.thread_id)

    active = Debugger(on_stop, logs.append)
    active.stops, active.logs = stops, logs
    active.install()
    yield active
    active.uninstall()


def children(code) -> dict:
    return {child.co_name: child for child in code.children.values()}


def test_nothing_is_instrumented_without_breakpoints(debugger, program):
    code = compile_source(SOURCE, program)
    assert not instrumented(code)
    assert not any(instrumented(child) for child in children(code).values())


def test_a_breakpoint_instruments_only_its_code_object(debugger, program):
    code = compile_source(SOURCE, program)
    debugger.set_breakpoints(program, [Breakpoint(line=6)])
    functions = children(code)
    assert instrumented(functions['cold'])
    assert not instrumented(functions['hot'])
    assert not instrumented(code)
    # code compiled after the breakpoint was set is instrumented as it is registered
    later = children(compile_source(SOURCE, program))
    assert instrumented(later['cold']) and not instrumented(later['hot'])
    debugger.set_breakpoints(program, [])
    assert not instrumented(functions['cold'])
    assert not instrumented(later['cold'])


def test_conditions_hit_counts_and_log_messages(debugger, program):
    debugger.set_breakpoints(program, [
        Breakpoint(line=2, condition='n == 7', id=1),
        Breakpoint(line=2, hit_condition='>= 49', id=2),
        Breakpoint(line=2, log_message='n={n}', condition='n < 2', id=3)])
    code = compile_source(SOURCE, program)
    run_code(code, new_module_globals('__main__', program))
    assert [(reason, name, line, names['n']) for reason, name, line, names in debugger.stops] \
        == [('breakpoint', 'hot', 2, 7), ('breakpoint', 'hot', 2, 48),
            ('breakpoint', 'hot', 2, 49)]
    assert debugger.logs == ['n=0\n', 'n=1\n']


def test_executable_lines_are_statement_lines(program):
    assert executable_lines(program) == [1, 2, 5, 6, 7, 10, 11, 12]


def test_a_global_watch_instruments_only_the_code_objects_that_store_it(debugger, program):
    from interpreter.hooks import Watch

    code = compile_source(SOURCE, program)
    namespace = new_module_globals('__main__', program)
    debugger.set_watches([Watch('global', namespace, 'total', id=5)])
    functions = children(code)
    assert instrumented(code)  # the module body assigns `total`
    assert not instrumented(functions['hot']) and not instrumented(functions['cold'])
    run_code(code, namespace)
    # `total = hot(total)` 50 times from 0 (after `total = 0`): each new value is a stop
    # after the writing statement, with the old and new values
    assert [(reason, name) for reason, name, _, _ in debugger.stops] == \
        [('data breakpoint', '<module>')] * 51
    assert [names['total'] for _, _, _, names in debugger.stops] == list(range(51))
    debugger.set_watches([])
    assert not instrumented(code)


def test_a_local_watch_reports_the_old_and_new_value(debugger, program):
    from interpreter.hooks import Watch

    code = compile_source(SOURCE, program)
    cold = children(code)['cold']
    texts = []

    def watch_cold(event):
        frame, line = event.frames[0]
        if event.reason == 'breakpoint':
            debugger.set_watches([Watch('local', frame, 'value', id=9)])
        else:
            texts.append((event.reason, line, event.text))
        debugger.resume(event.thread_id)

    debugger.on_stop = watch_cold
    debugger.set_breakpoints(program, [Breakpoint(line=6, id=1)])
    namespace = new_module_globals('__main__', program)
    run_code(code, namespace)
    assert instrumented(cold)
    namespace['cold'](21)
    assert texts == [('data breakpoint', 7, 'value changed: <unbound> -> 42')]
