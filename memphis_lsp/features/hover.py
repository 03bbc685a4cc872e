"""Hover (`textDocument/hover`): kind, signature and docstring of the name under the cursor."""

from __future__ import annotations

from lsprotocol import types

from interpreter.analysis.hover import hover

from .analysed import query_at

__all__ = ['register']


def register(server) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(params: types.HoverParams):
        found, info = await query_at(server, params, hover)
        if info is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value=info.markdown),
                           range=found.lsp_range(info.range))
