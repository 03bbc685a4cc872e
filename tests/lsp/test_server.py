"""The server process: start-up, capabilities, shutdown, `--tcp`, settings."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import (
    REPO,
    SERVER,
    initialize_params,
    open_document,
    pull_diagnostics,
    server_environment,
    wait_for_diagnostics,
)


@pytest.mark.asyncio
async def test_capabilities_declare_incremental_sync_and_utf16(client):
    capabilities = client.initialize_result.capabilities
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.diagnostic_provider.identifier == 'memphis'


@pytest.mark.asyncio
async def test_pull_client_gets_utf8_columns(pull_client):
    capabilities = pull_client.initialize_result.capabilities
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf8


@pytest.mark.asyncio
async def test_push_diagnostics_for_a_broken_file(client, tmp_path):
    uri = (tmp_path / 'broken.py').as_uri()
    open_document(client, uri, 'x = (\nreturn 1\n')
    published = await wait_for_diagnostics(client, uri, 1)
    assert published.version == 1
    messages = {diagnostic.message for diagnostic in published.diagnostics}
    assert "'(' was never closed" in messages
    assert all(diagnostic.source == 'memphis' and diagnostic.code
               for diagnostic in published.diagnostics)


def _frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return b'Content-Length: %d\r\n\r\n' % len(body) + body


def _read_message(stream) -> dict:
    length = None
    while True:
        line = stream.readline()
        if not line:
            raise EOFError('server closed the stream')
        if line in (b'\r\n', b'\n'):
            break
        name, _, value = line.decode('ascii').partition(':')
        if name.strip().lower() == 'content-length':
            length = int(value)
    return json.loads(stream.read(length))


def test_tcp_mode_serves_a_client():
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, '-m', 'memphis_lsp', '--tcp', '127.0.0.1',
                               str(port)], cwd=REPO, env=server_environment(),
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                connection = socket.create_connection(('127.0.0.1', port), timeout=60)
                break
            except ConnectionRefusedError:
                if server.poll() is not None:
                    raise AssertionError('server exited') from None
                time.sleep(0.05)
        with connection, connection.makefile('rb') as stream:
            connection.sendall(_frame({'jsonrpc': '2.0', 'id': 1, 'method': 'initialize',
                                       'params': {'capabilities': {}}}))
            reply = _read_message(stream)
            assert reply['id'] == 1
            assert reply['result']['serverInfo']['name'] == 'memphis-lsp'
            connection.sendall(_frame({'jsonrpc': '2.0', 'id': 2, 'method': 'shutdown'}))
            assert _read_message(stream)['id'] == 2
            connection.sendall(_frame({'jsonrpc': '2.0', 'method': 'exit'}))
        assert server.wait(60) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_stdio_exit_status_follows_shutdown():
    # --stdio is what vscode-languageclient appends; it is the default.
    server = subprocess.Popen([sys.executable, '-m', 'memphis_lsp', '--stdio'], cwd=REPO,
                              env=server_environment(), stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        server.stdin.write(_frame({'jsonrpc': '2.0', 'id': 1, 'method': 'initialize',
                                   'params': {'capabilities': {}}}))
        server.stdin.flush()
        assert _read_message(server.stdout)['id'] == 1
        # exit without shutdown: status 1, as the protocol says
        server.stdin.write(_frame({'jsonrpc': '2.0', 'method': 'exit'}))
        server.stdin.flush()
        assert server.wait(60) == 1
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


@pytest_lsp.fixture(config=SERVER)
async def configured_client(lsp_client: LanguageClient, tmp_path):
    """A pull-capable client that asks for pushed diagnostics and an extra import path."""
    (tmp_path / 'workspace').mkdir()
    (tmp_path / 'extra').mkdir()
    (tmp_path / 'extra' / 'extra_module.py').write_text('VALUE = 1\n')
    (tmp_path / 'workspace' / 'local_module.py').write_text('VALUE = 2\n')
    lsp_client.initialize_result = await lsp_client.initialize_session(initialize_params(
        'neovim', tmp_path / 'workspace', diagnosticMode='push',
        extraPaths=[str(tmp_path / 'extra')]))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_settings_push_mode_and_extra_paths(configured_client, tmp_path):
    uri = (tmp_path / 'workspace' / 'main.py').as_uri()
    open_document(configured_client, uri, 'import extra_module, local_module, os, no_such_module\n'
                                          'print(extra_module, local_module, os, no_such_module)\n')
    published = await wait_for_diagnostics(configured_client, uri, 1)
    assert [(d.code, d.message) for d in published.diagnostics] == [
        ('M030', "cannot resolve import 'no_such_module'")]


@pytest.mark.asyncio
async def test_default_search_path_resolves_the_interpreter_modules_only(pull_client, tmp_path):
    uri = (tmp_path / 'main.py').as_uri()
    open_document(pull_client, uri, 'import os, json, no_such_module\n'
                                    'print(os, json, no_such_module)\n')
    assert [(d.code, d.message) for d in await pull_diagnostics(pull_client, uri)] == [
        ('M030', "cannot resolve import 'no_such_module'")]


@pytest.mark.asyncio
async def test_imported_names_the_module_lacks(configured_client, tmp_path):
    uri = (tmp_path / 'workspace' / 'main.py').as_uri()
    open_document(configured_client, uri,
                  'from extra_module import VALUE, NOPE\n'
                  'from local_module import VALUE as V2, MISSING\n'
                  'from json import loads, nothing\n'
                  'print(VALUE, NOPE, V2, MISSING, loads, nothing)\n')
    published = await wait_for_diagnostics(configured_client, uri, 1)
    assert [(d.code, d.message, d.range.start.line, d.range.start.character)
            for d in published.diagnostics] == [
        ('M032', "cannot import name 'NOPE' from 'extra_module'", 0, 32),
        ('M032', "cannot import name 'MISSING' from 'local_module'", 1, 38),
        ('M032', "cannot import name 'nothing' from 'json'", 2, 24)]
