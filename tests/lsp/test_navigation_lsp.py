"""End to end, against the server process: hover, definition, references, highlights,
completion, signature help, rename, semantic tokens and workspace symbols."""

import asyncio

import pytest
import pytest_asyncio
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from .conftest import change_document, open_document

CORE = '''\
"""Core module doc."""


class Engine:
    """An engine."""

    def __init__(self, fuel, power=2):
        self.fuel = fuel

    def run(self, steps: int = 1) -> int:
        return self.fuel + steps
'''

# Line 4 has an astral character before the names: it counts two UTF-16 units.
MAIN = '''\
import json
from core import Engine
e = Engine(1)
s = "😀"; ünï = e.run()
def f(x):
    y = x
    return y
json.loads(s, )
x = = broken
'''


def write(root, name, text):
    path = root / name
    path.write_text(text, encoding='utf-8')
    return path.as_uri()


def pos(line, character):
    return types.Position(line=line, character=character)


def doc(uri):
    return types.TextDocumentIdentifier(uri=uri)


@pytest_asyncio.fixture
async def workspace(client: LanguageClient, tmp_path):
    core = write(tmp_path, 'core.py', CORE)
    main = write(tmp_path, 'main.py', MAIN)
    write(tmp_path, 'other.py', 'from core import Engine\n\nEngine(2)\n')
    open_document(client, main, MAIN)
    return {'core': core, 'main': main, 'other': tmp_path.joinpath('other.py').as_uri()}


@pytest.mark.asyncio
async def test_hover(client: LanguageClient, workspace):
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=doc(workspace['main']), position=pos(3, 18)))
    assert hover.contents.value.startswith(
        '```python\n(method) def run(self, steps: int = 1) -> int\n```')
    # 's = "😀"; ünï = e.run()': 'run' starts at character 17, UTF-16 unit 18.
    assert hover.range == types.Range(start=pos(3, 18), end=pos(3, 21))
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=doc(workspace['main']), position=pos(0, 8)))
    assert hover.contents.value.startswith('```python\n(module) json\n```\n\nJSON')


@pytest.mark.asyncio
async def test_definition_across_files_and_into_the_stdlib(client: LanguageClient, workspace):
    found = await client.text_document_definition_async(types.DefinitionParams(
        text_document=doc(workspace['main']), position=pos(2, 5)))
    assert found == [types.Location(uri=workspace['core'],
                                    range=types.Range(start=pos(3, 6), end=pos(3, 12)))]
    found = await client.text_document_definition_async(types.DefinitionParams(
        text_document=doc(workspace['main']), position=pos(7, 7)))
    assert found[0].uri.endswith('/json/__init__.py')


@pytest.mark.asyncio
async def test_references_and_highlights(client: LanguageClient, workspace):
    await asyncio.sleep(0)  # let the workspace scan start
    found = await client.text_document_references_async(types.ReferenceParams(
        text_document=doc(workspace['main']), position=pos(2, 5),
        context=types.ReferenceContext(include_declaration=True)))
    places = sorted((location.uri.rsplit('/', 1)[1], location.range.start.line)
                    for location in found)
    assert places == [('core.py', 3), ('main.py', 1), ('main.py', 2), ('other.py', 0),
                      ('other.py', 2)]
    highlights = await client.text_document_document_highlight_async(
        types.DocumentHighlightParams(text_document=doc(workspace['main']),
                                      position=pos(4, 6)))
    assert [(h.range.start.line, h.kind) for h in highlights] == [
        (4, types.DocumentHighlightKind.Write), (5, types.DocumentHighlightKind.Read)]


@pytest.mark.asyncio
async def test_completion_after_an_edit(client: LanguageClient, workspace):
    change_document(client, workspace['main'], 2, ((8, 0, 8, 12), 'e.'))
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=doc(workspace['main']), position=pos(8, 2)))
    labels = {item.label: item.kind for item in result.items}
    assert labels == {'fuel': types.CompletionItemKind.Field,
                      'run': types.CompletionItemKind.Method}


@pytest.mark.asyncio
async def test_signature_help(client: LanguageClient, workspace):
    help_ = await client.text_document_signature_help_async(types.SignatureHelpParams(
        text_document=doc(workspace['main']), position=pos(7, 14)))
    assert help_.signatures[0].label.startswith('loads(s, *, cls=None')
    assert help_.active_parameter is None  # after `s,` only keywords may follow


@pytest.mark.asyncio
async def test_rename_and_refusals(client: LanguageClient, workspace):
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(
        text_document=doc(workspace['main']), position=pos(3, 11)))
    # 'ünï' starts at character 9, UTF-16 unit 10.
    assert prepared == types.Range(start=pos(3, 10), end=pos(3, 13))
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=doc(workspace['main']), position=pos(2, 5), new_name='Motor'))
    changed = {uri.rsplit('/', 1)[1]: sorted(e.range.start.line for e in edits)
               for uri, edits in edit.changes.items()}
    assert changed == {'core.py': [3], 'main.py': [1, 2], 'other.py': [0, 2]}
    with pytest.raises(JsonRpcException, match='keyword'):
        await client.text_document_prepare_rename_async(types.PrepareRenameParams(
            text_document=doc(workspace['main']), position=pos(4, 1)))


@pytest.mark.asyncio
async def test_semantic_tokens_full_and_delta(client: LanguageClient, workspace):
    full = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=doc(workspace['main'])))
    data = list(full.data)
    assert data[:5] == [0, 7, 4, 0, 0]  # json: a namespace
    absolute, line, start = [], 0, 0
    for index in range(0, len(data), 5):
        line += data[index]
        start = data[index + 1] + (start if data[index] == 0 else 0)
        absolute.append((line, start, data[index + 2]))
    # Line 3 is 's = "😀"; ünï = e.run()': after the astral character, UTF-16 units.
    assert [(s, length) for line_, s, length in absolute if line_ == 3] == [
        (0, 1), (10, 3), (16, 1), (18, 3)]
    change_document(client, workspace['main'], 2, ((6, 11, 6, 12), 'x'))
    delta = await client.text_document_semantic_tokens_full_delta_async(
        types.SemanticTokensDeltaParams(text_document=doc(workspace['main']),
                                        previous_result_id=full.result_id))
    assert len(delta.edits) == 1
    edit = delta.edits[0]
    new = data[:edit.start] + list(edit.data or []) + data[edit.start + edit.delete_count:]
    again = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=doc(workspace['main'])))
    assert new == list(again.data) != data


@pytest.mark.asyncio
async def test_workspace_symbols_with_progress(client: LanguageClient, workspace):
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query='eng'))
    assert [(s.name, s.location.uri.rsplit('/', 1)[1]) for s in symbols] == [
        ('Engine', 'core.py')]
    reports = [report for reports in client.progress_reports.values() for report in reports]
    assert isinstance(reports[0], types.WorkDoneProgressBegin)
    assert isinstance(reports[-1], types.WorkDoneProgressEnd)
    # An edit in an open document reaches the index.
    change_document(client, workspace['main'], 2, ((8, 0, 8, 12), 'def engine_start(): pass'))
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(
        query='engine_st'))
    assert [s.name for s in symbols] == ['engine_start']


@pytest.mark.asyncio
async def test_workspace_symbols_follow_file_events(client: LanguageClient, workspace,
                                                    tmp_path):
    await client.workspace_symbol_async(types.WorkspaceSymbolParams(query='x'))  # indexed
    created = write(tmp_path, 'fresh.py', 'class Freshly:\n    pass\n')
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=created, type=types.FileChangeType.Created)]))
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query='Freshly'))
    assert [(s.name, s.location.uri) for s in symbols] == [('Freshly', created)]
    (tmp_path / 'fresh.py').unlink()
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=created, type=types.FileChangeType.Deleted)]))
    assert await client.workspace_symbol_async(
        types.WorkspaceSymbolParams(query='Freshly')) == []
    # A save of a file that is not open re-reads it from the disk.
    (tmp_path / 'other.py').write_text('def renamed_on_disk():\n    pass\n', encoding='utf-8')
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=doc(workspace['other'])))
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(
        query='renamed_on_disk'))
    assert [s.name for s in symbols] == ['renamed_on_disk']


@pytest.mark.parametrize('encoding', ['utf-8', 'utf-16', 'utf-32'])
def test_to_lsp_character_agrees_with_to_lsp_position(encoding):
    from memphis_lsp.documents import Document
    document = Document.from_text('file:///x.py', 'a😀é = 1\r\nplain\rlast', 1,
                                  encoding=encoding)
    for lineno in range(6):
        for col in range(-1, 12):
            assert document.to_lsp_character(lineno, col) == \
                document.to_lsp_position(lineno, col).character
