"""Bad input never crashes the server: an error response or nothing, and it keeps answering.

Malformed framing and JSON go through a raw subprocess (a well-behaved client cannot send them);
the rest through pytest-lsp.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcMethodNotFound

from .conftest import (
    REPO,
    WAIT_SECONDS,
    open_document,
    pull_diagnostics,
    server_environment,
    wait_for_diagnostics,
)


class RawServer:
    """The server as a subprocess, spoken to byte by byte; responses collected by a thread."""

    def __init__(self):
        self.process = subprocess.Popen(
            [sys.executable, '-m', 'memphis_lsp'], cwd=REPO, env=server_environment(),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: list[dict] = []
        self.arrived = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line == b'\r\n':
                    break
                name, _, value = line.decode('ascii').partition(':')
                if name.lower() == 'content-length':
                    length = int(value)
            message = json.loads(stream.read(length))
            with self.arrived:
                self.messages.append(message)
                self.arrived.notify_all()

    def write(self, data: bytes):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: dict):
        body = json.dumps({'jsonrpc': '2.0', **message}).encode()
        self.write(b'Content-Length: %d\r\n\r\n' % len(body) + body)

    def response(self, request_id) -> dict:
        with self.arrived:
            found = self.arrived.wait_for(
                lambda: any(message.get('id') == request_id and 'method' not in message
                            for message in self.messages), WAIT_SECONDS)
            assert found, f'no response to request {request_id!r}'
            return next(message for message in self.messages
                        if message.get('id') == request_id and 'method' not in message)

    def close(self) -> int:
        self.send({'id': 'shutdown', 'method': 'shutdown'})
        self.response('shutdown')
        self.send({'method': 'exit'})
        return self.process.wait(WAIT_SECONDS)


@pytest.fixture
def raw_server():
    server = RawServer()
    server.send({'id': 0, 'method': 'initialize', 'params': {'capabilities': {}}})
    assert 'result' in server.response(0)
    server.send({'method': 'initialized', 'params': {}})
    yield server
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait()


def test_bad_json_and_bad_messages_get_errors_or_nothing(raw_server):
    body = b'{"jsonrpc": "2.0", "id": 1, "method": '  # cut short
    raw_server.write(b'Content-Length: %d\r\n\r\n' % len(body) + body)
    raw_server.write(b'Content-Length: 7\r\n\r\n[1, 2 ]')
    raw_server.write(b'Content-Length: 4\r\n\r\nnull')
    raw_server.write(b'Content-Length: 6\r\n\r\n\xff\xfe\x00{}}')
    raw_server.send({'id': 2})  # no method
    raw_server.send({'id': 3, 'method': 'textDocument/hover', 'params': 'not an object'})
    raw_server.send({'id': 4, 'method': 'textDocument/codeAction',
                     'params': {'textDocument': {'uri': 5}, 'range': 'wrong'}})
    raw_server.send({'method': 'textDocument/didOpen', 'params': {'textDocument': None}})
    raw_server.send({'method': 'textDocument/didChange', 'params': {
        'textDocument': {'uri': 'file:///never/opened.py', 'version': 2},
        'contentChanges': [{'text': 'x'}]}})
    for request_id in (3, 4):
        assert 'error' in raw_server.response(request_id)
    raw_server.send({'id': 5, 'method': 'memphis/noSuchMethod', 'params': {}})
    assert raw_server.response(5)['error']['code'] == JsonRpcMethodNotFound.CODE
    raw_server.send({'method': 'memphis/noSuchNotification', 'params': {}})
    raw_server.send({'id': 6, 'method': 'textDocument/diagnostic',
                     'params': {'textDocument': {'uri': 'file:///never/opened.py'}}})
    assert raw_server.response(6)['result']['items'] == []
    assert raw_server.close() == 0


def test_bad_headers_lose_at_most_the_message_they_frame(raw_server):
    raw_server.write(b'Content-Type: nonsense\r\n\r\n')
    raw_server.write(b'garbage line\r\n\r\n')
    raw_server.write(b'Content-Length: -5\r\n\r\n')
    raw_server.write(b'Content-Length: 2\r\nX-Extra: 1\r\n\r\n{}')
    # A request after the garbage is answered (send a few: a resynchronising reader may
    # swallow one).
    for request_id in (10, 11, 12):
        raw_server.send({'id': request_id, 'method': 'textDocument/diagnostic',
                         'params': {'textDocument': {'uri': 'file:///none.py'}}})
    assert raw_server.response(12)['result']['items'] == []
    assert raw_server.close() == 0


async def exercise_every_feature(client, uri: str, line: int, character: int, *,
                                 whole_document_lists: bool = True) -> None:
    """Send each document request the server offers at one position; each must get an answer
    (a result or an error response), and the server must still answer afterwards.

    `whole_document_lists=False` leaves out document symbols and completion, whose answers
    list every name of the file (100,000 items on the long file: the test client takes seconds
    to read them; `test_whole_document_answers_on_a_100000_line_file` checks those).
    """
    document = types.TextDocumentIdentifier(uri=uri)
    where = types.Position(line=line, character=character)
    around = types.Range(start=where, end=where)
    requests = [
        client.text_document_hover_async(types.HoverParams(text_document=document,
                                                           position=where)),
        client.text_document_definition_async(types.DefinitionParams(text_document=document,
                                                                     position=where)),
        client.text_document_references_async(types.ReferenceParams(
            text_document=document, position=where,
            context=types.ReferenceContext(include_declaration=True))),
        client.text_document_document_highlight_async(types.DocumentHighlightParams(
            text_document=document, position=where)),
        client.text_document_signature_help_async(types.SignatureHelpParams(
            text_document=document, position=where)),
        client.text_document_prepare_rename_async(types.PrepareRenameParams(
            text_document=document, position=where)),
        client.text_document_folding_range_async(types.FoldingRangeParams(
            text_document=document)),
        client.text_document_selection_range_async(types.SelectionRangeParams(
            text_document=document, positions=[where])),
        client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(
            text_document=document)),
        client.text_document_code_action_async(types.CodeActionParams(
            text_document=document, range=around,
            context=types.CodeActionContext(diagnostics=[]))),
    ]
    if whole_document_lists:
        requests.append(client.text_document_completion_async(types.CompletionParams(
            text_document=document, position=where)))
        requests.append(client.text_document_document_symbol_async(types.DocumentSymbolParams(
            text_document=document)))
    # No time limit of our own: pytest's timeout guards against a hung server.
    outcomes = await asyncio.gather(*requests, return_exceptions=True)
    for outcome in outcomes:
        assert not isinstance(outcome, BaseException) or isinstance(outcome, JsonRpcException), \
            repr(outcome)
    await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri='file:///still/answering.py')))


@pytest.mark.asyncio
async def test_unknown_request_gets_method_not_found(client):
    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async('memphis/unknownRequest', {})
    client.protocol.notify('memphis/unknownNotification', {})
    await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri='file:///none.py')))


@pytest.mark.asyncio
async def test_position_requests_for_unopened_documents(client, tmp_path):
    uri = (tmp_path / 'missing.py').as_uri()
    document = types.TextDocumentIdentifier(uri=uri)
    where = types.Position(line=3, character=4)
    capabilities = client.initialize_result.capabilities
    requests = [client.text_document_code_action_async(types.CodeActionParams(
        text_document=document, range=types.Range(start=where, end=where),
        context=types.CodeActionContext(diagnostics=[])))]
    if capabilities.hover_provider:
        requests.append(client.text_document_hover_async(
            types.HoverParams(text_document=document, position=where)))
    if capabilities.definition_provider:
        requests.append(client.text_document_definition_async(
            types.DefinitionParams(text_document=document, position=where)))
    if capabilities.completion_provider:
        requests.append(client.text_document_completion_async(
            types.CompletionParams(text_document=document, position=where)))
    if capabilities.document_symbol_provider:
        requests.append(client.text_document_document_symbol_async(
            types.DocumentSymbolParams(text_document=document)))
    for outcome in await asyncio.gather(*requests, return_exceptions=True):
        assert not outcome  # None, an empty list, or an error response
    assert list(await pull_diagnostics(client, uri)) == []


@pytest.mark.asyncio
async def test_a_100000_line_file(client, tmp_path):
    uri = (tmp_path / 'long.py').as_uri()
    lines = [f'value_{index} = {index}' for index in range(99_999)] + ['undefined_e']
    open_document(client, uri, '\n'.join(lines) + '\n')
    published = await wait_for_diagnostics(client, uri, 1)
    assert [(d.message, d.range.start.line) for d in published.diagnostics] == [
        ("undefined name 'undefined_e'", 99_999)]
    await exercise_every_feature(client, uri, 50_000, 3, whole_document_lists=False)


@pytest.mark.asyncio
async def test_whole_document_answers_on_a_100000_line_file(client, tmp_path):
    uri = (tmp_path / 'long.py').as_uri()
    lines = [f'value_{index} = {index}' for index in range(99_999)] + ['undefined_e']
    open_document(client, uri, '\n'.join(lines) + '\n')
    document = types.TextDocumentIdentifier(uri=uri)
    where = types.Position(line=50_000, character=3)
    symbols, completion, hover = await asyncio.gather(
        client.text_document_document_symbol_async(types.DocumentSymbolParams(
            text_document=document)),
        client.text_document_completion_async(types.CompletionParams(
            text_document=document, position=where)),
        client.text_document_hover_async(types.HoverParams(text_document=document,
                                                           position=where)))
    assert len(symbols) == 99_999
    assert (symbols[50_000].name, symbols[50_000].kind, symbols[50_000].range,
            symbols[50_000].selection_range) == (
        'value_50000', types.SymbolKind.Variable,
        types.Range(start=types.Position(line=50_000, character=0),
                    end=types.Position(line=50_000, character=19)),
        types.Range(start=types.Position(line=50_000, character=0),
                    end=types.Position(line=50_000, character=11)))
    labels = {item.label for item in completion.items}
    assert not completion.is_incomplete and {'value_0', 'value_99998', 'ValueError'} <= labels
    assert 'value_50000' in hover.contents.value


@pytest.mark.asyncio
async def test_a_one_megabyte_line(client, tmp_path):
    uri = (tmp_path / 'wide.py').as_uri()
    text = 'data = [' + '1, ' * 350_000 + 'undefined_f]\n'
    assert len(text) > 1_000_000
    open_document(client, uri, text)
    published = await wait_for_diagnostics(client, uri, 1)
    assert [(d.message, d.range.start.character) for d in published.diagnostics] == [
        ("undefined name 'undefined_f'", len(text) - 13)]
    await exercise_every_feature(client, uri, 0, len(text) - 10)


@pytest.mark.asyncio
async def test_deeply_nested_brackets(client, tmp_path):
    texts = {'open.py': '(' * 100_000 + '\n',
             'balanced.py': 'x = ' + '[' * 5_000 + ']' * 5_000 + '\n',
             'mixed.py': '([{' * 20_000 + '\nprint(1)\n'}
    for name, text in texts.items():
        uri = (tmp_path / name).as_uri()
        open_document(client, uri, text)
        published = await wait_for_diagnostics(client, uri, 1)
        assert all(d.source == 'memphis' for d in published.diagnostics)
        await exercise_every_feature(client, uri, 0, len(text) // 2)


@pytest.mark.asyncio
async def test_invalid_utf8_on_disk(pull_client, tmp_path):
    path = tmp_path / 'latin1.py'
    path.write_bytes(b'name = "caf\xe9"\nundefined_g\n')
    items = await pull_diagnostics(pull_client, path.as_uri())
    assert "undefined name 'undefined_g'" in [d.message for d in items]
    await exercise_every_feature(pull_client, path.as_uri(), 1, 3)
    declared = tmp_path / 'declared.py'
    declared.write_bytes(b'# -*- coding: latin-1 -*-\nname = "caf\xe9"; undefined_h\n')
    items = await pull_diagnostics(pull_client, declared.as_uri())
    assert [(d.message, d.range.start.character) for d in items] == [
        ("undefined name 'undefined_h'", 16)]  # UTF-8 columns: é is 2
