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
