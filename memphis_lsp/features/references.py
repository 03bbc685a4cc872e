"""Find references (`textDocument/references`): scope-correct uses of a name in the document,
and for a module-level name the workspace files that import it."""

from __future__ import annotations

from lsprotocol import types

from interpreter.analysis.rename import workspace_references

from .analysed import lsp_location, query_at
from .indexing import indexed

__all__ = ['register']


def register(server) -> None:
    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    async def find_references(params: types.ReferenceParams):
        include = params.context.include_declaration if params.context else True
        index = await indexed(server)
        found, places = await query_at(server, params, workspace_references, index.files(),
                                       include)
        if found is None:
            return None
        documents = {}
        locations = [lsp_location(server, found, place, documents) for place in places]
        return [location for location in locations if location is not None]
