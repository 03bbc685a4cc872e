"""interpreter.compiler's generator mode: yield and await in every position, against CPython.

Each snippet defines a generator `g`; both interpreters drive it with the same values sent in,
and the yielded values, the return value and the exception (type and message) must agree.
"""

from __future__ import annotations

import textwrap
from textwrap import dedent

import pytest

from interpreter.compiler import Compiler, compile_source
from interpreter.runtime.builtins import new_module_globals, run_code
from interpreter.runtime.functions import memphis_code_of

DRIVER = '''
def drive(gen, sends):
    out = []
    try:
        out.append(next(gen))
        for value in sends:
            out.append(gen.send(value))
    except StopIteration as stop:
        out.append(('return', stop.value))
    except Exception as error:
        out.append((type(error).__name__, str(error)))
    return out
'''

SNIPPETS = {
    'dict_display_order': (dedent('''\
        def g():
            return {(yield 'k'): (yield 'v'), **(yield 'm')}
    '''), ['a', 1, {'b': 2}]),
    'dict_display_bad_mapping': (dedent('''\
        def g():
            return {**(yield 'm')}
    '''), [5]),
    'compare_chain_stops': (dedent('''\
        def g():
            return (yield 1) < (yield 2) < (yield 3)
    '''), [5, 1, 'unused']),
    'compare_in': (dedent('''\
        def g():
            return (yield 'x') in (yield 'container')
    '''), [1, 7]),
    'walrus': (dedent('''\
        def g():
            y = (x := (yield 'x')) + 1
            return x, y
    '''), [1]),
    'match_subject_body_guard': (dedent('''\
        def g():
            match (yield 'subject'):
                case [a, *rest] if (yield ('guard', a)):
                    return (yield rest)
                case _:
                    return 'default'
    '''), [[1, 2, 3], 0]),
    'match_body': (dedent('''\
        def g():
            match (yield 's'):
                case {'k': v}:
                    return (yield v)
    '''), [{'k': 4}, 'sent']),
    'try_star_handler_yields': (dedent('''\
        def g():
            try:
                raise ExceptionGroup('g', [KeyError(1), OSError(2)])
            except* KeyError:
                yield 'key'
            except* OSError as e:
                yield len(e.exceptions)
            finally:
                yield 'finally'
    '''), [None, None]),
    'try_star_reraises_rest': (dedent('''\
        def g():
            try:
                raise ExceptionGroup('g', [KeyError(1), OSError(2)])
            except* KeyError:
                yield 'key'
    '''), [None]),
    'listcomp_first_iterable': (dedent('''\
        def g():
            return [x * 2 for x in (yield 'it')]
    '''), [[1, 2]]),
    'genexp_first_iterable': (dedent('''\
        def g():
            return sum(x for x in (yield 'it'))
    '''), [[3, 4]]),
    'first_iterable_not_iterable': (dedent('''\
        def g():
            return [x for x in (yield 'it')]
    '''), [5]),
    'defaults_and_decorator': (dedent('''\
        def g():
            @(yield 'deco')
            def f(a=(yield 'a'), *, b=(yield 'b')):
                return a, b
            return f()
    '''), [lambda fn: fn, 1, 2]),
    'lambda_default': (dedent('''\
        def g():
            return (lambda a=(yield 'a'): a)()
    '''), [9]),
    'class_bases_keywords': (dedent('''\
        def g():
            class C(*(yield 'bases'), **(yield 'kw')):
                pass
            return [b.__name__ for b in C.__mro__]
    '''), [(dict,), {}]),
    'assert_message_only_on_failure': (dedent('''\
        def g():
            assert (yield 't'), (yield 'm')
            return 'ok'
    '''), [1]),
    'assert_fails': (dedent('''\
        def g():
            assert (yield 't'), (yield 'm')
    '''), [0, 'message']),
    'raise_from': (dedent('''\
        def g():
            raise (yield 'exc') from (yield 'cause')
    '''), [ValueError('v'), KeyError('k')]),
    'del_subscript_and_slice': (dedent('''\
        def g():
            d = [0, 1, 2, 3]
            del d[(yield 'lo'):(yield 'hi')], d[(yield 'i')]
            return d
    '''), [1, 3, 0]),
    'store_subscript_and_attribute': (dedent('''\
        class Box:
            pass
        def g():
            d, b = {}, Box()
            d[(yield 'key')] = b.v = (yield 'value')
            [b][(yield 'index')].w = 2
            return d, b.v, b.w
    '''), ['value', 'key', 0]),
    'augassign_subscript_and_attribute': (dedent('''\
        class Box:
            v = 1
        def g():
            d, b = {'k': 1}, Box()
            d[(yield 'key')] += (yield 'inc')
            [b][(yield 'i')].v *= 3
            return d, b.v
    '''), ['k', 2, 0]),
    'augassign_missing_key': (dedent('''\
        def g():
            d = {}
            d[(yield 'k')] -= 1
    '''), ['k']),
    'fstring': (dedent('''\
        def g():
            return f'{(yield 1)!r:>5}{(yield 2)}'
    '''), ['a', 'b']),
    'unpacking_targets': (dedent('''\
        def g():
            d = {}
            d[(yield 'a')], [d[(yield 'b')], *rest], last = (yield 'value')
            return d, rest, last
    '''), [[1, (2, 3, 4), 5], 'A', 'B']),
    'unpacking_too_many': (dedent('''\
        def g():
            d = {}
            d[(yield 'a')], last = (yield 'value')
    '''), [[1, 2, 3]]),
    'starred_call': (dedent('''\
        def g():
            return max(*(yield 'a'), **(yield 'k'))
    '''), [[3, 1], {'key': abs}]),
}


def cpython_drive(source: str, sends: list):
    namespace: dict = {}
    exec(DRIVER + source, namespace)  # noqa: S102 - the host is the oracle
    return namespace['drive'](namespace['g'](), sends)


def memphis_drive(source: str, sends: list):
    namespace = new_module_globals('__main__', '<test>')
    run_code(compile_source(DRIVER + source, '<test>'), namespace)
    return namespace['drive'](namespace['g'](), sends)


@pytest.mark.parametrize('name', sorted(SNIPPETS))
def test_generator_position_matches_cpython(name: str) -> None:
    source, sends = SNIPPETS[name]
    assert memphis_drive(source, sends) == cpython_drive(source, sends)


def test_async_generator_expressions_match_cpython() -> None:
    source = textwrap.dedent('''
        async def agen(n):
            for i in range(n):
                yield i

        class Ready:
            def __init__(self, value):
                self.value = value
            def __await__(self):
                yield from ()
                return self.value

        async def main():
            plain = (x async for x in agen(3))
            awaiting = (await Ready(x) for x in range(3))
            nested = (y * 2 async for y in (x async for x in agen(4)) if y % 2)
            return ([type(plain).__name__, type(awaiting).__name__],
                    [x async for x in plain], [x async for x in awaiting],
                    [x async for x in nested])

        def result():
            coroutine = main()
            try:
                while True:
                    coroutine.send(None)
            except StopIteration as stop:
                return stop.value
    ''')
    namespace: dict = {}
    exec(source, namespace)  # noqa: S102 - the host is the oracle
    memphis = new_module_globals('__main__', '<test>')
    run_code(compile_source(source, '<test>'), memphis)
    assert memphis['result']() == namespace['result']()


def test_recompiling_a_generator_reuses_the_codes_of_hoisted_definitions() -> None:
    # the step hooks compile a body again with `reuse`: definitions compiled from copies
    # (their yielding parts replaced by temporaries) must be found under the parsed node
    source = ("def g():\n"
              "    def f(a=(yield 1)):\n"
              "        return a\n"
              "    class C((yield 2)):\n"
              "        pass\n"
              "    h = lambda b=(yield 3): b\n"
              "    return f(), C.__bases__, h(), [x for x in (yield 4)], list(x for x in 'ab')\n")
    namespace = new_module_globals('__main__', '<test>')
    run_code(compile_source(DRIVER + source, '<test>'), namespace)
    code = memphis_code_of(namespace['g'])
    sends = ['a', object, 'c', [1]]
    before = namespace['drive'](namespace['g'](), sends)
    compiler = Compiler(code.scope, code.co_filename, kind=code.kind, body=code.node.body,
                        reuse=code.children)
    plain = code.body
    code.body = compiler.function_body(code.node.body)
    try:
        assert not compiler.child_codes  # nothing compiled anew
        assert namespace['drive'](namespace['g'](), sends) == before
    finally:
        code.body = plain
    assert before[-1] == ('return', ('a', (object,), 'c', [1], ['a', 'b']))
