"""interpreter.compiler: name resolution, slot layout, specialisation, positions."""

from __future__ import annotations

import pytest

from interpreter.compiler import compile_source
from interpreter.runtime.builtins import new_module_globals, run_code
from interpreter.runtime.functions import memphis_code_of
from interpreter.runtime.tracebacks import memphis_traceback


def run(source: str) -> dict:
    namespace = new_module_globals('__main__', '<test>')
    run_code(compile_source(source, '<test>'), namespace)
    return namespace


def test_slots_follow_co_varnames_order_with_cells_and_frees() -> None:
    ns = run('def outer(a, *rest, k, **kw):\n'
             '    local = 1\n'
             '    def inner():\n'
             '        return a + local\n'
             '    return inner\n')
    outer = memphis_code_of(ns['outer'])
    assert outer.co_varnames[:4] == ('a', 'k', 'rest', 'kw')
    assert set(outer.co_cellvars) == {'a', 'local'}
    inner = memphis_code_of(ns['outer'](1, k=2))
    assert set(inner.co_freevars) == {'a', 'local'}
    assert ns['outer'](1, k=2)() == 2


def test_class_scope_passes_cells_through_to_methods() -> None:
    ns = run('def make():\n'
             '    value = "enclosing"\n'
             '    class C:\n'
             '        value = "class"\n'
             '        def get(self):\n'
             '            return value\n'
             '    return C\n')
    cls = ns['make']()
    assert cls.value == 'class' and cls().get() == 'enclosing'


@pytest.mark.parametrize(('source', 'message'), [
    ('def f():\n    x += 1\nf()\n', "cannot access local variable 'x'"),
    ('def f():\n    del y\n    y = 1\nf()\n', "cannot access local variable 'y'"),
    ('def f():\n    return z\nf()\n', "name 'z' is not defined"),
])
def test_unbound_and_undefined_names(source: str, message: str) -> None:
    with pytest.raises(NameError, match=message):
        run(source)


def test_operator_tree_reports_the_failing_operation() -> None:
    source = 'def f(a, b):\n    return a * 2 + b / (a - a)\nf(1, 2)\n'
    with pytest.raises(ZeroDivisionError) as info:
        run(source)
    tb = memphis_traceback(info.value)
    while tb.tb_next is not None:
        tb = tb.tb_next
    node = tb.node
    assert (node.lineno, node.col_offset, node.end_col_offset) == (2, 19, 30)


def test_generator_mode_splits_expressions_around_yield() -> None:
    ns = run('def g():\n'
             '    total = (yield 1) + (yield 2) * 10\n'
             '    return total\n')
    gen = ns['g']()
    assert next(gen) == 1 and gen.send(3) == 2
    with pytest.raises(StopIteration) as stop:
        gen.send(4)
    assert stop.value.value == 43


def test_closures_show_exactly_their_free_variables_as_cpython() -> None:
    source = ('def outer(a):\n'
              '    zeta, alpha = 1, 2\n'
              '    def inner():\n'
              '        return a, zeta, alpha\n'
              '    def plain(y):\n'
              '        return y\n'
              '    return inner, plain\n')
    host: dict = {}
    exec(compile(source, '<test>', 'exec', dont_inherit=True), host)  # noqa: S102 - the oracle
    ours = run(source)
    for namespace in (host, ours):
        inner, plain = namespace['outer'](0)
        namespace['shown'] = (inner.__code__.co_freevars,
                              [cell.cell_contents for cell in inner.__closure__],
                              plain.__closure__, plain.__code__.co_freevars,
                              namespace['outer'](1)[1].__code__ is plain.__code__)
    assert ours['shown'] == host['shown']
    assert ours['shown'][-1]  # one def's functions share their code, as in CPython


def test_closures_made_by_many_threads_keep_their_own_cells() -> None:
    import threading

    ns = run('def make(x):\n'
             '    def get():\n'
             '        return x\n'
             '    return get\n')
    results: list = []

    def work(base: int) -> None:
        made = [ns['make'](base + i) for i in range(300)]
        results.append(all(get() == base + i for i, get in enumerate(made)))

    threads = [threading.Thread(target=work, args=(1000 * n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True] * 4


@pytest.mark.parametrize('mode', ['exec', 'eval', 'single'])
def test_nesting_past_the_parser_is_a_memory_error(mode):
    # CPython's parser stack overflows there (test_syntax's test_error_on_parser_stack_overflow)
    source = '-' * 100_000 + '4'
    with pytest.raises(MemoryError):
        compile(source, '<string>', mode)
    with pytest.raises(MemoryError):
        compile_source(source, '<string>', mode)


def test_syntax_error_text_is_decoded_as_declared():
    source = b'# -*- coding: iso8859-7 -*-\n\xe1 = 0xI'
    expected = pytest.raises(SyntaxError, compile, source, '<s>', 'exec').value
    found = pytest.raises(SyntaxError, compile_source, source, '<s>', 'exec').value
    assert (found.msg, found.lineno, found.offset, found.text) == \
        (expected.msg, expected.lineno, expected.offset, expected.text) == \
        ('invalid hexadecimal literal', 2, 6, '\u03b1 = 0xI')
