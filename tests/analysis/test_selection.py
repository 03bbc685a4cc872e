"""Selection ranges: each range encloses the one before it, from the word to the whole text."""

import itertools
import os
import random
import sysconfig

import pytest

from interpreter.analysis.node_ranges import NodeRanges
from interpreter.analysis.selection import selection_ranges
from interpreter.parser import parse


def chain(source, lineno, col):
    ranges = NodeRanges(source)
    return [ranges.text(rng) for rng in selection_ranges(parse(source).tree, ranges, lineno, col)]


def test_expansion_from_a_name_outwards():
    source = 'def f(a):\n    return g(a.bé + 1, [x for x in y])\n'
    assert chain(source, 2, 16) == [
        'bé', 'a.bé', 'a.bé + 1', 'g(a.bé + 1, [x for x in y])',
        'return g(a.bé + 1, [x for x in y])', source.rstrip('\n'), source]


def test_broken_file():
    source = 'x = 1\ndef h(:\n    zé = 1\ny = x +\n'
    got = chain(source, 3, 5)
    assert got[0] == 'zé'
    assert got[-1] == source


def _encloses(outer, inner):
    return outer[:2] <= inner[:2] and inner[2:] <= outer[2:]


STDLIB = sysconfig.get_paths()['stdlib']
CORPUS = sorted(name for name in os.listdir(STDLIB) if name.endswith('.py'))[5::25]


@pytest.mark.parametrize('name', CORPUS)
def test_every_chain_is_nested(name):
    with open(os.path.join(STDLIB, name), encoding='utf-8') as file:
        source = file.read()
    tree = parse(source).tree
    ranges = NodeRanges(source)
    picker = random.Random(name)
    for _ in range(40):
        lineno = picker.randrange(1, len(ranges.lines) + 1)
        col = picker.randrange(0, len(ranges.line(lineno)) + 1)
        got = selection_ranges(tree, ranges, lineno, col)
        assert got[0][:2] <= (lineno, col) <= got[0][2:]
        for inner, outer in itertools.pairwise(got):
            assert _encloses(outer, inner) and outer != inner
