"""Hover: kind, signature and docstring of names, including modules read from source."""

import pytest
from navigation_workspace import FILES, make_workspace, position_of, source_module

from interpreter.analysis.hover import hover


@pytest.fixture
def workspace(tmp_path):
    return make_workspace(tmp_path)


def _hover(workspace, name, needle, nth=0, offset=0, text=None):
    loader, paths = workspace
    module = loader.load(paths[name]) if text is None else source_module(paths[name], text)
    return hover(loader, module, *position_of(text or FILES[name], needle, nth, offset))


def test_function_signature_and_docstring(workspace):
    info = _hover(workspace, 'main.py', 'run')
    assert info.markdown == ('```python\n(method) def run(self, steps: int = 1) -> int\n```'
                             '\n\nRun it.')
    assert info.range == (8, 2, 8, 5)


def test_class_and_instance(workspace):
    info = _hover(workspace, 'main.py', 'Engine', 1)
    assert info.markdown == '```python\nclass Engine(Base)\n```\n\nAn engine.'
    info = _hover(workspace, 'main.py', 'e = ')
    assert info.markdown == '```python\n(variable) e = Engine(1)\n```'


def test_module_docstring_read_from_source(workspace):
    info = _hover(workspace, 'main.py', 'json', 0, 1)
    assert info.markdown.startswith('```python\n(module) json\n```\n\nJSON (JavaScript Object')
    info = _hover(workspace, 'main.py', 'core', 2)
    assert info.markdown == '```python\n(module) pkg.core\n```\n\nCore module doc.'


def test_parameters_attributes_and_builtins(workspace):
    info = _hover(workspace, 'ünï.py', 'β')
    assert info.markdown == '```python\n(parameter) β=1\n```'
    assert info.range == (2, 13, 2, 14)
    info = _hover(workspace, 'main.py', 'fuel')
    assert info.markdown == '```python\n(attribute) fuel\n```'
    text = 'print(len([]))\n'
    info = _hover(workspace, 'main.py', 'len', text=text)
    assert info.markdown.startswith('```python\ndef len(obj, /)\n```\n\nReturn the number')


def test_stdlib_function_followed_through_os(workspace):
    info = _hover(workspace, 'main.py', 'join')
    assert info.markdown.startswith('```python\ndef join(a, *p)\n```')


def test_broken_file(workspace):
    text = 'import json\nx = = 1\nvalue: int = 1\ndef f(a):\n    return a +\njson.dumps(value\n'
    info = _hover(workspace, 'main.py', 'value', 1, text=text)
    assert info.markdown == '```python\n(variable) value: int = 1\n```'
    info = _hover(workspace, 'main.py', 'dumps', text=text)
    assert info.markdown.startswith('```python\ndef dumps(obj, *, skipkeys=False')


def test_nothing_on_punctuation_and_unresolved_names(workspace):
    assert _hover(workspace, 'main.py', '= E') is None
    info = _hover(workspace, 'main.py', 'nope', text='nope()\n')
    assert info.markdown == '```python\n(unresolved) nope\n```'
