"""interpreter.runtime.tracebacks and suggestions: positions recorded, CPython's suggestions."""

from __future__ import annotations

import pytest

from interpreter.compiler import compile_source
from interpreter.runtime.builtins import new_module_globals, run_code
from interpreter.runtime.suggestions import _best
from interpreter.runtime.tracebacks import format_exception, memphis_traceback


def test_traceback_entries_point_at_failing_nodes() -> None:
    source = 'def f(a):\n    return a / 0\n\nf(1)\n'
    with pytest.raises(ZeroDivisionError) as info:
        run_code(compile_source(source, '<tb>'), new_module_globals('__main__'))
    tb = memphis_traceback(info.value)
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    assert lines == [('<module>', 4), ('f', 2)]
    assert format_exception(info.value)[-1] == 'ZeroDivisionError: division by zero\n'


@pytest.mark.parametrize(('name', 'candidates', 'expected'), [
    ('countr', ['counter', 'other'], 'counter'),
    ('apend', ['append', 'extend'], 'append'),
    ('x', ['y'], None),
    ('Print', ['print'], 'print'),
])
def test_suggestions_follow_cpython(name, candidates, expected) -> None:
    assert _best(candidates, name) == expected


def _raised(source: str) -> BaseException:
    with pytest.raises(Exception) as info:
        run_code(compile_source(source, '<tb>'), new_module_globals('__main__'))
    return info.value


def test_traceback_objects_are_made_once_and_grow_outwards() -> None:
    error = _raised('def f():\n    return 1 / 0\n\nf()\n')
    head = memphis_traceback(error)
    assert memphis_traceback(error) is head
    inner = head.tb_next
    frame = head.tb_frame
    error.__dict__['__memphis_traceback__'].append((frame, None))
    grown = memphis_traceback(error)
    assert grown is not head and grown.tb_next is head and head.tb_next is inner


def test_tb_lasti_indexes_the_nodes_position_in_co_positions() -> None:
    from interpreter.runtime.tracebacks import Traceback

    error = _raised('def f(x):\n    y = 1\n    return y + x["k"]\n\nf({})\n')
    entry = memphis_traceback(error).tb_next
    index = entry.tb_lasti // 2  # the traceback module reads tb_lasti first, then positions
    positions = list(entry.tb_frame.f_code.co_positions())
    line, end_line, column, end_column = positions[index]
    node = entry.node
    assert (line, end_line, column, end_column) == \
        (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)
    assert (line, column) == (3, 15)
    assert positions[0] == (1, 1, 0, 0)  # CPython's RESUME, at the def line
    assert type(entry) is Traceback and type(entry).__name__ == 'traceback'


@pytest.mark.parametrize('source', [
    'def f(x):\n    return x\n',
    'def f():\n    yield 1\n',
    'async def f():\n    pass\n',
    'class C:\n    x = 1\n',
])
def test_first_instruction_position_is_cpythons(source: str) -> None:
    """co_positions()[0], what types.TracebackType(..., tb_lasti=0, ...) points at."""
    from interpreter.runtime.functions import memphis_code_of

    host: dict = {}
    exec(compile(source, '<first>', 'exec'), host)  # noqa: S102 - the oracle's code objects
    ours = new_module_globals('__main__')
    run_code(compile_source(source, '<first>'), ours)
    name = 'C' if source.startswith('class') else 'f'
    if name == 'C':
        # a class body's code: the only code constant of the module's
        expected = next(next(const for const in compile(source, '<first>', 'exec').co_consts
                             if hasattr(const, 'co_positions')).co_positions())
        code = next(const for const in compile_source(source, '<first>').co_consts
                    if hasattr(const, 'co_positions'))
        assert next(code.co_positions()) == expected
        return
    assert next(memphis_code_of(ours[name]).co_positions()) == \
        next(host[name].__code__.co_positions())
    module = compile_source(source, '<first>')
    assert next(module.co_positions()) == next(compile(source, '<first>', 'exec').co_positions())


def test_set_traceback_keeps_the_objects_it_is_given() -> None:
    from interpreter.runtime.tracebacks import set_traceback, traceback_of

    first = _raised('def f():\n    raise KeyError(1)\n\nf()\n')
    second = ValueError('later')
    tb = memphis_traceback(first)
    set_traceback(second, tb)
    assert traceback_of(second) is tb
    set_traceback(second, tb.tb_next)
    assert traceback_of(second) is tb.tb_next
    set_traceback(second, None)
    assert traceback_of(second) is None and second.__traceback__ is None


def test_an_exception_only_host_code_saw_keeps_its_host_traceback() -> None:
    from interpreter.runtime.tracebacks import traceback_of

    try:
        int('x')
    except ValueError as error:
        assert traceback_of(error) is error.__traceback__
