"""Incremental re-parsing (interpreter.analysis.incremental) against a full parse: after random
one-line edits of standard-library files, the reused tree and the diagnostics must be exactly
those of analysing the new text from scratch.
"""

from __future__ import annotations

import ast
import glob
import os
import random
import sysconfig

import pytest

from interpreter.analysis import analyse_module
from interpreter.nodes import to_ast


def _dump(tree) -> str:
    return ast.dump(to_ast(tree), include_attributes=True)


def _edit(rng: random.Random, lines: list[str]) -> list[str] | None:
    candidates = [index for index, line in enumerate(lines) if line.strip()]
    if not candidates:
        return None
    index = rng.choice(candidates)
    line = lines[index]
    col = rng.randrange(len(line) + 1)
    kind = rng.random()
    if kind < 0.4:
        line = line[:col] + rng.choice('xq_( :#"1,.') + line[col:]
    elif kind < 0.7 and col < len(line):
        line = line[:col] + line[col + 1:]
    else:
        line = '#' + line if rng.random() < 0.5 else line.replace('#', '', 1)
    edited = list(lines)
    edited[index] = line
    return edited


def _sample(count: int) -> list[str]:
    root = sysconfig.get_paths()['stdlib']
    paths = sorted(p for p in glob.glob(os.path.join(root, '*.py')))
    return paths[::max(1, len(paths) // count)][:count]


def test_reuses_the_tree_for_an_edit_inside_one_statement():
    source = 'import os\n\ndef f(x):\n    return x + 1\n\nprint(f(2))\n'
    first = analyse_module(source, '/virtual/incremental.py')
    second = analyse_module(source.replace('x + 1', 'x + y'), '/virtual/incremental.py')
    assert second.reparsed
    assert second.tree.body[0] is first.tree.body[0]
    assert [f.data['name'] for f in second.diagnostics if f.code == 'M010'] == ['y']


_NESTED = '''import os
class Thing:
    @staticmethod
    def helper():
        return os.sep
    # a comment
    def method(self):
        """Doc
        string"""
        return self.value + 1
print(Thing)
'''


@pytest.mark.parametrize(('old', 'new'), [
    ('        return self.value + 1', '        return self.value + missing'),
    ('        return self.value + 1', 'return self.value + 1'),
    ('    # a comment', '    # another comment'),
    ('    # a comment', 'x = 1'),
    ('    @staticmethod', '    @classmethod'),
    ('    def method(self):', '    def method(self, extra):'),
    ('        """Doc', '        """Doc changed'),
    ('        string"""', '        string""" + 1'),
])
def test_nested_edits_equal_a_full_parse(old, new):
    assert old in _NESTED
    analyse_module(_NESTED, '/virtual/nested.py')
    edited = _NESTED.replace(old, new)
    incremental = analyse_module(edited, '/virtual/nested.py')
    full = analyse_module(edited, '/virtual/nested_full.py', incremental=False)
    assert incremental.syntax_errors == full.syntax_errors
    assert _dump(incremental.tree) == _dump(full.tree)
    assert incremental.diagnostics == full.diagnostics


def test_falls_back_when_the_edit_changes_the_line_count_or_breaks_the_code():
    source = 'def f():\n    return 1\n\nx = f()\n'
    analyse_module(source, '/virtual/fallback.py')
    assert not analyse_module(source + 'y = 2\n', '/virtual/fallback.py').reparsed
    broken = analyse_module(source.replace('return 1', 'return (1'), '/virtual/fallback.py')
    assert not broken.reparsed and broken.syntax_errors
    # After a broken version nothing is reused: the next parse is a full one.
    assert not analyse_module(source, '/virtual/fallback.py').reparsed


@pytest.mark.slow
def test_incremental_equals_full_analysis_on_random_edits():
    rng = random.Random(5)
    reused = 0
    for path in _sample(20):
        with open(path, encoding='utf-8') as file:
            source = file.read()
        lines = source.split('\n')
        analyse_module(source, path)
        for _ in range(4):
            edited = _edit(rng, lines)
            if edited is None:
                continue
            text = '\n'.join(edited)
            incremental = analyse_module(text, path)
            full = analyse_module(text, path + '.full', incremental=False)
            assert incremental.syntax_errors == full.syntax_errors
            if incremental.reparsed:
                reused += 1
                assert _dump(incremental.tree) == _dump(full.tree), (path, text)
                assert incremental.diagnostics == [
                    f for f in full.diagnostics], (path, text)
            # The next edit is made to the original text again, as an undo would.
            analyse_module(source, path)
    assert reused > 30
