"""The workspace index: scan with progress, fuzzy symbol queries, updates and removals."""

import os

from navigation_workspace import make_workspace

from interpreter.analysis.workspace_index import WorkspaceIndex, fuzzy_score


def test_scan_reports_progress_and_finds_symbols(tmp_path):
    make_workspace(tmp_path)
    (tmp_path / '.venv').mkdir()
    (tmp_path / '.venv' / 'hidden.py').write_text('class Engine2: pass\n')
    (tmp_path / 'broken.py').write_text('def first():\n    pass\ndef broken(:\n')
    index = WorkspaceIndex([str(tmp_path)])
    seen = []
    assert index.scan(lambda done, total, path: seen.append((done, total))) == 6
    assert seen == [(done, 6) for done in range(6)]
    engine = index.symbols('Engine')
    assert [(s.name, s.kind, s.container) for s in engine] == [('Engine', 'class', None)]
    assert engine[0].path == str(tmp_path / 'pkg' / 'core.py')
    assert engine[0].selection_range == (10, 6, 10, 12)
    assert [s.name for s in index.symbols('brok')] == ['broken']
    assert [(s.name, s.container) for s in index.symbols('run')] == [('run', 'Engine')]
    assert [s.name for s in index.symbols('naive')] == []
    assert [s.name for s in index.symbols('naï')] == ['naïve']


def test_fuzzy_order():
    assert fuzzy_score('Engine', 'engine') == 0
    assert fuzzy_score('EngineRoom', 'eng') == 1
    assert fuzzy_score('BigEngine', 'eng') == 2
    assert fuzzy_score('get_name_value', 'gnv') == 3
    assert fuzzy_score('Engine', 'xyz') is None


def test_updates_from_editor_text_and_disk(tmp_path):
    make_workspace(tmp_path)
    index = WorkspaceIndex([str(tmp_path)])
    index.scan()
    user = str(tmp_path / 'user.py')
    index.update(user, 'def brand_new():\n    pass\n')
    assert [s.path for s in index.symbols('brand_new')] == [user]
    assert index.symbols('local') == []
    index.update(user)  # back to the disk's text
    assert index.symbols('brand_new') == [] and len(index.symbols('local')) == 1
    os.remove(user)
    index.update(user)
    assert index.symbols('local') == [] and user not in index.files()
    index.update('/elsewhere/outside.py', 'def outside(): pass\n')
    assert index.symbols('outside') == []


def test_definers_and_module_names(tmp_path):
    make_workspace(tmp_path)
    index = WorkspaceIndex([str(tmp_path)])
    index.scan()
    assert index.definers('Engine') == [('pkg.core', str(tmp_path / 'pkg' / 'core.py'))]
    assert index.module_name(str(tmp_path / 'pkg' / '__init__.py')) == 'pkg'
