"""Semantic tokens: classification of names, the LSP encoding and deltas."""

import random

import pytest
from navigation_workspace import make_workspace, source_module

from interpreter.analysis.semantic_tokens import (
    TOKEN_MODIFIERS,
    TOKEN_TYPES,
    encode,
    semantic_tokens,
    tokens_delta,
)

SOURCE = '''\
import os
from pkg.core import Engine, Base
from functools import wraps
MAX = 3
@wraps(len)
async def run(a, *, b=MAX):
    e = Engine(a)
    return e.fuel + len(os.sep)
class K(Base):
    def m(self, ünï):
        return self.m(ünï=ünï)
x = = 1
'''


@pytest.fixture
def workspace(tmp_path):
    return make_workspace(tmp_path)


def classified(workspace, text=SOURCE):
    loader, paths = workspace
    module = source_module(paths['main.py'], text)
    lines = text.split('\n')
    return [(lines[t.lineno - 1][t.col:t.col + t.length], t.type, sorted(t.modifiers))
            for t in semantic_tokens(loader, module)]


def test_classification(workspace):
    got = classified(workspace)
    assert got == [
        ('os', 'namespace', []),
        ('pkg', 'namespace', []),   # the parts of an import's module path
        ('core', 'namespace', []),
        ('Engine', 'class', []),
        ('Base', 'class', []),
        ('functools', 'namespace', []),
        ('wraps', 'function', []),
        ('MAX', 'variable', ['readonly']),
        ('wraps', 'decorator', []),
        ('len', 'function', ['defaultLibrary']),
        ('run', 'function', ['async', 'definition']),
        ('a', 'parameter', ['definition']),
        ('b', 'parameter', ['definition']),
        ('MAX', 'variable', ['readonly']),
        ('e', 'variable', []),
        ('Engine', 'class', []),
        ('a', 'parameter', []),
        ('e', 'variable', []),
        ('fuel', 'property', []),
        ('len', 'function', ['defaultLibrary']),
        ('os', 'namespace', []),
        ('sep', 'property', []),
        ('K', 'class', ['definition']),
        ('Base', 'class', []),
        ('m', 'method', ['definition']),
        ('self', 'parameter', ['definition']),
        ('ünï', 'parameter', ['definition']),
        ('self', 'parameter', []),
        ('m', 'property', []),
        ('ünï', 'parameter', []),  # the keyword argument
        ('ünï', 'parameter', []),
    ]


def test_encoding_is_relative_and_uses_the_given_units():
    from interpreter.analysis.semantic_tokens import SemanticToken
    tokens = [SemanticToken(1, 4, 2, 'class'), SemanticToken(1, 10, 3, 'function',
                                                             frozenset({'definition', 'async'})),
              SemanticToken(3, 2, 1, 'variable')]
    assert encode(tokens) == [0, 4, 2, TOKEN_TYPES.index('class'), 0,
                              0, 6, 3, TOKEN_TYPES.index('function'),
                              1 << TOKEN_MODIFIERS.index('definition') |
                              1 << TOKEN_MODIFIERS.index('async'),
                              2, 2, 1, TOKEN_TYPES.index('variable'), 0]
    # An astral character before a token counts twice in UTF-16.
    doubled = encode(tokens, lambda lineno, col: col * 2)
    assert doubled[:3] == [0, 8, 4]


def test_delta_applied_to_the_old_data_gives_the_new():
    picker = random.Random(5)
    for _ in range(200):
        old = [picker.randrange(4) for _ in range(5 * picker.randrange(0, 8))]
        new = list(old)
        for _ in range(picker.randrange(3)):
            where = 5 * picker.randrange(len(new) // 5 + 1)
            if picker.random() < 0.5 and new:
                del new[where:where + 5]
            else:
                new[where:where] = [picker.randrange(4) for _ in range(5)]
        start, delete_count, data = tokens_delta(old, new)
        assert start % 5 == 0
        assert old[:start] + data + old[start + delete_count:] == new


def test_broken_file_still_has_tokens(workspace):
    got = classified(workspace, 'import os\ndef f(:\n    pass\nclass C:\n    x = os.sep +\n')
    assert ('os', 'namespace', []) in got and ('C', 'class', ['definition']) in got


def test_soft_keywords_only_where_they_are_keywords(workspace):
    text = 'match = 1\nmatch match:\n    case [x, *rest]:\n        pass\n    case _:\n        pass\n'
    got = classified(workspace, text)
    assert got == [('match', 'variable', []), ('match', 'keyword', []),
                   ('match', 'variable', []), ('case', 'keyword', []),
                   ('x', 'variable', []), ('rest', 'variable', []), ('case', 'keyword', [])]
