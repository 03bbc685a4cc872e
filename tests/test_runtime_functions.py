"""interpreter.runtime.functions: interpreted functions are host functions to host code."""

from __future__ import annotations

import functools
import inspect
import threading

from interpreter.compiler import compile_source
from interpreter.runtime.builtins import new_module_globals, run_code
from interpreter.runtime.functions import memphis_code_of


def run(source: str) -> dict:
    namespace = new_module_globals('__main__', '<test>')
    run_code(compile_source(source, '<test>'), namespace)
    return namespace


def test_signature_and_binding_are_the_hosts() -> None:
    ns = run('def f(a, b=2, /, c=3, *args, d, e=5, **kw):\n    return a, b, c, args, d, e, kw\n')
    f = ns['f']
    assert inspect.isfunction(f)
    assert str(inspect.signature(f)) == '(a, b=2, /, c=3, *args, d, e=5, **kw)'
    assert f(1, d=4) == (1, 2, 3, (), 4, 5, {})
    assert f.__defaults__ == (2, 3) and f.__kwdefaults__ == {'e': 5}
    assert f.__code__.co_filename == '<test>' and f.__code__.co_firstlineno == 1
    assert memphis_code_of(f).co_name == 'f'
    assert memphis_code_of(len) is None


def test_kinds_of_function_match_inspect() -> None:
    ns = run('def g():\n    yield 1\n'
             'async def c():\n    return 1\n'
             'async def ag():\n    yield 1\n'
             'h = lambda x: x\n')
    assert inspect.isgeneratorfunction(ns['g']) and inspect.isgenerator(ns['g']())
    assert inspect.iscoroutinefunction(ns['c'])
    assert inspect.isasyncgenfunction(ns['ag'])
    assert ns['h'].__name__ == '<lambda>'
    coroutine = ns['c']()
    try:
        coroutine.send(None)
    except StopIteration as stop:
        assert stop.value == 1


def test_usable_by_functools_and_threads() -> None:
    ns = run('calls = []\n'
             'def square(n):\n    calls.append(n)\n    return n * n\n')
    cached = functools.lru_cache(ns['square'])
    assert [cached(3), cached(3)] == [9, 9] and ns['calls'] == [3]
    assert functools.partial(ns['square'], 4)() == 16
    assert sorted([3, -5, 1], key=ns['square']) == [1, 3, -5]
    results = []
    thread = threading.Thread(target=lambda: results.append(ns['square'](7)))
    thread.start()
    thread.join()
    assert results == [49]


def test_wraps_and_methods() -> None:
    ns = run('class C:\n'
             '    def m(self, x):\n        return (self, x)\n'
             '    @property\n    def p(self):\n        return 42\n')
    obj = ns['C']()
    assert obj.m(1) == (obj, 1)
    assert obj.p == 42
    wrapped = functools.wraps(ns['C'].m)(lambda *a: 'wrapper')
    assert wrapped.__wrapped__ is ns['C'].m and wrapped.__qualname__ == 'C.m'


def test_code_lookup_survives_an_equal_trampoline_dying():
    import gc

    first, second = run('def f(a):\n    return a\n')['f'], run('def f(a):\n    return a\n')['f']
    assert first.__code__ is not second.__code__  # two trampolines of the same shape
    del first
    gc.collect()
    assert memphis_code_of(second) is not None
