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

    def on_disk(changes) -> None:
        index = workspace_index_of(server)
        for path, kind in changes:
            if kind == types.FileChangeType.Deleted:
                state['pending'].pop(path, None)
                index.remove(path)
            elif (server.documents.get(server.uri_of(path)) is None
                  or path not in state['pending']):
                # From the disk: a file changed outside the editor, or a saved document
                # (an open one with an edit pending is indexed from its text).
                state['pending'][path] = None
    server.disk_listeners.append(on_disk)

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
