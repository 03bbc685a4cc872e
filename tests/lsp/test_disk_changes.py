"""Diagnostics that depend on other files (unresolved imports M030, imported names M032) are
checked again when files change on disk: watched-file events (the server registers a watcher
for Python files when the client allows it) and saves."""

from __future__ import annotations

import asyncio

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

from .conftest import SERVER, WAIT_SECONDS, initialize_params, open_document, pull_diagnostics

_MAIN = 'import newmod\nfrom helper import X, Y\nprint(newmod, X, Y)\n'
_BEFORE = [('M030', "cannot resolve import 'newmod'"),
           ('M032', "cannot import name 'Y' from 'helper'")]


def _workspace(root) -> None:
    (root / 'helper.py').write_text('X = 1\n')


def _fix_on_disk(root) -> list[types.FileEvent]:
    (root / 'newmod.py').write_text('')
    (root / 'helper.py').write_text('X = 1\nY = 2\n')
    return [types.FileEvent(uri=(root / 'newmod.py').as_uri(), type=types.FileChangeType.Created),
            types.FileEvent(uri=(root / 'helper.py').as_uri(), type=types.FileChangeType.Changed)]


async def _published_after(client, uri: str, count: int) -> types.PublishDiagnosticsParams:
    async def published():
        while True:
            found = [params for params in client.published if params.uri == uri]
            if len(found) > count:
                return found[-1]
            await asyncio.sleep(0.02)
    return await asyncio.wait_for(published(), WAIT_SECONDS)


@pytest_lsp.fixture(config=SERVER)
async def push_client(lsp_client: LanguageClient, tmp_path):
    """VS Code's capabilities (push diagnostics, watchers registered dynamically)."""
    _workspace(tmp_path)
    lsp_client.initialize_result = await lsp_client.initialize_session(
        initialize_params('visual-studio-code', tmp_path))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def refreshing_pull_client(lsp_client: LanguageClient, tmp_path):
    """Neovim's capabilities (pull diagnostics), plus `workspace/diagnostic/refresh`."""
    _workspace(tmp_path)
    params = initialize_params('neovim', tmp_path)
    params.capabilities = client_capabilities('neovim')
    params.capabilities.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(
        refresh_support=True)
    lsp_client.initialize_result = await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_the_server_watches_python_files(push_client):
    async def registered():
        while not push_client.registrations:
            await asyncio.sleep(0.02)
    await asyncio.wait_for(registered(), WAIT_SECONDS)
    (registration,) = push_client.registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    assert [watcher['globPattern'] for watcher in registration.register_options['watchers']] \
        == ['**/*.py']


@pytest.mark.asyncio
async def test_pushed_diagnostics_follow_the_disk(push_client, tmp_path):
    uri = (tmp_path / 'main.py').as_uri()
    open_document(push_client, uri, _MAIN)
    first = await _published_after(push_client, uri, 0)
    assert [(d.code, d.message) for d in first.diagnostics] == _BEFORE
    push_client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=_fix_on_disk(tmp_path)))
    second = await _published_after(push_client, uri, 1)
    assert (second.version, list(second.diagnostics)) == (1, [])
    # A save of a file that breaks the import again is seen too.
    (tmp_path / 'helper.py').write_text('Y = 2\n')
    push_client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=(tmp_path / 'helper.py').as_uri())))
    third = await _published_after(push_client, uri, 2)
    assert [(d.code, d.message) for d in third.diagnostics] == [
        ('M032', "cannot import name 'X' from 'helper'")]


@pytest.mark.asyncio
async def test_pulled_diagnostics_follow_the_disk(refreshing_pull_client, tmp_path):
    client = refreshing_pull_client
    uri = (tmp_path / 'main.py').as_uri()
    open_document(client, uri, _MAIN)
    assert [(d.code, d.message) for d in await pull_diagnostics(client, uri)] == _BEFORE
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=_fix_on_disk(tmp_path)))

    async def refreshed():
        while not client.diagnostic_refreshes:
            await asyncio.sleep(0.02)
    await asyncio.wait_for(refreshed(), WAIT_SECONDS)
    assert list(await pull_diagnostics(client, uri)) == []
