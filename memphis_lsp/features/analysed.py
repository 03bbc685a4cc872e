"""Shared by the navigation feature modules: a document's analysis as a navigable module and
the server's module loader (open documents win over the disk)."""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from typing import Any

from lsprotocol import types

from interpreter.analysis.navigation import Location, ModuleLoader, SourceModule

from ..documents import Document

__all__ = ['Analysed', 'analysed', 'loader_of', 'lsp_location', 'query_at', 'run_off_loop']


@dataclass
class Analysed:
    """One document version, its ModuleAnalysis and the module the navigation queries use."""

    document: Document
    analysis: Any
    module: SourceModule

    @property
    def ranges(self):
        return self.module.ranges

    def lsp_range(self, rng) -> types.Range:
        """The LSP range of an analysis range (lineno, col, end_lineno, end_col)."""
        return self.document.to_lsp_range(*rng)

    def position(self, lsp_position: types.Position) -> tuple[int, int]:
        """(lineno, character column) of an LSP position."""
        return self.document.from_lsp_position(lsp_position)


async def analysed(server, uri: str) -> Analysed | None:
    """The latest analysis of `uri` (an open document or a file on disk); None if unknown."""
    result = await server.analysed(uri)
    if result is None:
        return None
    document, analysis = result
    module = SourceModule.from_analysis(analysis, server.path_of(uri) or None)
    return Analysed(document, analysis, module)


def loader_of(server) -> ModuleLoader:
    """The server's module loader (one per server: it caches parsed modules)."""
    loader = getattr(server, 'navigation_loader', None)
    search_path = server.search_path()
    if loader is None or loader.search_path != search_path:
        def read_open_text(path: str) -> str | None:
            document = server.documents.get(server.uri_of(path))
            return document.text if document is not None else None

        loader = ModuleLoader(search_path, read_open_text)
        server.navigation_loader = loader
    return loader


def lsp_location(server, found: Analysed, location: Location,
                 documents: dict[str, Document] | None = None) -> types.Location | None:
    """The LSP location of an analysis location (`path` None: the document itself)."""
    if location.path is None or (found.module.path is not None and
                                 os.path.abspath(location.path) ==
                                 os.path.abspath(found.module.path)):
        return types.Location(uri=found.document.uri, range=found.lsp_range(location.range))
    uri = server.uri_of(location.path)
    documents = {} if documents is None else documents
    document = documents.get(uri)
    if document is None:
        document = server.document(uri)
        if document is None:
            return None
        documents[uri] = document
    return types.Location(uri=uri, range=document.to_lsp_range(*location.range))


async def run_off_loop(function, *args):
    """Run a navigation query on a worker thread: reading other modules may take a while and
    the event loop keeps answering meanwhile."""
    return await asyncio.to_thread(function, *args)


async def query_at(server, params, query, *arguments) -> tuple[Analysed | None, Any]:
    """(analysed document, `query(loader, module, lineno, col, *arguments)`) for a request at
    `params.position` of `params.text_document`, run off the loop; (None, None) for a document
    the server cannot read."""
    found = await analysed(server, params.text_document.uri)
    if found is None:
        return None, None
    lineno, col = found.position(params.position)
    return found, await run_off_loop(query, loader_of(server), found.module, lineno, col,
                                     *arguments)
