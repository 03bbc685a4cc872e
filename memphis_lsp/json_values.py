"""Answers built directly in their JSON form, for requests whose answer lists a whole document
(document symbols, completion): building lsprotocol objects and letting cattrs take them apart
again cost seconds on a 100,000-name file, most of the answer's time."""

from __future__ import annotations

from typing import Any

import cattrs
from pygls.protocol import default_converter

__all__ = ['JsonList', 'converter', 'json_range']


class JsonList(list):
    """A list already made of JSON values (dicts, lists, strings, numbers, booleans, None):
    the server's converter sends it as it is."""


def converter() -> cattrs.Converter:
    """pygls's converter, passing `JsonList` answers through untouched."""
    result = default_converter()
    result.register_unstructure_hook(JsonList, _as_is)
    return result


def _as_is(value: JsonList) -> Any:
    return value


def json_range(start_line: int, start_character: int, end_line: int,
               end_character: int) -> dict[str, dict[str, int]]:
    """An LSP `Range` as JSON (0-based lines and code-unit columns)."""
    return {'start': {'line': start_line, 'character': start_character},
            'end': {'line': end_line, 'character': end_character}}
