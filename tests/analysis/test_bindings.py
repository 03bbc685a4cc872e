"""Tests of interpreter.analysis.bindings: scopes, bindings and name resolution.

The host's `symtable` module is the oracle for which names are local and which are free in
every function-like scope of the standard library; small programs check the rest by hand.
"""

from __future__ import annotations

import glob
import symtable
import sysconfig
from collections import defaultdict

import pytest

from interpreter.analysis.bindings import build_bindings
from interpreter.analysis.module import analyse_module
from interpreter.parser import parse


def bindings_of(source: str, filename: str = 'example.py'):
    return build_bindings(parse(source).tree, source, filename=filename)


def occurrences(result, name: str, ctx: str | None = None):
    return [o for o in result.occurrences
            if o.name == name and (ctx is None or o.ctx == ctx)
            and o.kind not in ('attribute', 'keyword', 'imported-name')]


def resolution(result, name: str, index: int = 0, ctx: str = 'load') -> str:
    return occurrences(result, name, ctx)[index].resolution


def test_resolution_kinds():
    result = bindings_of(
        'import os\n'
        'def f(p):\n'
        '    q = p\n'
        '    def g():\n'
        '        return q, os, len, missing, __name__\n'
        '    return g\n')
    assert resolution(result, 'p') == 'local'
    assert resolution(result, 'q') == 'enclosing'
    assert resolution(result, 'os') == 'global'
    assert resolution(result, 'len') == 'builtin'
    assert resolution(result, 'missing') == 'unresolved'
    assert resolution(result, '__name__') == 'implicit'


def test_class_body_names_are_invisible_to_methods():
    result = bindings_of(
        'class A:\n'
        '    attr = 1\n'
        '    copy = attr\n'
        '    def method(self):\n'
        '        return attr\n')
    assert resolution(result, 'attr', 0) == 'local'
    assert resolution(result, 'attr', 1) == 'unresolved'


def test_comprehension_scope_and_class_variables():
    result = bindings_of(
        'class A:\n'
        '    xs = [1]\n'
        '    ys = [x + len(xs) for x in xs]\n')
    loads = occurrences(result, 'xs', 'load')
    # Only the first iterable is evaluated in the class body.
    assert [o.resolution for o in loads] == ['unresolved', 'local']
    assert resolution(result, 'x') == 'local'
    assert occurrences(result, 'x', 'load')[0].scope.kind == 'comprehension'


def test_class_body_load_before_binding_finds_the_global():
    result = bindings_of('x = 1\nclass A:\n    x = x\n')
    load = occurrences(result, 'x', 'load')[0]
    assert load.resolution == 'global'
    assert load.symbol.scope.kind == 'module'


def test_module_load_before_definition():
    result = bindings_of('print(value)\nvalue = 1\nlist = list\n')
    assert resolution(result, 'value') == 'before-definition'
    # Module bodies look names up at run time: the builtin is found before the rebinding.
    assert resolution(result, 'list') == 'builtin'


def test_global_and_nonlocal_move_bindings():
    result = bindings_of(
        'def f():\n'
        '    global counter\n'
        '    counter = 1\n'
        '    total = 0\n'
        '    def g():\n'
        '        nonlocal total\n'
        '        total += 1\n'
        '    return g\n'
        'print(counter)\n')
    module = result.module
    assert 'counter' in module.symbols
    assert [b.kind for b in module.symbols['counter'].bindings] == ['assignment']
    f_scope = module.children[0]
    assert set(f_scope.symbols) == {'total', 'g'}
    assert [b.kind for b in f_scope.symbols['total'].bindings] == [
        'assignment', 'augmented-assignment']
    assert resolution(result, 'counter') == 'global'


def test_walrus_binds_in_the_enclosing_scope():
    result = bindings_of('def f(xs):\n    if any((hit := x) for x in xs):\n        return hit\n')
    function = result.module.children[0]
    assert 'hit' in function.symbols
    assert resolution(result, 'hit') == 'local'


def test_binding_kinds_and_name_ranges():
    source = ('import a.b as c, d.e\n'
              'from m import (x as y, z)\n'
              'async def  run(p, *args, k=1, **kw): pass\n'
              'class  K: pass\n'
              'try: pass\n'
              'except E as err: pass\n'
              'with open() as fh: pass\n'
              'for i in []: pass\n'
              'match v:\n'
              '    case [1, *rest] | {"k": _, **others} as whole: pass\n')
    result = bindings_of(source)
    lines = source.split('\n')
    seen = {}
    for binding in result.bindings():
        text = lines[binding.lineno - 1][binding.col:binding.end_col]
        assert text == binding.name, binding
        seen[binding.name] = binding.kind
    assert seen == {
        'c': 'import', 'd': 'import', 'y': 'import', 'z': 'import', 'run': 'function',
        'p': 'parameter', 'args': 'parameter', 'k': 'parameter', 'kw': 'parameter',
        'K': 'class', 'err': 'except-handler', 'fh': 'with-target', 'i': 'for-target',
        'rest': 'match-capture', 'others': 'match-capture', 'whole': 'match-capture'}
    imports = {b.name: b for b in result.bindings() if b.kind == 'import'}
    assert (imports['c'].module, imports['d'].module) == ('a.b', 'd.e')
    assert (imports['y'].module, imports['y'].imported_name) == ('m', 'x')


def test_columns_are_characters():
    source = 'é = "ü"; ß = é\nprint(ß, é)\n'
    result = bindings_of(source)
    lines = source.split('\n')
    for occurrence in result.occurrences:
        line = lines[occurrence.lineno - 1]
        assert line[occurrence.col:occurrence.end_col] == occurrence.name


def test_attribute_keyword_and_import_alias_occurrences():
    source = 'from pkg import thing as alias\nalias.attr.more(key=1)\n'
    result = bindings_of(source)
    lines = source.split('\n')
    kinds = {(o.name, o.kind) for o in result.occurrences}
    assert {('thing', 'imported-name'), ('alias', 'import'), ('alias', 'name'),
            ('attr', 'attribute'), ('more', 'attribute'), ('key', 'keyword')} <= kinds
    for occurrence in result.occurrences:
        assert lines[occurrence.lineno - 1][occurrence.col:occurrence.end_col] == occurrence.name


def test_queries():
    source = ('x = 1\n'
              'def f(y):\n'
              '    x = y\n'
              '    return x\n'
              'print(x)\n')
    result = bindings_of(source)
    inner = result.binding_at(3, 4)
    assert inner.kind == 'assignment' and inner.scope.kind == 'function'
    assert result.binding_at(4, 12) is inner
    assert [(o.lineno, o.col) for o in result.references(inner)] == [(3, 4), (4, 11)]
    outer = result.binding_at(5, 6)
    assert outer.scope.kind == 'module'
    assert [(o.lineno, o.col) for o in result.references(outer)] == [(1, 0), (5, 6)]
    assert result.scope_at(3, 8).name == 'f'
    assert result.scope_at(5, 0).kind == 'module'
    visible = result.visible_names(3, 8)
    assert visible['x'].scope.kind == 'function'
    assert visible['f'].scope.kind == 'module'
    assert visible['len'].scope.kind == 'builtins'
    assert result.occurrence_at(2, 0) is None


def test_names_resolve_below_a_syntax_error():
    source = ('import os\n'
              'x = (1 +\n'
              'def f():\n'
              '    return os.sep, undefined_thing\n'
              'value = 1 +\n'
              'print(value, y)\n')
    analysis = analyse_module(source, 'broken.py')
    assert analysis.syntax_errors
    result = analysis.bindings
    assert resolution(result, 'os') == 'global'
    assert 'value' in result.error_names
    assert resolution(result, 'y') == 'unresolved'


def test_dunder_all_entries():
    result = bindings_of("__all__ = ['a', 'b']\n__all__ += ['c']\n__all__.append('d')\n")
    assert [o.name for o in result.dunder_all] == ['a', 'b', 'c', 'd']
    first = result.dunder_all[0]
    assert (first.lineno, first.col, first.end_col) == (1, 12, 13)


def _stdlib_files(limit: int) -> list[str]:
    root = sysconfig.get_paths()['stdlib']
    return sorted(glob.glob(f'{root}/**/*.py', recursive=True))[:limit]


@pytest.mark.slow
def test_locals_and_frees_match_symtable_on_the_stdlib():
    """Every function, lambda and comprehension scope: the same local names as the host's
    symtable, and the same free names (names resolved to an enclosing function)."""
    checked = 0
    for path in _stdlib_files(250):
        try:
            with open(path, encoding='utf-8') as file:
                source = file.read()
            top = symtable.symtable(source, path, 'exec')
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        result = analyse_module(source, path).bindings
        our_locals, our_frees = defaultdict(set), defaultdict(set)
        for scope in result.scopes():
            if scope.is_function:
                our_locals[scope.name, scope.range[0]] |= set(scope.symbols)
        for occurrence in result.occurrences:
            symbol = occurrence.symbol
            if symbol is None or symbol.scope.kind in ('module', 'builtins'):
                continue
            scope = occurrence.scope
            while scope is not symbol.scope:
                if scope.kind != 'class':
                    our_frees[scope.name, scope.range[0]].add(occurrence.name)
                scope = scope.parent
        their_locals, their_frees = defaultdict(set), defaultdict(set)
        tables = [top]
        while tables:
            table = tables.pop()
            tables.extend(table.get_children())
            if table.get_type() == 'function':
                key = table.get_name(), table.get_lineno()
                their_locals[key] |= set(table.get_locals()) - {'.0'}
                # `super()` makes `__class__` free; it is an implicit name here.
                their_frees[key] |= set(table.get_frees()) - {'__class__'}
        for key in their_locals:
            assert our_locals.get(key, set()) == their_locals[key], (path, key)
            assert our_frees.get(key, set()) == their_frees[key], (path, key)
            checked += 1
    assert checked > 2000
