"""Document highlight (`textDocument/documentHighlight`): the other occurrences of the name
under the cursor in this document, marked as reads or writes."""

from __future__ import annotations

from lsprotocol import types

from interpreter.analysis.navigation import document_highlights

from .analysed import analysed

__all__ = ['register']

_KINDS = {'read': types.DocumentHighlightKind.Read, 'write': types.DocumentHighlightKind.Write}


def register(server) -> None:
    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)
    async def document_highlight(params: types.DocumentHighlightParams):
        found = await analysed(server, params.text_document.uri)
        if found is None:
            return None
        lineno, col = found.position(params.position)
        return [types.DocumentHighlight(range=found.lsp_range(rng), kind=_KINDS[access])
                for rng, access in document_highlights(found.module, lineno, col)]
