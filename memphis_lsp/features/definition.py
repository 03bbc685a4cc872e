"""Go to definition (`textDocument/definition`): locals, other workspace modules through their
imports, and the standard library's .py sources."""

from __future__ import annotations

from lsprotocol import types

from interpreter.analysis.navigation import definitions

from .analysed import lsp_location, query_at

__all__ = ['register']


def register(server) -> None:
    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    async def definition(params: types.DefinitionParams):
        found, places = await query_at(server, params, definitions)
        if found is None:
            return None
        documents = {}
        locations = [lsp_location(server, found, place, documents) for place in places]
        return [location for location in locations if location is not None] or None
