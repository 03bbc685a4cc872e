"""Document symbols (`textDocument/documentSymbol`): the hierarchical outline of a module.

Try it: open a Python file in VS Code and look at the Outline view or press Ctrl+Shift+O.
"""

from __future__ import annotations

from lsprotocol import types

from interpreter.analysis.symbols import document_symbols

from .. import json_values
from ..json_values import JsonList
from .analysed import analysed, run_off_loop

__all__ = ['SYMBOL_KINDS', 'register']

SYMBOL_KINDS = {
    'class': types.SymbolKind.Class,
    'function': types.SymbolKind.Function,
    'method': types.SymbolKind.Method,
    'property': types.SymbolKind.Property,
    'variable': types.SymbolKind.Variable,
    'constant': types.SymbolKind.Constant,
    'field': types.SymbolKind.Field,
}


def register(server) -> None:
    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def document_symbol(params: types.DocumentSymbolParams):
        found = await analysed(server, params.text_document.uri)
        if found is None:
            return None
        answer = found.module.answers.get('document symbols')
        if answer is None:
            # Off the event loop: on a file of 100,000 names this takes a second or two.
            answer = await run_off_loop(_outline, found)
            found.module.answers['document symbols'] = answer
        return answer


def _outline(found) -> JsonList:
    """The document's symbols as JSON `DocumentSymbol`s."""
    document = found.document
    character = document.to_lsp_character
    last_line = document.line_count

    def json_range(lineno: int, col: int, end_lineno: int, end_col: int) -> dict:
        if not (1 <= lineno <= last_line and 1 <= end_lineno <= last_line):
            lsp = found.lsp_range((lineno, col, end_lineno, end_col))
            return json_values.json_range(lsp.start.line, lsp.start.character,
                                          lsp.end.line, lsp.end.character)
        start, end = character(lineno, col), character(end_lineno, end_col)
        end_lineno, end = max((end_lineno, end), (lineno, start))
        return json_values.json_range(lineno - 1, start, end_lineno - 1, end)

    def convert(symbol) -> dict:
        item = {'name': symbol.name, 'kind': SYMBOL_KINDS[symbol.kind].value,
                'range': json_range(*symbol.range),
                'selectionRange': json_range(*symbol.selection_range)}
        if symbol.detail:
            item['detail'] = symbol.detail
        if symbol.children:
            item['children'] = [convert(child) for child in symbol.children]
        return item

    return JsonList(convert(symbol)
                    for symbol in document_symbols(found.analysis.tree, found.ranges))
