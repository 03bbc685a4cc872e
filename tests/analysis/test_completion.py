"""Completion: scope-aware names, keywords, module members and class attributes."""

import pytest
from navigation_workspace import make_workspace, source_module

from interpreter.analysis.completion import completions


@pytest.fixture
def workspace(tmp_path):
    return make_workspace(tmp_path)


def complete(workspace, text, lineno=None, col=None):
    """Completions at the end of `text` (or at lineno, col)."""
    loader, paths = workspace
    module = source_module(paths['main.py'].replace('main.py', 'edited.py'), text)
    if lineno is None:
        lines = text.split('\n')
        lineno, col = len(lines), len(lines[-1])
    return {item.label: item.kind for item in completions(loader, module, lineno, col)}


def test_names_are_scope_aware(workspace):
    text = ('import json\nalpha = 1\ndef f(alps):\n    alpine = 2\n    al\n'
            'def g():\n    al\n')
    inside_f = complete(workspace, text, 5, 6)
    assert inside_f['alps'] == 'parameter' and inside_f['alpine'] == 'variable'
    assert inside_f['alpha'] == 'variable' and inside_f['all'] == 'function'
    inside_g = complete(workspace, text, 7, 6)
    assert 'alps' not in inside_g and 'alpine' not in inside_g and 'alpha' in inside_g


def test_class_body_names_are_invisible_in_methods(workspace):
    text = 'class K:\n    member = 1\n    def m(self):\n        mem\n'
    assert 'member' not in complete(workspace, text)
    assert 'memoryview' in complete(workspace, text)


def test_keywords(workspace):
    got = complete(workspace, 'x = 1\nwh')
    assert got['while'] == 'keyword' and got['with'] == 'keyword'
    assert complete(workspace, 'x = 1\nma')['match'] == 'keyword'


def test_module_members_read_from_source(workspace):
    got = complete(workspace, 'import json\njson.')
    assert got['loads'] == 'function' and got['JSONDecodeError'] == 'variable'
    assert 'decoder' in got and '_default_encoder' not in got
    assert '_default_encoder' in complete(workspace, 'import json\njson._d')
    got = complete(workspace, 'import pkg.core\npkg.core.')
    assert got['Engine'] == 'class' and got['json'] == 'module'


def test_class_attributes_including_self_assignments_and_bases(workspace):
    got = complete(workspace, 'from pkg.core import Engine\ne = Engine(1)\ne.')
    assert got == {'speed': 'variable', 'run': 'method', 'fuel': 'attribute',
                   'shared': 'method'}
    text = 'class Q:\n    def __init__(self):\n        self.ünï = 1\n    def m(self):\n        self.'
    assert complete(workspace, text) == {'m': 'method', 'ünï': 'attribute'}


def test_from_import_and_import_statements(workspace):
    got = complete(workspace, 'from pkg.core import ')
    assert {'Base', 'Engine', 'json'} <= set(got)
    got = complete(workspace, 'from pkg import co')
    assert got == {'core': 'module'}
    assert 'json' in complete(workspace, 'import js')
    assert complete(workspace, 'from . import ') == {
        name: 'module' for name in ('main', 'pkg', 'user', 'ünï')}


def test_nothing_in_comments_and_strings(workspace):
    assert complete(workspace, 'import json\n# json.') == {}
    assert complete(workspace, 'import json\nx = "json.') == {}


def test_broken_file(workspace):
    text = ('import json\n'
            'x = = 1\n'
            'def f(param):\n'
            '    value = json.\n'
            '    return pa\n')
    assert 'loads' in complete(workspace, text, 4, 17)
    assert complete(workspace, text, 5, 13)['param'] == 'parameter'


def test_members_of_builtin_values(workspace):
    text = 's = "a b"\nd = dict()\nitems = [1]\n'
    assert complete(workspace, text + 's.spl') == {'split': 'method', 'splitlines': 'method'}
    assert 'setdefault' in complete(workspace, text + 'd.')
    assert complete(workspace, text + 'items.app') == {'append': 'method'}


def test_imported_names_are_described_from_their_module(workspace):
    loader, paths = workspace
    text = 'from pkg.core import Engine\nfrom os.path import join\nx = Engine(1)\n'
    module = source_module(paths['main.py'].replace('main.py', 'edited.py'), text + 'Eng')
    items = {item.label: item for item in completions(loader, module, 4, 3)}
    assert (items['Engine'].kind, items['Engine'].detail) == ('class', '(Base)')
    module = source_module(paths['main.py'].replace('main.py', 'edited.py'), text + 'x.r')
    items = {item.label: item for item in completions(loader, module, 4, 3)}
    assert (items['run'].kind, items['run'].detail) == ('method', '(self, steps: int = 1) -> int')
    module = source_module(paths['main.py'].replace('main.py', 'edited.py'), text + 'jo')
    items = {item.label: item for item in completions(loader, module, 4, 2)}
    assert (items['join'].kind, items['join'].detail) == ('function', '(a, *p)')


def test_parenthesised_from_import_over_several_lines(workspace):
    text = 'from pkg.core import (\n    Base,\n    E'
    assert complete(workspace, text) == {'Engine': 'class'}
    assert 'json' in complete(workspace, 'from pkg.core import (Base,  # the base\n    ')
