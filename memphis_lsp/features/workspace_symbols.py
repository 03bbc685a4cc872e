"""Workspace symbols (`workspace/symbol`) over an index of every .py file of the workspace.

The index is built on a worker thread when the first document opens (or on the first query),
with work-done progress reported to the client (see `indexing`), and kept up to date from
didChange (the editor's text), didSave and `workspace/didChangeWatchedFiles` (which the client
sends for the file events it is configured to watch, e.g. VS Code's `synchronize.fileEvents`).
"""

from __future__ import annotations

import asyncio

from lsprotocol import types

from .document_symbols import SYMBOL_KINDS
from .indexing import indexed, start_indexing, workspace_index_of

__all__ = ['register']


def register(server) -> None:
    state: dict = {'pending': {}}

    def flush_pending() -> None:
        """Index the edited documents' latest texts (parsed here, not on every keystroke)."""
        pending, state['pending'] = state['pending'], {}
        index = workspace_index_of(server)
        for path, text in pending.items():
            index.update(path, text)

    def on_document(uri: str, document) -> None:
        start_indexing(server)
        path = server.path_of(uri)
        if path is None:
            return
        if document is not None:
            state['pending'][path] = document.text
        else:
            # Closed: the disk has the truth again.
            state['pending'][path] = None
    server.document_listeners.append(on_document)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        path = server.path_of(params.text_document.uri)
        if path is not None and path not in state['pending']:
            state['pending'][path] = None

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        index = workspace_index_of(server)
        for change in params.changes:
            path = server.path_of(change.uri)
            if path is None:
                continue
            if change.type == types.FileChangeType.Deleted:
                state['pending'].pop(path, None)
                index.remove(path)
            elif server.documents.get(change.uri) is None:
                state['pending'][path] = None

    @server.feature(types.WORKSPACE_SYMBOL)
    async def workspace_symbol(params: types.WorkspaceSymbolParams):
        await indexed(server)
        await asyncio.to_thread(flush_pending)
        found = workspace_index_of(server).symbols(params.query)
        documents = {}
        answers = []
        for symbol in found:
            uri = server.uri_of(symbol.path)
            document = documents.get(uri)
            if document is None:
                document = documents[uri] = server.document(uri)
            if document is None:
                continue
            answers.append(types.WorkspaceSymbol(
                name=symbol.name, kind=SYMBOL_KINDS[symbol.kind],
                container_name=symbol.container,
                location=types.Location(uri=uri, range=document.to_lsp_range(
                    *symbol.selection_range))))
        return answers
