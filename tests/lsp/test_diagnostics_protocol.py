"""Diagnostics over the protocol: push with versions, pull, superseded runs, a busy server.

What the diagnostics say is the analysis's business (tests/analysis); here: when and how the
server delivers them.
"""

from __future__ import annotations

import _pydecimal
import asyncio
import pathlib

import pytest
from lsprotocol import types

from .conftest import (
    WAIT_SECONDS,
    change_document,
    open_document,
    pull_diagnostics,
    wait_for_diagnostics,
)

# A file that takes the analysis a good while: the standard library's _pydecimal.py, 4 times.
BIG_TEXT = pathlib.Path(_pydecimal.__file__).read_text() * 4


def published_versions(client, uri: str) -> list[int | None]:
    return [params.version for params in client.published if params.uri == uri]


@pytest.mark.asyncio
async def test_pushed_diagnostics_carry_the_version_they_were_computed_on(client, tmp_path):
    uri = (tmp_path / 'versions.py').as_uri()
    open_document(client, uri, 'x = 1\n')
    assert list((await wait_for_diagnostics(client, uri, 1)).diagnostics) == []
    change_document(client, uri, 2, ((0, 4, 0, 5), 'undefined_a'))
    published = await wait_for_diagnostics(client, uri, 2)
    assert [d.message for d in published.diagnostics] == ["undefined name 'undefined_a'"]
    assert all(d.source == 'memphis' and d.code == 'M010' for d in published.diagnostics)


@pytest.mark.asyncio
async def test_a_burst_of_edits_publishes_only_the_latest_version(client, tmp_path):
    uri = (tmp_path / 'burst.py').as_uri()
    open_document(client, uri, BIG_TEXT)
    # Each edit types one more letter of a name at the end of the file.
    last_line = BIG_TEXT.count('\n')
    for version, letter in enumerate('abcdefgh', start=2):
        change_document(client, uri, version, ((last_line, version - 2, last_line, version - 2),
                                               letter))
    published = await wait_for_diagnostics(client, uri, 9)
    messages = [d.message for d in published.diagnostics if d.code == 'M010']
    assert "undefined name 'abcdefgh'" in messages
    # The runs for versions 1-8 finished (or were skipped) after version 9 arrived: none of
    # them is published, and nothing older ever follows something newer.
    await asyncio.sleep(0.5)
    assert published_versions(client, uri) == [9]


@pytest.mark.asyncio
async def test_closing_a_document_clears_its_pushed_diagnostics(client, tmp_path):
    uri = (tmp_path / 'closed.py').as_uri()
    open_document(client, uri, 'undefined_b\n')
    assert (await wait_for_diagnostics(client, uri, 1)).diagnostics
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    for _ in range(WAIT_SECONDS * 100):
        if client.published[-1].uri == uri and client.published[-1].version is None:
            break
        await asyncio.sleep(0.01)
    assert list(client.published[-1].diagnostics) == []


@pytest.mark.asyncio
async def test_pull_client_pulls_and_nothing_is_pushed(pull_client, tmp_path):
    uri = (tmp_path / 'pulled.py').as_uri()
    open_document(pull_client, uri, 'import os\nundefined_c\n')
    params = types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    report = await pull_client.text_document_diagnostic_async(params)
    assert report.kind == 'full'
    assert sorted(d.code for d in report.items) == ['M010', 'M020']
    unused = next(d for d in report.items if d.code == 'M020')
    assert list(unused.tags) == [types.DiagnosticTag.Unnecessary]
    assert unused.severity == types.DiagnosticSeverity.Warning

    params.previous_result_id = report.result_id
    unchanged = await pull_client.text_document_diagnostic_async(params)
    assert unchanged.kind == 'unchanged'
    assert unchanged.result_id == report.result_id

    change_document(pull_client, uri, 2, ((1, 0, 1, 11), 'os'))
    changed = await pull_client.text_document_diagnostic_async(params)
    assert changed.kind == 'full' and list(changed.items) == []
    assert pull_client.published == []


@pytest.mark.asyncio
async def test_pull_for_a_file_that_is_not_open_reads_it_from_disk(pull_client, tmp_path):
    path = tmp_path / 'disk.py'
    path.write_text('undefined_d\n')
    items = await pull_diagnostics(pull_client, path.as_uri())
    assert [d.message for d in items] == ["undefined name 'undefined_d'"]
    assert list(await pull_diagnostics(pull_client, (tmp_path / 'absent.py').as_uri())) == []


@pytest.mark.asyncio
async def test_requests_on_a_small_file_are_answered_while_a_big_one_is_analysed(client,
                                                                                tmp_path):
    big, small = (tmp_path / 'big.py').as_uri(), (tmp_path / 'small.py').as_uri()
    open_document(client, big, BIG_TEXT)
    open_document(client, small, 'import os\nos.path\n')
    document = types.TextDocumentIdentifier(uri=small)
    on_os = types.Position(line=1, character=1)
    actions, hover, completion = await asyncio.gather(
        client.text_document_code_action_async(types.CodeActionParams(
            text_document=document, range=types.Range(start=on_os, end=on_os),
            context=types.CodeActionContext(diagnostics=[]))),
        client.text_document_hover_async(types.HoverParams(text_document=document,
                                                           position=on_os)),
        client.text_document_completion_async(types.CompletionParams(
            text_document=document, position=types.Position(line=1, character=0))))
    assert actions is None  # 'os' is used: nothing to fix
    assert 'os' in hover.contents.value
    labels = [item.label for item in getattr(completion, 'items', completion)]
    assert 'os' in labels
    assert published_versions(client, big) == []  # the big file's analysis is still running
    await wait_for_diagnostics(client, big, 1)


@pytest.mark.asyncio
async def test_a_cancelled_request_is_answered_with_request_cancelled(pull_client, tmp_path):
    big = (tmp_path / 'big.py').as_uri()
    open_document(pull_client, big, BIG_TEXT)
    params = types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=big))
    # pytest-lsp's send_request_async is a coroutine: the request goes out once it runs.
    pending = asyncio.ensure_future(pull_client.protocol.send_request_async(
        types.TEXT_DOCUMENT_DIAGNOSTIC, params, msg_id='to-cancel'))
    await asyncio.sleep(0.1)
    pull_client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id='to-cancel'))
    with pytest.raises(Exception, match='cancel') as raised:
        await asyncio.wait_for(pending, WAIT_SECONDS)
    assert getattr(raised.value, 'code', None) == types.LSPErrorCodes.RequestCancelled
    # The analysis itself was not thrown away: the next pull gets it.
    items = await pull_diagnostics(pull_client, big)
    assert all(d.source == 'memphis' for d in items)


@pytest.mark.asyncio
async def test_an_unsaved_buffer_with_a_non_file_uri(client):
    uri = 'untitled:Untitled-1'
    open_document(client, uri, 'import os, no_such_module\nundefined_i\n')
    published = await wait_for_diagnostics(client, uri, 1)
    assert sorted(d.message for d in published.diagnostics) == [
        "'no_such_module' imported but unused", "'os' imported but unused",
        "cannot resolve import 'no_such_module'", "undefined name 'undefined_i'"]
