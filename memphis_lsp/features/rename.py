"""Rename (`textDocument/prepareRename`, `textDocument/rename`): scope-correct, across the
workspace files that import a module-level name. Builtins and keywords are refused with an
error response."""

from __future__ import annotations

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from interpreter.analysis.rename import RenameError, prepare_rename, rename

from .analysed import query_at
from .indexing import indexed

__all__ = ['register']


def _refusal(error: RenameError) -> JsonRpcException:
    return JsonRpcException(code=types.LSPErrorCodes.RequestFailed, message=str(error))


def register(server) -> None:
    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    async def on_prepare_rename(params: types.PrepareRenameParams):
        try:
            found, rng = await query_at(server, params, prepare_rename)
        except RenameError as error:
            raise _refusal(error) from None
        return None if found is None else found.lsp_range(rng)

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    async def on_rename(params: types.RenameParams):
        index = await indexed(server)
        try:
            found, edits = await query_at(server, params, _rename_in(index), params.new_name,
                                          index.files())
        except RenameError as error:
            raise _refusal(error) from None
        if found is None:
            return None
        changes = {}
        for path, replacements in edits.items():
            if path is None or path == found.module.path:
                uri, document = found.document.uri, found.document
            else:
                uri = server.uri_of(path)
                document = server.document(uri)
                if document is None:
                    continue
            changes.setdefault(uri, []).extend(
                types.TextEdit(range=document.to_lsp_range(*rng), new_text=text)
                for rng, text in replacements)
        return types.WorkspaceEdit(changes=changes)


def _rename_in(index):
    """`rename` that may change definitions in the workspace's files only."""
    def rename_in_workspace(loader, module, lineno, col, new_name, files):
        def in_workspace(path):
            return path is not None and (path == module.path or index.contains(path))
        return rename(loader, module, lineno, col, new_name, files, in_workspace)
    return rename_in_workspace
