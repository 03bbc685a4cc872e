"""Code actions: remove unused import, add missing import (edits, then end to end).

The oracle for an edit is CPython: the edited text must parse with `ast.parse`, and the names it
imports must be exactly the kept ones.
"""

from __future__ import annotations

import ast

import pytest
from lsprotocol import types

from interpreter.analysis.module import analyse_module
from interpreter.analysis.node_ranges import NodeRanges
from memphis_lsp.documents import Document
from memphis_lsp.import_edits import add_import_edit, find_import, remove_aliases_edits

from .conftest import open_document, wait_for_diagnostics


def apply_edits(text: str, edits) -> str:
    document = Document.from_text('u', text)
    spans = sorted(((document.offset_of(lineno, col), document.offset_of(end_lineno, end_col),
                     new_text) for (lineno, col, end_lineno, end_col), new_text in edits),
                   reverse=True)
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


def imported_names(text: str) -> list[str]:
    return [alias.asname or alias.name for node in ast.walk(ast.parse(text))
            if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names]


def remove_names(text: str, *names: str) -> str:
    """`text` with the unused-import findings naming `names` fixed, all in one go."""
    analysis = analyse_module(text, '/tmp/t.py')
    ranges = NodeRanges(analysis.lines)
    by_statement = {}
    for finding in analysis.diagnostics:
        if finding.code == 'M020' and (finding.data['name'] in names
                                       or finding.data.get('imported') in names):
            statement, index, statements = find_import(analysis.tree, ranges, finding.lineno,
                                                       finding.col)
            by_statement.setdefault(id(statement), (statement, set(), statements))[1].add(index)
    assert by_statement, 'no unused-import finding for these names'
    edits = []
    for statement, removed, statements in by_statement.values():
        edits.extend(remove_aliases_edits(
            statement, removed, ranges,
            alone_in_block=len(statements) == 1 and statements is not analysis.tree.body))
    return apply_edits(text, edits)


CASES = [
    ('import os\nprint(1)\n', ['os'], 'print(1)\n'),
    ('import os, sys\nprint(sys)\n', ['os'], 'import sys\nprint(sys)\n'),
    ('import os, sys\nprint(os)\n', ['sys'], 'import os\nprint(os)\n'),
    ('import a, b, c\nprint(c)\n', ['a', 'b'], 'import c\nprint(c)\n'),
    ('import a, b, c\nprint(a)\n', ['b', 'c'], 'import a\nprint(a)\n'),
    ('from x import a, b\nprint(b)\n', ['a'], 'from x import b\nprint(b)\n'),
    ('from x import a as y, b\nprint(b)\n', ['y'], 'from x import b\nprint(b)\n'),
    ('from x import (\n    a,\n    b,\n    c,\n)\nprint(a, c)\n', ['b'],
     'from x import (\n    a,\n    c,\n)\nprint(a, c)\n'),
    ('from x import (\n    a,\n    b,\n)\nprint(a)\n', ['b'], 'from x import (\n    a,\n)\nprint(a)\n'),
    ('from x import (a,\n               b)\nprint(b)\n', ['a'], 'from x import (b)\nprint(b)\n'),
    ('import os; x = 1\nprint(x)\n', ['os'], 'x = 1\nprint(x)\n'),
    ('x = 1; import os\nprint(x)\n', ['os'], 'x = 1\nprint(x)\n'),
    ('def f():\n    import os\n', ['os'], 'def f():\n    pass\n'),
    ('def f():\n    import os\n    return 1\n', ['os'], 'def f():\n    return 1\n'),
    ('import os  # comment\nprint(1)\n', ['os'], 'print(1)\n'),
    ('import os.path, sys\nprint(sys)\n', ['os.path'], 'import sys\nprint(sys)\n'),
    ('import é, ü\nprint(ü)\n', ['é'], 'import ü\nprint(ü)\n'),
    ('import os', ['os'], ''),
]


@pytest.mark.parametrize('text, names, expected', CASES)
def test_remove_unused_imports(text, names, expected):
    edited = remove_names(text, *names)
    assert edited == expected
    kept = [name for name in imported_names(text) if name not in names]
    assert imported_names(edited) == kept


def test_remove_unused_import_below_a_syntax_error():
    text = 'import os, sys\ndef f(:\n    pass\nprint(sys)\n'
    edited = remove_names(text, 'os')
    assert edited == 'import sys\ndef f(:\n    pass\nprint(sys)\n'


@pytest.mark.parametrize('text, expected', [
    ('print(os)\n', 'import os\nprint(os)\n'),
    ('"""Doc."""\nprint(os)\n', '"""Doc."""\nimport os\nprint(os)\n'),
    ('"""Doc."""\nfrom __future__ import annotations\nimport sys\n\nprint(os, sys)\n',
     '"""Doc."""\nfrom __future__ import annotations\nimport sys\nimport os\n\nprint(os, sys)\n'),
    ('import sys', 'import sys\nimport os\n'),
    ('', 'import os\n'),
])
def test_add_import_goes_after_the_docstring_and_the_first_imports(text, expected):
    analysis = analyse_module(text, '/tmp/t.py')
    edit = add_import_edit(analysis.tree, NodeRanges(analysis.lines), 'import os')
    edited = apply_edits(text, [edit])
    assert edited == expected
    ast.parse(edited)


# End to end ------------------------------------------------------------------------------


async def code_actions(client, uri: str, line: int, character: int):
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=line, character=character),
                          end=types.Position(line=line, character=character)),
        context=types.CodeActionContext(diagnostics=[])))


def apply_workspace_edit(text: str, edit: types.WorkspaceEdit, encoding: str) -> str:
    document = Document.from_text('u', text, encoding=encoding)
    (text_document_edit,) = edit.document_changes
    spans = []
    for text_edit in text_document_edit.edits:
        start = document.offset_of(*document.from_lsp_position(text_edit.range.start))
        end = document.offset_of(*document.from_lsp_position(text_edit.range.end))
        spans.append((start, end, text_edit.new_text))
    for start, end, new_text in sorted(spans, reverse=True):
        text = text[:start] + new_text + text[end:]
    return text


@pytest.mark.asyncio
async def test_remove_unused_import_action_end_to_end(client, tmp_path):
    text = '😀 = 1\nimport ünï, sys  # 😀\nprint(sys, 😀)\n'
    uri = (tmp_path / 'unused.py').as_uri()
    open_document(client, uri, text, version=3)
    published = await wait_for_diagnostics(client, uri, 3)
    unused = [d for d in published.diagnostics if d.code == 'M020']
    assert [list(d.tags) for d in unused] == [[types.DiagnosticTag.Unnecessary]]
    actions = await code_actions(client, uri, 1, unused[0].range.start.character)
    (action,) = [a for a in actions if a.title.startswith('Remove unused import')]
    assert action.title == "Remove unused import 'ünï'"
    assert action.edit.document_changes[0].text_document.version == 3
    edited = apply_workspace_edit(text, action.edit, 'utf-16')
    assert edited == '😀 = 1\nimport sys  # 😀\nprint(sys, 😀)\n'


@pytest.mark.asyncio
async def test_add_missing_stdlib_import_end_to_end(client, tmp_path):
    text = 'x = = 1\n\nprint(json.dumps(1), not_a_module)\n'
    uri = (tmp_path / 'missing.py').as_uri()
    open_document(client, uri, text)
    published = await wait_for_diagnostics(client, uri, 1)
    undefined = {d.message for d in published.diagnostics if d.code == 'M010'}
    assert undefined == {"undefined name 'json'", "undefined name 'not_a_module'"}
    actions = await code_actions(client, uri, 2, 7)
    assert [action.title for action in actions] == ["Add 'import json'"]
    edited = apply_workspace_edit(text, actions[0].edit, 'utf-16')
    assert edited == 'import json\n' + text
    assert await code_actions(client, uri, 2, 25) is None  # not_a_module: no fix


@pytest.mark.asyncio
async def test_code_actions_for_an_unopened_file_read_it_from_disk(client, tmp_path):
    path = tmp_path / 'on_disk.py'
    path.write_text('import os\n')
    actions = await code_actions(client, path.as_uri(), 0, 7)
    assert [action.title for action in actions] == ["Remove unused import 'os'"]
    assert actions[0].edit.document_changes[0].text_document.version is None
    missing = await code_actions(client, (tmp_path / 'absent.py').as_uri(), 0, 0)
    assert missing is None


@pytest.mark.asyncio
async def test_add_import_of_a_name_a_workspace_module_defines(client, tmp_path):
    (tmp_path / 'helpers.py').write_text('def shared_helper():\n    return 1\n')
    (tmp_path / 'pkg').mkdir()
    (tmp_path / 'pkg' / '__init__.py').write_text('')
    (tmp_path / 'pkg' / 'tools.py').write_text('shared_helper = 2\n')
    # workspace/symbol answers once the workspace index has been scanned.
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(
        query='shared_helper'))
    assert len(symbols) == 2
    text = 'print(shared_helper())\n'
    uri = (tmp_path / 'main.py').as_uri()
    open_document(client, uri, text)
    await wait_for_diagnostics(client, uri, 1)
    actions = await code_actions(client, uri, 0, 8)
    assert [action.title for action in actions] == [
        "Add 'from helpers import shared_helper'", "Add 'from pkg.tools import shared_helper'"]
    edited = apply_workspace_edit(text, actions[0].edit, 'utf-16')
    assert edited == 'from helpers import shared_helper\n' + text


@pytest.mark.asyncio
async def test_remove_all_unused_imports_and_the_only_filter(client, tmp_path):
    text = 'import os, sys\nfrom json import (\n    dumps,\n    loads,\n)\nprint(loads)\n'
    uri = (tmp_path / 'several.py').as_uri()
    open_document(client, uri, text)
    await wait_for_diagnostics(client, uri, 1)
    actions = await code_actions(client, uri, 0, 7)
    assert [action.title for action in actions] == [
        "Remove unused import 'os'", 'Remove all unused imports']
    assert apply_workspace_edit(text, actions[1].edit, 'utf-16') == \
        'from json import (\n    loads,\n)\nprint(loads)\n'
    only_source = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=7),
                          end=types.Position(line=0, character=7)),
        context=types.CodeActionContext(diagnostics=[],
                                        only=[types.CodeActionKind.Source])))
    assert [action.title for action in only_source] == ['Remove all unused imports']
