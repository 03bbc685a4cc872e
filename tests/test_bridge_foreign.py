"""interpreter.bridge.foreign: which objects are native, builtin (the language's own values) or
foreign (made by host code), and how a foreign one is described."""

from __future__ import annotations

import datetime
import fractions
import math
import re
import sys
import textwrap
import types

import pytest

from interpreter.bridge.foreign import describe, is_foreign, is_native, mark_native_module
from interpreter.compiler import compile_source
from interpreter.runtime.builtins import new_module_globals, run_code

PROGRAM = textwrap.dedent('''\
    import sys, math

    class Base:
        def method(self):
            return 1

    class Child(Base):
        pass

    Dynamic = type('Dynamic', (Base,), {})

    def function(x):
        return x

    def generator():
        yield 1

    async def coroutine():
        pass

    async def async_generator():
        yield 1

    def failing():
        raise ValueError('x')

    try:
        failing()
    except ValueError as error:
        traceback = error.__traceback__
        caught = error

    objects = {
        'function': function, 'lambda': lambda: 0, 'class': Base, 'subclass': Child,
        'instance': Base(), 'subclass instance': Child(), 'dynamic subclass': Dynamic,
        'dynamic instance': Dynamic(), 'bound method': Base().method,
        'generator': generator(), 'coroutine': coroutine(),
        'async generator': async_generator(), 'generator expression': (x for x in ()),
        'frame': sys._getframe(), 'code': function.__code__, 'traceback': traceback,
        'list': [1], 'dict': {}, 'int': 3, 'str': 's', 'tuple': (), 'set': set(),
        'bytes': b'', 'none': None, 'range': range(2), 'exception': caught,
        'builtin function': len, 'builtin method': [].append, 'builtin type': int,
        'memphis builtin': globals, 'list iterator': iter([]),
        'bridged module': math, 'sys module': sys, 'host function': math.sqrt,
        'stdout': sys.stdout,
    }
    ''')


@pytest.fixture(scope='module')
def interpreted() -> dict:
    namespace = new_module_globals('__main__', '<foreign>')
    run_code(compile_source(PROGRAM, '<foreign>'), namespace)
    objects = namespace['objects']
    yield objects
    objects['coroutine'].close()


NATIVE = ['function', 'lambda', 'class', 'subclass', 'instance', 'subclass instance',
          'dynamic subclass', 'dynamic instance', 'bound method', 'generator', 'coroutine',
          'async generator', 'generator expression', 'frame', 'code', 'traceback']
BUILTIN = ['list', 'dict', 'int', 'str', 'tuple', 'set', 'bytes', 'none', 'range', 'exception',
           'builtin function', 'builtin method', 'builtin type', 'memphis builtin',
           'list iterator']
FOREIGN = ['bridged module', 'sys module', 'host function', 'stdout']


@pytest.mark.parametrize('name', NATIVE)
def test_made_by_interpreted_code_is_native(interpreted: dict, name: str) -> None:
    description = describe(interpreted[name])
    assert description.kind == 'native'
    assert is_native(interpreted[name]) and not is_foreign(interpreted[name])


@pytest.mark.parametrize('name', BUILTIN)
def test_the_languages_own_values_are_never_foreign(interpreted: dict, name: str) -> None:
    description = describe(interpreted[name])
    assert description.kind == 'builtin'
    assert is_native(interpreted[name]) and not description.foreign


@pytest.mark.parametrize('name', FOREIGN)
def test_host_objects_are_foreign(interpreted: dict, name: str) -> None:
    assert is_foreign(interpreted[name])
    assert describe(interpreted[name]).display_type.endswith('(CPython)')


def test_foreign_descriptions_name_module_type_and_implementation(interpreted: dict) -> None:
    pattern = describe(re.compile('a'))
    assert (pattern.kind, pattern.type_name, pattern.display_type, pattern.implementation) == \
        ('foreign', 're.Pattern', 're.Pattern (CPython)', 'C')
    date = describe(datetime.date(2020, 1, 1))
    assert (date.type_name, date.display_type, date.host_module) == \
        ('datetime.date', 'datetime.date (CPython)', 'datetime')
    assert describe(sys.__stdout__).display_type == '_io.TextIOWrapper (CPython)'
    sqrt = describe(interpreted['host function'])
    assert (sqrt.host_module, sqrt.display_type) == ('math', 'math.sqrt (CPython)')
    module = describe(interpreted['bridged module'])
    assert (module.host_module, module.display_type) == ('math', 'module math (CPython)')


def test_host_python_objects_say_so() -> None:
    description = describe(fractions.Fraction(1, 3))
    assert description.foreign and description.implementation == 'Python'
    assert description.display_type == 'fractions.Fraction (host Python)'
    assert describe(textwrap.dedent).implementation == 'Python'
    assert describe(re.compile).foreign


def test_a_module_run_by_memphis_is_native_and_registration_covers_the_rest() -> None:
    namespace = new_module_globals('interpreted_module', '<module>')
    module = types.ModuleType('interpreted_module')
    module.__dict__.update(namespace)
    assert describe(module).kind == 'native'
    empty = types.ModuleType('created_by_the_import_system')
    assert is_foreign(empty)
    mark_native_module(empty)
    assert describe(empty).kind == 'native'
    assert is_foreign(math)


def test_objects_of_a_type_made_by_host_code_are_foreign() -> None:
    host_class = type('HostMade', (), {})
    assert is_foreign(host_class()) and is_foreign(host_class)
