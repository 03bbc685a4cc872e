"""End to end, against the server process: document symbols, folding and selection ranges."""

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import change_document, open_document

URI = 'file:///tmp/memphis-outline/sample.py'

SOURCE = '''\
import os
import sys
# one
# two
ünï = "ß"
class Ωmega(Base):
    def 函数(self, a=1):
        return [a,
                a]
def broken(:
    x = 1
'''


@pytest_asyncio.fixture
async def opened(client: LanguageClient):
    open_document(client, URI, SOURCE)


def _doc(uri=URI):
    return types.TextDocumentIdentifier(uri=uri)


@pytest.mark.asyncio
async def test_document_symbols(client: LanguageClient, opened):
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=_doc()))
    names = [(s.name, s.kind) for s in symbols]
    assert names == [('ünï', types.SymbolKind.Variable), ('Ωmega', types.SymbolKind.Class),
                     ('broken', types.SymbolKind.Function)]
    method = symbols[1].children[0]
    assert (method.name, method.kind, method.detail) == ('函数', types.SymbolKind.Method,
                                                         '函数(self, a=1)')
    # UTF-16 columns: every character here is in the BMP, so one unit each.
    assert method.selection_range == types.Range(start=types.Position(line=6, character=8),
                                                 end=types.Position(line=6, character=10))


@pytest.mark.asyncio
async def test_astral_characters_count_two_utf16_units(client: LanguageClient, opened):
    uri = 'file:///tmp/memphis-outline/astral.py'
    open_document(client, uri, 's = "😀😀"; target = 1\n')
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=_doc(uri)))
    target = next(s for s in symbols if s.name == 'target')
    # 's = "' is 5 units, two astral characters 4, '"; ' 3: 'target' starts at unit 12.
    assert target.selection_range.start == types.Position(line=0, character=12)


@pytest.mark.asyncio
async def test_folding_ranges(client: LanguageClient, opened):
    folds = await client.text_document_folding_range_async(
        types.FoldingRangeParams(text_document=_doc()))
    got = {(f.start_line, f.end_line, f.kind) for f in folds}
    assert (0, 1, types.FoldingRangeKind.Imports) in got
    assert (2, 3, types.FoldingRangeKind.Comment) in got
    assert (5, 8, None) in got
    assert (9, 10, None) in got  # the broken def


@pytest.mark.asyncio
async def test_selection_ranges(client: LanguageClient, opened):
    answers = await client.text_document_selection_range_async(types.SelectionRangeParams(
        text_document=_doc(), positions=[types.Position(line=7, character=17)]))
    chain = []
    node = answers[0]
    while node is not None:
        chain.append(node.range)
        node = node.parent
    assert chain[0] == types.Range(start=types.Position(line=7, character=16),
                                   end=types.Position(line=7, character=17))
    assert chain[-1].start == types.Position(line=0, character=0)
    assert len(chain) >= 4


@pytest.mark.asyncio
async def test_edit_then_outline_follows(client: LanguageClient, opened):
    change_document(client, URI, 2, ((4, 0, 4, 3), 'renamed'))
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=_doc()))
    assert symbols[0].name == 'renamed'
