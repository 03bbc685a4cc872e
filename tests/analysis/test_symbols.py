"""Document symbols: the outline of a module, checked on samples, broken code and the stdlib."""

import ast
import os
import sysconfig

import pytest

from interpreter.analysis.node_ranges import NodeRanges
from interpreter.analysis.symbols import document_symbols
from interpreter.parser import parse


def outline(source):
    return document_symbols(parse(source).tree, NodeRanges(source))


def flatten(symbols, depth=0):
    for symbol in symbols:
        yield depth, symbol
        yield from flatten(symbol.children, depth + 1)


SAMPLE = '''\
import os
X_LIMIT = 1
é, b = 2, 3
@dec
def f(a, b=1, *c, d, **e) -> int:
    """doc"""
    local = 1
    def inner(): pass
    return a
class K(Base):
    y: int = 2
    def m(self, /, q: int = 3): self.z = 3
    @property
    def p(self): return 1
    async def run(self): pass
if X_LIMIT:
    Z = 3
X_LIMIT = 4
'''


def test_outline_is_hierarchical_with_kinds_and_details():
    got = [(depth, s.name, s.kind, s.detail) for depth, s in flatten(outline(SAMPLE))]
    assert got == [
        (0, 'X_LIMIT', 'constant', ''),
        (0, 'é', 'variable', ''),
        (0, 'b', 'variable', ''),
        (0, 'f', 'function', 'f(a, b=1, *c, d, **e) -> int'),
        (1, 'inner', 'function', 'inner()'),
        (0, 'K', 'class', ''),
        (1, 'y', 'field', ''),
        (1, 'm', 'method', 'm(self, /, q: int = 3)'),
        (1, 'p', 'property', ''),
        (1, 'run', 'method', 'run(self)'),
        (0, 'Z', 'variable', ''),
    ]


def test_ranges_cover_decorators_and_selection_is_the_name():
    symbols = {s.name: s for _, s in flatten(outline(SAMPLE))}
    ranges = NodeRanges(SAMPLE)
    assert symbols['f'].range == (4, 0, 9, 12)
    for name, symbol in symbols.items():
        assert ranges.text(symbol.selection_range) == name
        start, end = symbol.range[:2], symbol.range[2:]
        assert start <= symbol.selection_range[:2] and symbol.selection_range[2:] <= end


def test_non_ascii_columns_are_characters():
    source = 'ünï = "ß"; βeta = 1\nclass Ωmega:\n    def 函数(self): pass\n'
    symbols = {s.name: s for _, s in flatten(outline(source))}
    assert symbols['βeta'].selection_range == (1, 11, 1, 15)
    assert symbols['Ωmega'].selection_range == (2, 6, 2, 11)
    assert symbols['函数'].selection_range == (3, 8, 3, 10)


def test_broken_file_still_has_an_outline():
    source = 'def ok():\n    pass\ndef broken(:\n    x = 1\nclass After:\n    def m(self):\n'
    got = [(depth, s.name, s.kind) for depth, s in flatten(outline(source))]
    assert (0, 'ok', 'function') in got
    assert (0, 'broken', 'function') in got
    assert (0, 'After', 'class') in got


def _host_blocks(node):
    for field in ('body', 'orelse', 'finalbody'):
        yield getattr(node, field, None) or []
    for child in getattr(node, 'handlers', []) + getattr(node, 'cases', []):
        yield child.body


def _host_definitions(body, depth=0):
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield depth, node.name, node.lineno
            yield from _host_definitions(node.body, depth + 1)
        else:
            for block in _host_blocks(node):
                yield from _host_definitions(block, depth)


STDLIB = sysconfig.get_paths()['stdlib']
CORPUS = sorted(name for name in os.listdir(STDLIB) if name.endswith('.py'))[::8]


@pytest.mark.parametrize('name', CORPUS)
def test_every_definition_of_a_stdlib_module_is_in_the_outline(name):
    with open(os.path.join(STDLIB, name), encoding='utf-8') as file:
        source = file.read()
    expected = sorted(_host_definitions(ast.parse(source).body))
    ranges = NodeRanges(source)
    got = sorted((depth, s.name, s.selection_range[0]) for depth, s in flatten(outline(source))
                 if s.kind in ('function', 'method', 'property', 'class'))
    assert got == expected
    for _, symbol in flatten(outline(source)):
        assert ranges.text(symbol.selection_range) == symbol.name
