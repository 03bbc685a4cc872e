"""Selection ranges (`textDocument/selectionRange`): expand selection through the syntax tree.

Try it: Shift+Alt+Right in VS Code grows the selection word, expression, statement, block.
"""

from __future__ import annotations

from lsprotocol import types

from interpreter.analysis.selection import selection_ranges

from .analysed import analysed

__all__ = ['register']


def register(server) -> None:
    @server.feature(types.TEXT_DOCUMENT_SELECTION_RANGE)
    async def selection_range(params: types.SelectionRangeParams):
        found = await analysed(server, params.text_document.uri)
        if found is None:
            return None
        answers = []
        for position in params.positions:
            lineno, col = found.position(position)
            parent = None
            for rng in reversed(selection_ranges(found.analysis.tree, found.ranges, lineno, col)):
                parent = types.SelectionRange(range=found.lsp_range(rng), parent=parent)
            answers.append(parent)
        return answers
