"""pytest-lsp fixtures: clients talking to a real `python -m memphis_lsp` process over stdio.

`client` declares VS Code's capabilities (push diagnostics, UTF-16 columns); `pull_client`
declares Neovim 0.11's (pull diagnostics, UTF-8 columns). Helpers open documents and wait for
diagnostics of a given version.
"""

from __future__ import annotations

import asyncio
import os
import pathlib
import sys

import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

REPO = pathlib.Path(__file__).resolve().parents[2]
# Generous: a guard against a hung server, not a speed check.
WAIT_SECONDS = 60


def make_recording_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics (with its version) in order,
    the capabilities the server registers and the diagnostic refreshes it asks for."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []

    def publish_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    client.registrations = []
    client.diagnostic_refreshes = 0

    def register_capability(params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    def diagnostic_refresh(params: None) -> None:
        client.diagnostic_refreshes += 1

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES,
                                   types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish_diagnostics,
                                   types.CLIENT_REGISTER_CAPABILITY: register_capability,
                                   types.WORKSPACE_DIAGNOSTIC_REFRESH: diagnostic_refresh})
    return client


def server_environment() -> dict[str, str]:
    """The test process's environment, with this checkout first on the server's path."""
    environment = dict(os.environ)
    environment['PYTHONPATH'] = os.pathsep.join(
        [str(REPO), *filter(None, [environment.get('PYTHONPATH')])])
    return environment


SERVER = ClientServerConfig(server_command=[sys.executable, '-m', 'memphis_lsp'],
                            client_factory=make_recording_client,
                            server_env=server_environment())


def initialize_params(spec: str, root: pathlib.Path | None = None,
                      **options) -> types.InitializeParams:
    """Initialize params with the capabilities of a client pytest-lsp knows."""
    return types.InitializeParams(
        capabilities=client_capabilities(spec),
        root_uri=root.as_uri() if root else None,
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name='root')]
        if root else None,
        initialization_options=options or None)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path):
    """VS Code 1.65's capabilities: diagnostics pushed, UTF-16 columns; workspace `tmp_path`."""
    lsp_client.initialize_result = await lsp_client.initialize_session(
        initialize_params('visual-studio-code', tmp_path))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def pull_client(lsp_client: LanguageClient, tmp_path):
    """Neovim 0.11's capabilities: diagnostics pulled, UTF-8 columns; workspace `tmp_path`."""
    lsp_client.initialize_result = await lsp_client.initialize_session(
        initialize_params('neovim', tmp_path))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER, params=['visual-studio-code', 'neovim'])
async def either_client(lsp_client: LanguageClient, request, tmp_path):
    """Each of the two clients in turn: `lsp_client.pulls` says which."""
    lsp_client.initialize_result = await lsp_client.initialize_session(
        initialize_params(request.param, tmp_path))
    lsp_client.pulls = request.param == 'neovim'
    yield
    await lsp_client.shutdown_session()


def open_document(client: LanguageClient, uri: str, text: str, version: int = 1) -> None:
    """Send didOpen."""
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id='python', version=version,
                                             text=text)))


def change_document(client: LanguageClient, uri: str, version: int,
                    *changes: tuple[tuple[int, int, int, int], str]) -> None:
    """Send didChange with incremental changes ((line, char, end_line, end_char), text)."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=line, character=char),
                              end=types.Position(line=end_line, character=end_char)),
            text=text) for (line, char, end_line, end_char), text in changes]))


async def wait_for_diagnostics(client: LanguageClient, uri: str,
                               version: int | None = None) -> types.PublishDiagnosticsParams:
    """The first publishDiagnostics for `uri` (and `version`, if given) the server sends."""
    async def published():
        while True:
            for params in client.published:
                if params.uri == uri and (version is None or params.version == version):
                    return params
            await asyncio.sleep(0.005)
    return await asyncio.wait_for(published(), WAIT_SECONDS)


async def pull_diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The items of a textDocument/diagnostic report."""
    report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    return report.items
