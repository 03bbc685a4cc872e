"""Semantic tokens (`textDocument/semanticTokens/full` and `.../full/delta`): classes,
functions, methods, parameters, variables, modules, properties, decorators and the soft keywords
`match`/`case`, with the definition/readonly/defaultLibrary/async modifiers."""

from __future__ import annotations

import itertools

from lsprotocol import types

from interpreter.analysis.semantic_tokens import (
    TOKEN_MODIFIERS,
    TOKEN_TYPES,
    encode,
    semantic_tokens,
    tokens_delta,
)

from .analysed import analysed, loader_of, run_off_loop

__all__ = ['LEGEND', 'register']

LEGEND = types.SemanticTokensLegend(token_types=TOKEN_TYPES, token_modifiers=TOKEN_MODIFIERS)


def register(server) -> None:
    # uri -> (result id, data) of the last answer: the base of the next delta.
    previous: dict[str, tuple[str, list[int]]] = {}
    result_ids = itertools.count(1)

    async def compute(uri: str) -> list[int] | None:
        found = await analysed(server, uri)
        if found is None:
            return None
        key = ('semantic tokens', found.document.encoding)
        data = found.module.answers.get(key)
        if data is None:
            tokens = await run_off_loop(semantic_tokens, loader_of(server), found.module)
            data = encode(tokens, found.document.to_lsp_character, found.ranges.is_ascii)
            found.module.answers[key] = data
        return data

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL,
                    types.SemanticTokensRegistrationOptions(
                        legend=LEGEND, full=types.SemanticTokensFullDelta(delta=True)))
    async def full(params: types.SemanticTokensParams):
        data = await compute(params.text_document.uri)
        if data is None:
            return None
        result_id = str(next(result_ids))
        previous[params.text_document.uri] = (result_id, data)
        return types.SemanticTokens(data=data, result_id=result_id)

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL_DELTA)
    async def delta(params: types.SemanticTokensDeltaParams):
        uri = params.text_document.uri
        data = await compute(uri)
        if data is None:
            return None
        result_id = str(next(result_ids))
        last = previous.get(uri)
        previous[uri] = (result_id, data)
        if last is None or last[0] != params.previous_result_id:
            return types.SemanticTokens(data=data, result_id=result_id)
        start, delete_count, inserted = tokens_delta(last[1], data)
        edits = [] if delete_count == 0 and not inserted else [
            types.SemanticTokensEdit(start=start, delete_count=delete_count, data=inserted)]
        return types.SemanticTokensDelta(edits=edits, result_id=result_id)

    def forget(uri, document):
        if document is None:
            previous.pop(uri, None)
    server.document_listeners.append(forget)
