"""Completion (`textDocument/completion`): scope-aware names, keywords, module members (read
from source) and attributes of classes defined in source. Trigger character: `.`."""

from __future__ import annotations

from lsprotocol import types

from interpreter.analysis.completion import completions

from ..json_values import JsonList
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
        # In JSON form: a file of 100,000 names completes every one of them.
        return {'isIncomplete': False, 'items': JsonList(
            _item(item.label, _KINDS.get(item.kind), item.detail, item.kind == 'keyword')
            for item in items)}


def _item(label: str, kind: types.CompletionItemKind | None, detail: str | None,
          keyword: bool) -> dict:
    """A JSON `CompletionItem`; keywords sort after names."""
    item = {'label': label, 'sortText': ('1' if keyword else '0') + label}
    if kind is not None:
        item['kind'] = kind.value
    if detail:
        item['detail'] = detail
    return item
