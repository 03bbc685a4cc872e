"""Folding ranges (`textDocument/foldingRange`): blocks, brackets, strings, imports, comments."""

from __future__ import annotations

from lsprotocol import types

from interpreter.analysis.folding import folding_ranges

from .analysed import analysed, run_off_loop

__all__ = ['register']

_KINDS = {'comment': types.FoldingRangeKind.Comment, 'imports': types.FoldingRangeKind.Imports,
          'region': None}


def register(server) -> None:
    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    async def folding_range(params: types.FoldingRangeParams):
        found = await analysed(server, params.text_document.uri)
        if found is None:
            return None
        answer = found.module.answers.get('folding')
        if answer is None:
            answer = [types.FoldingRange(start_line=fold.start_line - 1,
                                         end_line=fold.end_line - 1, kind=_KINDS[fold.kind])
                      for fold in await run_off_loop(folding_ranges, found.analysis.tree,
                                                     found.ranges, found.document.text)]
            found.module.answers['folding'] = answer
        return answer
