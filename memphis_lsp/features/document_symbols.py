"""Document symbols (`textDocument/documentSymbol`): the hierarchical outline of a module.

Try it: open a Python file in VS Code and look at the Outline view or press Ctrl+Shift+O.
"""

from __future__ import annotations

from lsprotocol import types

from interpreter.analysis.symbols import document_symbols

from .analysed import analysed

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

        def convert(symbol):
            return types.DocumentSymbol(
                name=symbol.name, kind=SYMBOL_KINDS[symbol.kind],
                range=found.lsp_range(symbol.range),
                selection_range=found.lsp_range(symbol.selection_range),
                detail=symbol.detail or None,
                children=[convert(child) for child in symbol.children])

        answer = found.module.answers.get('document symbols')
        if answer is None:
            answer = [convert(symbol)
                      for symbol in document_symbols(found.analysis.tree, found.ranges)]
            found.module.answers['document symbols'] = answer
        return answer
