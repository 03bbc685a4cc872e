"""Rename: scope-correct (checked against `symtable` on stdlib modules), across files, refusals."""

import os
import symtable
import sys
import sysconfig

import pytest
from navigation_workspace import FILES, make_workspace, position_of, source_module

from interpreter.analysis.navigation import ModuleLoader, SourceModule
from interpreter.analysis.rename import RenameError, prepare_rename, rename
from interpreter.source import split_lines


@pytest.fixture
def workspace(tmp_path):
    return make_workspace(tmp_path)


def apply(text, edits):
    """`text` with (range, new text) edits applied (ranges in 1-based lines, char columns)."""
    lines = split_lines(text)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    result = text
    for (lineno, col, end_lineno, end_col), new in sorted(edits, reverse=True):
        start, end = starts[lineno - 1] + col, starts[end_lineno - 1] + end_col
        result = result[:start] + new + result[end:]
    return result


def test_rename_across_workspace_files(workspace):
    loader, paths = workspace
    module = loader.load(paths['main.py'])
    files = list(paths.values())
    edits = rename(loader, module, *position_of(FILES['main.py'], 'Engine', 2), 'Motor', files)
    assert set(edits) == {paths['main.py'], paths['pkg/core.py'], paths['pkg/__init__.py'],
                          paths['user.py']}
    renamed = {name: apply(FILES[name], edits.get(path, [])) for name, path in paths.items()}
    assert 'Engine' not in ''.join(renamed.values())
    assert renamed['user.py'].startswith('from pkg.core import Motor\nimport pkg.core as pc\n')
    assert '    pc.Motor(2)\n' in renamed['user.py']
    assert 'class Motor(Base):' in renamed['pkg/core.py']


def test_local_rename_does_not_touch_another_function(workspace):
    loader, paths = workspace
    module = loader.load(paths['main.py'])
    edits = rename(loader, module, *position_of(FILES['main.py'], 'f(x)', 0, 2), 'value')
    renamed = apply(FILES['main.py'], edits[paths['main.py']])
    assert 'def f(value):\n    y = value\n' in renamed
    assert 'def g(x):\n    return x\n' in renamed


def test_names_imported_from_outside_the_workspace_get_an_alias(workspace):
    loader, paths = workspace
    module = loader.load(paths['user.py'])
    edits = rename(loader, module, *position_of(FILES['user.py'], "join('a')"), 'jn',
                   list(paths.values()))
    renamed = apply(FILES['user.py'], edits[paths['user.py']])
    assert 'from os.path import join as jn\n' in renamed and "    jn('a')\n" in renamed


@pytest.mark.parametrize('text, needle, message', [
    ('print(1)\n', 'print', 'builtin'),
    ('for x in y:\n    pass\n', 'for', 'keyword'),
    ('x = 1\n', '= 1', 'no symbol'),
    ('undefined_name\n', 'undefined', 'not defined'),
])
def test_refusals(workspace, text, needle, message):
    loader, paths = workspace
    module = source_module(paths['main.py'], text)
    with pytest.raises(RenameError, match=message):
        prepare_rename(loader, module, *position_of(text, needle))


def test_invalid_new_names_are_refused(workspace):
    loader, paths = workspace
    module = loader.load(paths['main.py'])
    for bad in ('class', '1x', 'a b'):
        with pytest.raises(RenameError):
            rename(loader, module, 14, 6, bad)


def test_non_ascii_and_broken_file(workspace):
    loader, paths = workspace
    text = 'größe = 1\ndef f(:\n    pass\ny = größe + 1\nz = = größe\n'
    module = source_module(paths['main.py'], text)
    assert prepare_rename(loader, module, 4, 5) == (4, 4, 4, 9)
    edits = rename(loader, module, 1, 2, 'size')[paths['main.py']]
    renamed = apply(text, edits)
    assert renamed.startswith('size = 1\n') and 'y = size + 1\n' in renamed


# -- scope-correctness against symtable --------------------------------------------------------

STDLIB = sysconfig.get_paths()['stdlib']
CORPUS = sorted(name for name in os.listdir(STDLIB) if name.endswith('.py'))[2::30]
_PREDICATES = ('is_referenced', 'is_imported', 'is_parameter', 'is_global', 'is_declared_global',
               'is_local', 'is_annotated', 'is_free', 'is_assigned', 'is_namespace')


def _flags(table, name):
    symbol = table.lookup(name)
    return tuple(getattr(symbol, predicate)() for predicate in _PREDICATES)


def _scopes(table, path=()):
    yield path, table
    for index, child in enumerate(table.get_children()):
        yield from _scopes(child, (*path, index))


def _check_rename(source, renamed, old, new, target_path):
    """Every scope's symbols are unchanged except `old` -> `new` (same flags) in the target
    scope and in the nested scopes where `old` was a free variable of it."""
    before = dict(_scopes(symtable.symtable(source, 'x.py', 'exec')))
    after = dict(_scopes(symtable.symtable(renamed, 'x.py', 'exec')))
    assert before.keys() == after.keys()
    for path, table in before.items():
        names = set(table.get_identifiers())
        renamed_names = set(after[path].get_identifiers())
        inside_target = path[:len(target_path)] == target_path
        uses_target = old in names and (path == target_path or (
            inside_target and table.lookup(old).is_free()))
        if uses_target:
            assert renamed_names == names - {old} | {new}, path
            assert _flags(after[path], new) == _flags(table, old)
        else:
            assert renamed_names == names, path
            for name in names:
                assert _flags(after[path], name) == _flags(table, name)


@pytest.mark.parametrize('name', CORPUS)
def test_local_renames_match_symtable_scopes(name):
    path = os.path.join(STDLIB, name)
    with open(path, encoding='utf-8') as file:
        source = file.read()
    loader = ModuleLoader(sys.path[1:])
    module = SourceModule(path, source)
    scopes = dict(_scopes(symtable.symtable(source, path, 'exec')))
    by_line = {(table.get_type(), table.get_lineno(), table.get_name()): p
               for p, table in scopes.items()}
    checked = 0
    local_names = {}
    for scope in module.bindings.scopes():
        if scope.kind == 'function':
            for symbol_name in scope.symbols:
                local_names.setdefault(symbol_name, []).append(scope)
    for symbol_name, owners in sorted(local_names.items()):
        if len(owners) < 2 or checked >= 6:
            continue  # a name local to several functions is where a wrong rename shows
        scope = owners[0]
        binding = next((b for b in scope.symbols[symbol_name].bindings
                        if b.kind in ('assignment', 'parameter', 'for-target')), None)
        if binding is None:
            continue
        edits = rename(loader, module, binding.lineno, binding.col, 'renamed_by_test_')
        renamed = apply(source, edits[path])
        target = by_line[('function', scope.node.lineno, scope.name)]
        _check_rename(source, renamed, symbol_name, 'renamed_by_test_', target)
        checked += 1
    assert checked > 0 or not any(len(o) > 1 for o in local_names.values())


def test_class_members_rename_wherever_an_attribute_resolves_to_them(workspace):
    loader, paths = workspace
    module = loader.load(paths['main.py'])
    files = list(paths.values())
    edits = rename(loader, module, *position_of(FILES['main.py'], 'run'), 'go', files)
    core = apply(FILES['pkg/core.py'], edits[paths['pkg/core.py']])
    assert '    def go(self, steps: int = 1) -> int:\n' in core
    assert 'e.go()\n' in apply(FILES['main.py'], edits[paths['main.py']])
    edits = rename(loader, module, *position_of(FILES['main.py'], 'fuel'), 'gas', files)
    core = apply(FILES['pkg/core.py'], edits[paths['pkg/core.py']])
    assert 'self.gas = fuel' in core and 'return self.gas + steps' in core
    assert '\ne.gas\n' in apply(FILES['main.py'], edits[paths['main.py']])


def test_dunder_all_entries_are_renamed(workspace):
    loader, paths = workspace
    text = "__all__ = ['helper', \"other\"]\ndef helper():\n    pass\nother = helper()\n"
    module = source_module(paths['main.py'], text)
    edits = rename(loader, module, *position_of(text, 'helper', 1), 'assist')
    assert apply(text, edits[paths['main.py']]) == (
        "__all__ = ['assist', \"other\"]\ndef assist():\n    pass\nother = assist()\n")
