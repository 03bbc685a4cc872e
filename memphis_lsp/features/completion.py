"""Completion (`textDocument/completion`): scope-aware names, keywords, module members (read
from source) and attributes of classes defined in source. Trigger character: `.`."""

from __future__ import annotations

from lsprotocol import types

from interpreter.analysis.completion import completions

from .analysed import query_at

__all__ = ['register']

_KINDS = {
    'function': types.CompletionItemKind.Function,
    'method': types.CompletionItemKind.Method,
    'class': types.CompletionItemKind.Class,
    'module': types.CompletionItemKind.Module,
    'variable': types.CompletionItemKind.Variable,
    'parameter': types.CompletionItemKind.Variable,
    'attribute': types.CompletionItemKind.Field,
    'property': types.CompletionItemKind.Property,
    'keyword': types.CompletionItemKind.Keyword,
}


def register(server) -> None:
    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=['.']))
    async def complete(params: types.CompletionParams):
        found, items = await query_at(server, params, completions)
        if found is None:
            return None
        return types.CompletionList(is_incomplete=False, items=[
            types.CompletionItem(label=item.label, kind=_KINDS.get(item.kind),
                                 detail=item.detail or None,
                                 sort_text=('1' if item.kind == 'keyword' else '0') + item.label)
            for item in items])
