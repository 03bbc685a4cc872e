"""Reuse of unchanged functions' analyses between versions (walk_templates, scope_errors):
after every edit of a sequence, the analysis of the new text made from the previous version's
must equal a fresh analysis of the same text: diagnostics, scope errors, and every scope,
symbol, binding and occurrence of the bindings (with its resolution and evaluation order).
"""

from __future__ import annotations

import os
import re
import sysconfig

import pytest

from interpreter.analysis import analyse_module

_STDLIB = sysconfig.get_paths()['stdlib']
_IDENTIFIER = re.compile(r'\b[A-Za-z_]\w*\b')


def _scope_paths(bindings) -> dict[int, tuple]:
    paths = {id(bindings.module): (), id(bindings.builtins): ('builtins',)}
    for scope in bindings.scopes():
        for index, child in enumerate(scope.children):
            paths[id(child)] = paths[id(scope)] + (index,)
    return paths


def _dump_bindings(bindings) -> list:
    """Everything `ModuleBindings` holds, with objects named by their place."""
    paths = _scope_paths(bindings)

    def symbol_name(symbol):
        return None if symbol is None else (paths[id(symbol.scope)], symbol.name)

    def binding_row(binding):
        return (binding.name, binding.kind, binding.range, paths[id(binding.site)],
                binding.order, binding.loops, sorted(binding.flags), binding.forks,
                binding.module, binding.imported_name, binding.level,
                symbol_name(binding.symbol),
                None if binding.occurrence is None else binding.occurrence.order)

    def occurrence_row(occurrence):
        return (occurrence.name, occurrence.ctx, occurrence.kind, occurrence.range,
                paths[id(occurrence.scope)], occurrence.order, occurrence.loops,
                sorted(occurrence.flags), occurrence.resolution, symbol_name(occurrence.symbol),
                None if occurrence.binding is None else occurrence.binding.order,
                type(occurrence.node).__name__, getattr(occurrence.node, 'lineno', None))

    dump = [bindings.complete, sorted(bindings.error_names), bindings.future_annotations,
            bindings.dunder_all_dynamic,
            None if bindings.dunder_all is None else [occurrence_row(o)
                                                      for o in bindings.dunder_all]]
    for scope in [*bindings.scopes(), bindings.builtins]:
        dump.append((paths[id(scope)], scope.kind, scope.name, scope.range,
                     type(scope.node).__name__, dict(scope.declarations),
                     [(module, level, node.lineno) for module, level, node in scope.star_imports],
                     [(name, symbol.deleted, [binding_row(b) for b in symbol.bindings],
                       [o.order for o in symbol.occurrences])
                      for name, symbol in scope.symbols.items()]))
    dump.append([occurrence_row(o) for o in bindings.occurrences])
    return dump


def _scope_errors(analysis) -> list:
    return sorted((d.message, d.kind, d.lineno, d.col_offset, d.end_lineno, d.end_col_offset)
                  for d in analysis.scope_errors)


def _findings(analysis) -> list:
    return [(f, f.data) for f in analysis.diagnostics]


def _check_sequence(filename: str, texts: list[str]) -> int:
    """Analyse `texts` one after another as versions of `filename`; compare each with a fresh
    analysis. Returns how many functions' walks were reused."""
    reused = 0
    for text in texts:
        incremental = analyse_module(text, filename)
        fresh = analyse_module(text, filename, incremental=False)
        assert _findings(incremental) == _findings(fresh), text
        assert _scope_errors(incremental) == _scope_errors(fresh), text
        assert _dump_bindings(incremental.bindings) == _dump_bindings(fresh.bindings), text
        reused += incremental.reused_walks
    return reused


def _renames(lines: list[str], stride: int) -> list[str]:
    """For every `stride`-th line with a name: the text with a letter added to the name (a
    rename that keeps the code valid), then with its last letter removed, then the original."""
    original = '\n'.join(lines)
    texts = [original]
    for index in range(0, len(lines), stride):
        line = lines[index]
        names = list(_IDENTIFIER.finditer(line))
        if not names or line.lstrip().startswith('#'):
            continue
        name = names[index % len(names)]
        for edited in (line[:name.end()] + 'x' + line[name.end():],
                       line[:name.end() - 1] + line[name.end():] if len(name.group()) > 1
                       else None):
            if edited is None:
                continue
            texts.append('\n'.join(lines[:index] + [edited] + lines[index + 1:]))
            texts.append(original)
    return texts


def _characters(lines: list[str], stride: int) -> list[str]:
    """For every `stride`-th line: a character inserted (often breaking the code), then the
    original, then one deleted, then the original."""
    original = '\n'.join(lines)
    texts = [original]
    for index in range(0, len(lines), stride):
        line = lines[index]
        col = (index * 7) % (len(line) + 1)
        for edited in (line[:col] + '(x,:'[index % 4] + line[col:], line[:col] + line[col + 1:]):
            texts.append('\n'.join(lines[:index] + [edited] + lines[index + 1:]))
            texts.append(original)
    return texts


def _stdlib_lines(name: str) -> list[str]:
    with open(os.path.join(_STDLIB, name), encoding='utf-8') as file:
        return file.read().split('\n')


@pytest.mark.slow
@pytest.mark.parametrize(('name', 'stride'), [('fnmatch.py', 1), ('textwrap.py', 4),
                                              ('shlex.py', 7), ('_pydecimal.py', 613)])
def test_renaming_a_name_on_every_line_equals_a_fresh_analysis(name, stride):
    lines = _stdlib_lines(name)
    reused = _check_sequence(f'/virtual/reuse/{name}', _renames(lines, stride))
    assert reused > 0


@pytest.mark.slow
@pytest.mark.parametrize(('name', 'stride'), [('string.py', 5), ('contextlib.py', 37)])
def test_character_edits_equal_a_fresh_analysis(name, stride):
    lines = _stdlib_lines(name)
    _check_sequence(f'/virtual/reuse/{name}', _characters(lines, stride))


_MODULE = '''"""A module."""
from __future__ import annotations
import os
import sys as system
from collections import OrderedDict

__all__ = ['outer', 'Thing', 'counter']
counter = 0


def outer(a, b=os.sep):
    total = a
    def inner():
        nonlocal total
        total += 1
        return total, b
    for item in range(3):
        total += item
    return inner


class Thing:
    __secret = 1

    def method(self, value: OrderedDict) -> int:
        unused = 2
        return self.__secret + value

    @staticmethod
    def helper():
        return system.argv

    async def run(self):
        result = [await x for x in self.items]
        return result


def user():
    return counter + len(__all__)


def reader():
    try:
        import json
    except ImportError:
        json = None
    return json
'''

# (old, new): each applied alone to _MODULE, then undone.
_EDITS = [
    ('    return counter + len(__all__)', '    global counter\n    return counter + len(__all__)'),
    ('def user():\n    return', 'def user():\n    global counter\n    counter = 1\n    return'),
    ('        nonlocal total', '        nonlocal totalx'),
    ('        nonlocal total', '        global total'),
    ('import os\n', 'from os import *\n'),
    ('import os\n', 'import os, json\n'),
    ('import os\n', ''),
    ('counter = 0\n', ''),
    ("__all__ = ['outer', 'Thing', 'counter']", "__all__ = ['outer', 'Thing', 'missing']"),
    ('from __future__ import annotations\n', ''),
    ('class Thing:', 'class Other:'),
    ('class Thing:', 'if TYPE_CHECKING:\n  class Thing:'),
    ('        unused = 2', '        unused = 2; return unused'),
    ('        unused = 2', '        nonlocal unused'),
    ('        unused = 2', '        return 1\n        yield 2'),
    ('    async def run(self):', '    def run(self):'),
    ('        result = [await x for x in self.items]', '        result = [(yield x) for x in self.items]'),
    ('    total = a', '    total = a\n    return'),
    ('def outer(a, b=os.sep):', 'def outer(a, a=os.sep):'),
    ('def outer(a, b=os.sep):', 'def outer(a, b=osx.sep):'),
    ('def reader():', 'def reader(json):'),
    ('    return json\n', '    return json\nreturn 1\n'),
    ('    return json\n', '    return json\nlocals()\n'),
    ('    @staticmethod', '    @staticmethodx'),
    ('        return system.argv', '        return systemx.argv'),
    ('        return system.argv', '        return __class__'),
    ('        return self.__secret + value', '        return self._Thing__secret + value'),
    ('    for item in range(3):', '    for item in rangex(3):'),
    ('    __secret = 1', '    return 1'),
    ('    __secret = 1', '    nonlocal x'),
    ('    __secret = 1', '    yield 1'),
    ('    __secret = 1', '    x = 1; global x'),
    ('    __secret = 1', '    class Inner:\n        return 1'),
    ('    __secret = 1', '    class Inner:\n        def f(self): nonlocal y'),
    ('class Thing:', 'class Thing((yield)):'),
    ('counter = 0\n', 'counter = 0\nglobal counter\n'),
    ('        result = [await x for x in self.items]', '        result = 1\n        nonlocal result'),
]


@pytest.mark.parametrize(('old', 'new'), _EDITS)
def test_scope_changing_edits_equal_a_fresh_analysis(old, new):
    assert old in _MODULE
    edited = _MODULE.replace(old, new, 1)
    # Same line count (re-parsed incrementally) when `new` has as many lines as `old`.
    texts = [_MODULE, edited, _MODULE, edited, edited.replace('total', 'totalx')]
    _check_sequence('/virtual/reuse/scopes.py', texts)


def test_edits_keeping_the_line_count_reuse_the_other_functions():
    filename = '/virtual/reuse/count.py'
    analyse_module(_MODULE, filename).diagnostics  # noqa: B018
    edited = analyse_module(_MODULE.replace('        unused = 2', '        unusedx = 2'),
                            filename)
    assert edited.reparsed
    edited.diagnostics  # noqa: B018
    # Every def but the edited method (`inner` is inside `outer`, copied with it).
    assert edited.reused_walks == 5
    assert [f.data['name'] for f in edited.diagnostics if f.code == 'M021'] == ['unusedx']


def _function_scope(analysis, name: str):
    return next(scope for scope in analysis.bindings.scopes() if scope.name == name)


def test_objects_are_taken_over_from_the_analysis_two_versions_back():
    filename = '/virtual/reuse/takeover.py'
    texts = [_MODULE.replace('        unused = 2', f'        unused{suffix} = 2')
             for suffix in ('', 'a', 'b', 'c')]
    analyses = [analyse_module(text, filename) for text in texts[:2]]
    for analysis in analyses:
        analysis.diagnostics  # noqa: B018
    third = analyse_module(texts[2], filename)
    third.diagnostics  # noqa: B018
    # `user` is unchanged: the third version's walk of it is the first's objects, renumbered
    # (the second's, the one in use until now, is left alone).
    assert _function_scope(third, 'user') is _function_scope(analyses[0], 'user')
    assert _function_scope(third, 'user') is not _function_scope(analyses[1], 'user')
    assert analyses[0].superseded and not analyses[1].superseded and not third.superseded
    fresh = analyse_module(texts[2], filename, incremental=False)
    assert _dump_bindings(third.bindings) == _dump_bindings(fresh.bindings)


def test_a_superseded_analysis_still_gives_its_own_diagnostics():
    filename = '/virtual/reuse/late.py'
    # The third version renames a global that an unchanged function reads: the first
    # version's objects for that function, taken over, then resolve it as the third does.
    texts = [_MODULE, _MODULE.replace('        unused = 2', '        unuseda = 2'),
             _MODULE.replace('counter = 0\n', 'countex = 0\n')]
    first = analyse_module(texts[0], filename)
    first.bindings  # noqa: B018 - the diagnostics are asked for only later
    for text in texts[1:]:
        analyse_module(text, filename).diagnostics  # noqa: B018
    assert first.superseded
    assert 'counter' in [f.data['name'] for f in analyse_module(
        texts[2], filename, incremental=False).diagnostics if f.code == 'M010']
    fresh = analyse_module(texts[0], filename, incremental=False)
    assert _findings(first) == _findings(fresh)
    assert not [f for f in first.diagnostics if f.code == 'M010']
