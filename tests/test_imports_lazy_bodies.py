"""Function bodies compiled on their first call (interpreter.compiler.lazy), for modules whose
tree comes from the import cache: the same results, code attributes, tracebacks, trace events
and threads as CPython, and the code observers (the debugger) learn of every nested code."""

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from interpreter.imports import cache
from interpreter.runtime.builtins import new_module_globals, run_code
from interpreter.runtime.frames import code_observers

ROOT = Path(__file__).resolve().parent.parent

# Imported by MAIN: every function here is compiled lazily on the warm run.
LIBRARY = textwrap.dedent('''\
    import sys
    import threading

    def outer(a, b=2, *rest, key=None, **extra):
        cell = a + b

        def inner(x):
            return x + cell

        squares = [inner(i) * i for i in range(3)]
        return inner, squares, rest, key, extra

    def counter():
        total = 0
        while True:
            got = yield total
            if got is None:
                return total
            total += got

    async def coroutine(values):
        return [await Ready(v) for v in values]

    async def agen(n):
        for i in range(n):
            yield i * 10

    class Ready:
        def __init__(self, value):
            self.value = value

        def __await__(self):
            return self.value
            yield

    class Shape:
        sides = 0

        def describe(self):
            return f'{type(self).__name__} with {self.sides} sides'

        @property
        def double(self):
            return self.sides * 2

    class Square(Shape):
        sides = 4

        def describe(self):
            return super().describe() + ' (square)'

    def failing(n):
        values = {}
        return values[n]

    def deep(n):
        return failing(n) if n == 0 else deep(n - 1)

    def make_adder(n):
        return lambda x, *, scale=1: (x + n) * scale

    def deleted():
        value = 1
        del value
        return value

    def traced_target(n):
        def step(i):
            return i * 2

        total = 0
        for i in range(n):
            total += step(i)
        return total

    calls = []

    def first_call_in_threads(i):
        calls.append(i)
        return i * i
''')

MAIN = textwrap.dedent('''\
    import asyncio
    import sys
    import threading
    import traceback
    import library as lib

    inner, squares, rest, key, extra = lib.outer(1, 2, 3, key='k', z=0)
    print(inner(10), squares, rest, key, extra)
    for function in (lib.outer, inner, lib.counter, lib.coroutine, lib.agen, lib.deep,
                     lib.make_adder(1), lib.Shape.describe, lib.traced_target):
        code = function.__code__
        # Memphis's co_varnames also lists cell and free variables (a known difference)
        own = [name for name in code.co_varnames
               if name not in code.co_cellvars + code.co_freevars]
        print(code.co_name, code.co_qualname, code.co_firstlineno, code.co_argcount,
              code.co_posonlyargcount, code.co_kwonlyargcount, own,
              code.co_cellvars, code.co_freevars, code.co_flags, function.__defaults__,
              function.__kwdefaults__)
    generator = lib.counter()
    print(next(generator), generator.send(5), generator.send(6))
    try:
        generator.send(None)
    except StopIteration as stop:
        print('returned', stop.value)
    coroutine = lib.coroutine([1, 2])
    try:
        coroutine.send(None)
    except StopIteration as stop:
        print('coroutine', stop.value)

    async def collect():
        return [value async for value in lib.agen(3)]

    print(asyncio.run(collect()))
    print(lib.Square().describe(), lib.Square().double, lib.make_adder(2)(3, scale=4))
    try:
        lib.deep(3)
    except KeyError:
        traceback.print_exc(file=sys.stdout)
    try:
        lib.deleted()
    except UnboundLocalError as error:
        print(type(error).__name__, error)

    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name in ('traced_target', 'step'):
            events.append((frame.f_code.co_name, event, frame.f_lineno))
        return tracer

    sys.settrace(tracer)
    result = lib.traced_target(3)
    sys.settrace(None)
    print(result, events)

    barrier = threading.Barrier(4)
    results = []

    def worker(i):
        barrier.wait()
        results.append(lib.first_call_in_threads(i))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(sorted(results), sorted(lib.calls))
''')


def run_memphis(*args, cwd, environment):
    return subprocess.run([sys.executable, '-m', 'interpreter', *args], check=False,
                          capture_output=True, text=True, cwd=cwd, env=environment, timeout=300)


def test_a_warm_import_behaves_as_cpython(tmp_path):
    """The first run compiles `library` whole (a cache miss), the second lazily (a hit)."""
    (tmp_path / 'library.py').write_text(LIBRARY)
    (tmp_path / 'main.py').write_text(MAIN)
    memphis_env = {**os.environ, 'PYTHONPATH': str(ROOT),
                   cache.CACHE_DIR_VARIABLE: str(tmp_path / 'memphis-cache')}
    memphis_env.pop(cache.CACHE_MODE_VARIABLE, None)
    cpython_env = {**os.environ, 'PYTHONDONTWRITEBYTECODE': '1'}
    expected = subprocess.run([sys.executable, 'main.py'], check=False, capture_output=True,
                              text=True, cwd=tmp_path, env=cpython_env, timeout=60)
    assert expected.returncode == 0, expected.stderr
    for outcome in ('miss, written', 'hit'):
        actual = run_memphis('-v', 'main.py', cwd=tmp_path, environment=memphis_env)
        assert f"import 'library' # interpreted from {tmp_path / 'library.py'} " \
               f"(cache {outcome})" in actual.stderr.splitlines()
        assert (actual.returncode, actual.stdout) == (expected.returncode, expected.stdout)


NESTED = textwrap.dedent('''\
    def outer():
        def middle():
            def innermost():
                return 3
            return innermost
        return [f() for f in [middle]]

    def never_called():
        return [
            lambda: 1]
''')


@pytest.fixture
def cached_module(tmp_path, monkeypatch):
    """A module file whose cache entry exists: compiling it again is a hit."""
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / 'cache'))
    monkeypatch.delenv(cache.CACHE_MODE_VARIABLE, raising=False)
    source = tmp_path / 'nested.py'
    source.write_text(NESTED)
    assert cache.compile_cached(str(source), source.read_bytes)[1].outcome == 'miss'
    return source


def hit(source: Path):
    code, outcome = cache.compile_cached(str(source), source.read_bytes)
    assert outcome.outcome == 'hit'
    namespace = new_module_globals('nested', str(source))
    run_code(code, namespace)
    return code, namespace


def by_name(code) -> dict:
    return {child.co_name: child for child in code.children.values()}


def test_bodies_wait_for_their_first_call_and_observers_learn_of_nested_codes(cached_module):
    seen = []
    code_observers.append(seen.append)
    try:
        code, namespace = hit(cached_module)
        outer = by_name(code)['outer']
        assert outer.lazy is not None and outer.children == {}
        assert seen == [code]
        innermost_function = namespace['outer']()[0]
        assert outer.lazy is None
        nested = by_name(outer)
        assert set(nested) == {'middle', '<listcomp>'}
        assert nested['middle'].lazy is None  # called by the comprehension
        innermost = by_name(nested['middle'])['innermost']
        assert innermost.lazy is not None
        # each code object made by a first call is announced once, as a tree's root
        announced = [id(c) for c in seen[1:]]
        assert sorted(announced) == sorted(id(c) for c in [*nested.values(), innermost])
        assert innermost_function() == 3
        assert by_name(code)['never_called'].lazy is not None
    finally:
        code_observers.remove(seen.append)


def test_a_miss_compiles_every_body_at_once(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / 'cache'))
    monkeypatch.delenv(cache.CACHE_MODE_VARIABLE, raising=False)
    source = tmp_path / 'nested.py'
    source.write_text(NESTED)
    code, outcome = cache.compile_cached(str(source), source.read_bytes)
    assert outcome.outcome == 'miss'
    assert all(child.lazy is None for child in code.children.values())


def test_threads_calling_first_compile_the_body_once(cached_module, monkeypatch):
    from interpreter.compiler import functions

    compiled = []
    original = functions._BodyCompilation.compile

    def counting(self):
        compiled.append(self)
        return original(self)

    monkeypatch.setattr(functions._BodyCompilation, 'compile', counting)
    _, namespace = hit(cached_module)
    barrier = threading.Barrier(8)
    results = []

    def worker():
        barrier.wait()
        results.append(namespace['never_called']()[0]())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [1] * 8
    assert len(compiled) == 2  # never_called, then its lambda


def test_tracing_a_body_never_called_compiles_it_first(cached_module):
    from interpreter.runtime import tracing

    code, namespace = hit(cached_module)
    outer = by_name(code)['outer']
    assert outer.lazy is not None
    tracing.trace(outer)
    try:
        assert outer.lazy is None and set(by_name(outer)) == {'middle', '<listcomp>'}
        assert namespace['outer']()[0]() == 3
    finally:
        tracing.untrace(outer)
    assert namespace['outer']()[0]() == 3


def test_breakpoints_stop_in_bodies_compiled_on_their_first_call(cached_module):
    """Set before the module is imported (the debugger's launch) or after it ran, a breakpoint
    in a function whose body, or whose enclosing function's body, was never compiled stops."""
    from interpreter.hooks import Breakpoint, Debugger

    stops = []

    def on_stop(event):
        frame, line = event.frames[0]
        stops.append((frame.f_code.co_name, line))
        debugger.resume(event.thread_id)

    debugger = Debugger(on_stop, lambda message: None)
    debugger.install()
    try:
        path = str(cached_module)
        # line 4: `return 3` in innermost, nested twice in outer
        debugger.set_breakpoints(path, [Breakpoint(line=4)])
        code, namespace = hit(cached_module)
        assert by_name(code)['outer'].lazy is not None
        assert namespace['outer']()[0]() == 3
        assert stops == [('innermost', 4)]
        # line 9: never_called's return, set after the module ran
        debugger.set_breakpoints(path, [Breakpoint(line=9)])
        assert by_name(code)['never_called'].lazy is None  # compiled to be instrumented
        assert namespace['never_called']()[0]() == 1
        assert stops == [('innermost', 4), ('never_called', 9)]
    finally:
        debugger.uninstall()


def test_a_copy_made_by_replace_shares_the_first_compilation(cached_module):
    """`Code.replace` copies a waiting body: compiling either compiles the scope once (a
    second compilation would find its child tables taken)."""
    from interpreter.compiler.lazy import compiled_body

    code, namespace = hit(cached_module)
    original = by_name(code)['outer']
    copy = original.replace(co_name='renamed')
    assert copy.lazy is original.lazy is not None
    body = compiled_body(copy)
    assert compiled_body(original) is body
    assert copy.children == original.children and set(by_name(original)) == {'middle',
                                                                               '<listcomp>'}
    assert namespace['outer']()[0]() == 3


# Imports nothing (an imported module has cache entries of its own).
SAVED_LIBRARY = textwrap.dedent('''\
    first = lambda a, *b: (a, b)

    class Shape:
        sides = 4

        def area(self, scale=1):
            return self.sides * scale

    def outer(a, b=2):
        cell = a + b

        def inner(x):
            values = {x: [cell, x]}
            return values[x][0] + x

        squares = [inner(i) * i for i in range(3)]
        return inner, squares, lambda: cell

    def never_called(q):
        return [lambda r: (q, r)]
''')

SAVED_CODE_PROBE = textwrap.dedent('''\
    import sys
    from interpreter.compiler import functions as compiler_functions
    from interpreter.imports import cache
    from interpreter.runtime import templates
    from interpreter.runtime.builtins import new_module_globals, run_code

    path = sys.argv[1]
    compiled, made, preloaded = [], [], []
    templates.compile = lambda *args: (compiled.append(args[1]), compile(*args))[1]
    make = compiler_functions.make_trampoline_code
    compiler_functions.make_trampoline_code = \\
        lambda *args, **keywords: (made.append(args[0][6]), make(*args, **keywords))[1]
    preload = cache._preload
    cache._preload = lambda saved: (preloaded.append(saved is not None), preload(saved))[1]
    code, outcome = cache.compile_cached(path, open(path, 'rb').read)
    namespace = new_module_globals('library', path)
    run_code(code, namespace)
    print(outcome.outcome, preloaded, compiled, made)
    del compiled[:], made[:]
    inner, squares, cell = namespace['outer'](1)
    print(inner(1), squares, cell(), namespace['Shape']().area(), preloaded, compiled, made)
''')


def test_a_warm_import_compiles_no_template_and_reads_a_bodys_code_with_it(tmp_path):
    """The templates and trampolines a cold run compiled are saved with the module (those of
    the module and class bodies) or with each function body, and preloaded when the body is
    first read: a warm run compiles none of them."""
    (tmp_path / 'library.py').write_text(SAVED_LIBRARY)
    (tmp_path / 'probe.py').write_text(SAVED_CODE_PROBE)
    environment = {**os.environ, 'PYTHONPATH': str(ROOT),
                   cache.CACHE_DIR_VARIABLE: str(tmp_path / 'memphis-cache')}
    environment.pop(cache.CACHE_MODE_VARIABLE, None)
    runs = [subprocess.run([sys.executable, 'probe.py', str(tmp_path / 'library.py')],
                           check=False, capture_output=True, text=True, cwd=tmp_path,
                           env=environment, timeout=120) for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), runs[0].stderr + runs[1].stderr
    cold, warm = (run.stdout.splitlines() for run in runs)
    assert cold[0].startswith('miss [] [') and cold[0] != 'miss [] [] []'  # compiled them
    # warm: the module's saved code only; then outer's, inner's and area's bodies bring
    # theirs (area's too: its own templates, though made for the module and class bodies)
    assert warm == ['hit [True] [] []',
                    '4 [0, 4, 10] 3 4 [True, True, True, True] [] []']



def test_an_entrys_copy_of_a_template_already_compiled_is_not_kept(monkeypatch):
    """Each module's entry saves the templates its compilation used: the copies of those
    another module compiled first are dropped when preloaded (they stayed, unused: 230 KB
    after `import argparse`); the others are kept until used."""
    import marshal

    from interpreter.runtime import templates

    monkeypatch.setattr(templates, '_preloaded', {})
    known = 'def make():\n    return "known template of this test"\n'
    unknown = 'def make():\n    return "preloaded template of this test"\n'
    assert templates.instantiate(known, 'make')() == 'known template of this test'
    blobs = {templates.preload_key(source, 'make'): marshal.dumps(compile(source, 'x', 'exec'))
             for source in (known, unknown)}
    templates.preload_codes(blobs)
    assert list(templates._preloaded) == [templates.preload_key(unknown, 'make')]
    compiled = []
    monkeypatch.setattr(templates, 'compile', lambda *args: compiled.append(args),
                        raising=False)
    assert templates.instantiate(unknown, 'make')() == 'preloaded template of this test'
    assert compiled == [] and templates._preloaded == {}


def test_a_template_is_saved_as_its_functions_code_unless_it_defines_more(monkeypatch):
    """What the cache saves of a template is the code of the function it defines (its own
    module code is not kept once it ran), or its whole code when it defines more than that
    function; preloaded in a later run, either makes a function that behaves the same."""
    import marshal

    from interpreter.runtime import templates

    plain = 'def make(x):\n    return ("plain template of this test", x)\n'
    helper = ('def make(x):\n    return helper(x)\n'
              'def helper(x):\n    return ("helper template of this test", x)\n')
    for source in (plain, helper):
        templates.instantiate(source, 'make')
    saved = templates.compiled_codes([(plain, 'make'), (helper, 'make'), ('shape', (1, 2))])
    assert [(source, code.co_name) for source, _, code in saved] == \
        [(plain, 'make'), (helper, '<module>')]
    # as a warm run: nothing instantiated yet, the saved codes preloaded
    for name, value in (('_cache', {}), ('_codes', {}), ('_known', set()), ('_preloaded', {})):
        monkeypatch.setattr(templates, name, value)
    templates.preload_codes({templates.preload_key(source, name): marshal.dumps(code)
                             for source, name, code in saved})
    compiled = []
    monkeypatch.setattr(templates, 'compile', lambda *args: compiled.append(args),
                        raising=False)
    assert templates.instantiate(plain, 'make')(1) == ('plain template of this test', 1)
    assert templates.instantiate(helper, 'make')(2) == ('helper template of this test', 2)
    assert compiled == []

CLASSES = textwrap.dedent('''\
    class Base:
        def greet(self):
            return 'base'

    class Outer(Base):
        class Inner:
            def value(self):
                return __class__.__name__

        def greet(self):
            return 'outer+' + super().greet()

    def make():
        class Local(Outer):
            def greet(self):
                return 'local+' + super().greet()
        return Local().greet(), Outer.Inner().value()
''')


@pytest.mark.parametrize('warm', [False, True])
def test_a_ran_module_lets_go_of_its_module_and_class_trees(tmp_path, monkeypatch, warm):
    """Module and class bodies run once: after the import their symbol tables drop their
    nodes (functions compiled later, on a warm run, still find what they need)."""
    import types

    from interpreter.imports.machinery import SourceLoader
    from interpreter.runtime.functions import memphis_code_of

    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / 'cache'))
    monkeypatch.delenv(cache.CACHE_MODE_VARIABLE, raising=False)
    source = tmp_path / 'classes.py'
    source.write_text(CLASSES)
    if warm:
        cache.compile_cached(str(source), source.read_bytes)
    module = types.ModuleType('classes')
    module.__file__ = str(source)
    loader = SourceLoader('classes', str(source))
    loader.exec_module(module)
    assert loader.cached.outcome == ('hit' if warm else 'miss')
    method = memphis_code_of(module.Outer.Inner.value)
    class_block = method.scope.parent.table._table
    module_block = memphis_code_of(module.make).scope.parent.table._table
    assert (class_block.type, class_block.node, module_block.type, module_block.node) == \
        ('class', None, 'module', None)
    assert module.make() == ('local+outer+base', 'Inner')



ASYNCIO_PROGRAM = textwrap.dedent('''\
    import asyncio

    async def raise_error():
        raise ValueError

    async def main():
        task = asyncio.ensure_future(raise_error())
        try:
            await task
        except ValueError:
            print('caught')

    asyncio.run(main())
''')


def test_a_finalizer_run_while_a_body_compiles_does_not_compile_it_again(tmp_path):
    """A warm run compiles asyncio's bodies on their first calls; the collector ran
    Task.__del__ while Task.__del__'s own body was loading (a second compilation of it failed:
    'Exception ignored in: <function Task.__del__>')."""
    (tmp_path / 'main.py').write_text(ASYNCIO_PROGRAM)
    memphis_env = {**os.environ, 'PYTHONPATH': str(ROOT),
                   cache.CACHE_DIR_VARIABLE: str(tmp_path / 'memphis-cache')}
    memphis_env.pop(cache.CACHE_MODE_VARIABLE, None)
    for _ in range(2):  # the first run writes the cache
        run = run_memphis('main.py', cwd=tmp_path, environment=memphis_env)
        assert (run.returncode, run.stdout, run.stderr) == (0, 'caught\n', '')
