"""The Memphis language server: documents, analyses off the event loop, and the feature modules.

Handlers stay thin: the analysis lives in `interpreter.analysis`; feature modules (listed in
`memphis_lsp.features.FEATURE_MODULES`) turn LSP params into calls on it and back.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import from_fs_path, to_fs_path

from interpreter.source import decode_source

from . import __version__, json_values
from .analyses import AnalysisScheduler, Superseded, analyse_document
from .documents import Document, PositionEncoding
from .features import FEATURE_MODULES

__all__ = ['MemphisLanguageServer', 'ServerSettings', 'create_server']

logger = logging.getLogger(__name__)

DocumentListener = Callable[[str, 'Document | None'], None]
# Called with the (path, FileChangeType) of files changed on disk (didSave: Changed).
DiskListener = Callable[[list[tuple[str, types.FileChangeType]]], None]
# Which files' changes on disk the server asks the client to report.
WATCHED_FILES = '**/*.py'

# What `MemphisProtocol.structure_message` returns for a request it has answered with an error.
_ALREADY_ANSWERED = object()


class ServerSettings:
    """What the client configures (`initializationOptions`), with defaults.

    `extraPaths`: directories searched for imports before the workspace and the interpreter's
    paths. `diagnosticMode`: 'auto' (pull when the client supports it, else push), 'push' or
    'pull'.
    """

    def __init__(self, options: Any = None):
        options = options if isinstance(options, dict) else {}
        extra = options.get('extraPaths', [])
        self.extra_paths: list[str] = [path for path in extra if isinstance(path, str)] \
            if isinstance(extra, list) else []
        mode = options.get('diagnosticMode', 'auto')
        self.diagnostic_mode: str = mode if mode in ('auto', 'push', 'pull') else 'auto'


class MemphisProtocol(LanguageServerProtocol):
    """pygls's protocol, with document sync kept in our own `Document`s (see documents.py),
    and an error response (not silence) to a request whose params do not fit its method."""

    _server: MemphisLanguageServer

    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            request_id = data.get('id')
            if 'method' not in data or not isinstance(request_id, (int, str)):
                raise
            self._send_response(request_id, None, error.to_response_error())
            return _ALREADY_ANSWERED

    def handle_message(self, message) -> None:
        if message is not _ALREADY_ANSWERED:
            super().handle_message(message)

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams):
        self._server.open_document(params.text_document)
        if (user_handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield user_handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        self._server.change_document(params.text_document, params.content_changes)
        if (user_handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield user_handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams):
        self._server.close_document(params.text_document.uri)
        if (user_handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield user_handler, (params,), None


class MemphisLanguageServer(LanguageServer):
    """The server: open documents, their analyses, settings, and listeners for features."""

    def __init__(self) -> None:
        super().__init__('memphis-lsp', __version__, protocol_cls=MemphisProtocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         converter_factory=json_values.converter)
        self.documents: dict[str, Document] = {}
        self.settings = ServerSettings()
        self.scheduler = AnalysisScheduler(self._analyse)
        # Called with (uri, document) after every open and change, (uri, None) after a close.
        self.document_listeners: list[DocumentListener] = []
        # Called after files change on disk (watched-file events, saves).
        self.disk_listeners: list[DiskListener] = []
        # Incremented on each open, so that pull-diagnostic result ids never repeat.
        self.open_count = 0

    # Documents ---------------------------------------------------------------------------

    @property
    def position_encoding(self) -> str:
        """The negotiated position encoding (utf-16 unless the client offered another)."""
        try:
            encoding = self.workspace.position_encoding
        except RuntimeError:  # not initialised yet
            return PositionEncoding.UTF16
        return str(getattr(encoding, 'value', encoding) or PositionEncoding.UTF16)

    def open_document(self, item: types.TextDocumentItem) -> None:
        """didOpen: store the document and tell the listeners."""
        self.open_count += 1
        document = Document.from_text(item.uri, item.text, item.version,
                                      language_id=item.language_id,
                                      encoding=self.position_encoding)
        self._set_document(document)

    def change_document(self, identifier: types.VersionedTextDocumentIdentifier,
                        changes: list[types.TextDocumentContentChangeEvent]) -> None:
        """didChange: apply the (incremental or full) changes and tell the listeners."""
        document = self.documents.get(identifier.uri)
        if document is None:
            logger.warning('didChange for a document that is not open: %s', identifier.uri)
            return
        self._set_document(document.apply_changes(changes, identifier.version))

    def close_document(self, uri: str) -> None:
        """didClose: forget the document and its analyses."""
        self.documents.pop(uri, None)
        self.scheduler.document_closed(uri)
        self._notify(uri, None)

    def _set_document(self, document: Document) -> None:
        self.documents[document.uri] = document
        self.scheduler.document_changed(document)
        self._notify(document.uri, document)

    def files_changed(self, changes: list[tuple[str, types.FileChangeType]]) -> None:
        """Files changed on disk: tell the listeners."""
        for listener in self.disk_listeners:
            try:
                listener(changes)
            except Exception:  # one feature's bug must not stop the others
                logger.exception('disk listener %r failed', listener)

    def _notify(self, uri: str, document: Document | None) -> None:
        for listener in self.document_listeners:
            try:
                listener(uri, document)
            except Exception:  # one feature's bug must not stop document sync
                logger.exception('document listener %r failed', listener)

    def document(self, uri: str) -> Document | None:
        """The open document, else the file's text on disk (version None), else None."""
        document = self.documents.get(uri)
        if document is not None:
            return document
        return self.read_document(uri)

    def read_document(self, uri: str) -> Document | None:
        """The document of a file on disk (not open in the client); None if it cannot be read."""
        path = self.path_of(uri)
        if path is None or not os.path.isfile(path):
            return None
        try:
            with open(path, 'rb') as file:
                data = file.read()
        except OSError:
            return None
        return Document.from_text(uri, decode_file(data, path), None,
                                  encoding=self.position_encoding)

    @staticmethod
    def path_of(uri: str) -> str | None:
        """The file-system path of a file: URI (None for other schemes)."""
        if not uri.startswith('file:'):
            return None
        try:
            return to_fs_path(uri)
        except (ValueError, IndexError):  # a malformed URI is the client's problem
            return None

    @staticmethod
    def uri_of(path: str) -> str:
        """The file: URI of a path."""
        return from_fs_path(path) or path

    # Analyses ----------------------------------------------------------------------------

    def workspace_roots(self) -> list[str]:
        """The workspace folders' paths."""
        try:
            workspace = self.workspace
        except RuntimeError:
            return []
        roots = [self.path_of(folder.uri) for folder in workspace.folders.values()]
        if not roots and workspace.root_uri:
            roots = [self.path_of(workspace.root_uri)]
        return [root for root in roots if root]

    def search_path(self) -> list[str]:
        """Where imports are looked for: extra paths, the workspace, the interpreter's paths."""
        interpreter_paths = [path for path in sys.path[1:] if path and os.path.isdir(path)]
        return [*self.settings.extra_paths, *self.workspace_roots(), *interpreter_paths]

    def _analyse(self, document: Document):
        filename = self.path_of(document.uri) or document.uri
        return analyse_document(document, filename, self.search_path())

    async def analysed(self, uri: str) -> tuple[Document, Any] | None:
        """(document, its ModuleAnalysis) for the latest version of `uri`; None if unknown.

        Computed on an analysis thread; while it runs the event loop answers other requests.
        Safe to await from a request handler that may be cancelled.
        """
        while True:
            document = self.document(uri)
            if document is None:
                return None
            try:
                analysis = await asyncio.shield(self.scheduler.analysis_future(document))
            except Superseded:
                continue  # an edit arrived before the run started: analyse the new version
            return document, analysis

    async def analysis(self, uri: str):
        """The ModuleAnalysis of the latest version of `uri` (None if it is not known)."""
        analysed = await self.analysed(uri)
        return None if analysed is None else analysed[1]

    def latest_analysed(self, uri: str) -> tuple[Document, Any] | None:
        """The newest finished (document, analysis) of an open document, possibly stale."""
        return self.scheduler.finished.get(uri)

    async def watch_files(self) -> None:
        """Ask the client to report changes of Python files (imports resolve against the
        disk), when it supports registering watchers."""
        workspace = self.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if not (watched and watched.dynamic_registration):
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=WATCHED_FILES)])
        try:
            await self.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration(id='memphis-watched-files',
                                   method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                   register_options=options)]))
        except Exception:  # the client refused: only saves are seen then
            logger.exception('file watcher registration refused')

    def shutdown(self) -> None:
        """Stop the analysis workers, then pygls's server."""
        self.scheduler.shutdown()
        super().shutdown()


def decode_file(data: bytes, path: str) -> str:
    """A file's text: its declared or UTF-8 encoding, undecodable bytes replaced (never raises)."""
    try:
        return decode_source(data, path)
    except (SyntaxError, ValueError, LookupError):
        return data.decode('utf-8', 'replace')


def create_server() -> MemphisLanguageServer:
    """A server with every feature module of `FEATURE_MODULES` registered."""
    server = MemphisLanguageServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: MemphisLanguageServer, params: types.InitializeParams) -> None:
        ls.settings = ServerSettings(params.initialization_options)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: MemphisLanguageServer, params: types.InitializedParams) -> None:
        await ls.watch_files()

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MemphisLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        path = ls.path_of(params.text_document.uri)
        if path is not None:
            ls.files_changed([(path, types.FileChangeType.Changed)])

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: MemphisLanguageServer,
                                 params: types.DidChangeWatchedFilesParams) -> None:
        changes = [(path, change.type) for change in params.changes
                   if (path := ls.path_of(change.uri)) is not None]
        if changes:
            ls.files_changed(changes)

    for name in FEATURE_MODULES:
        importlib.import_module(f'{__package__}.features.{name}').register(server)
    return server
