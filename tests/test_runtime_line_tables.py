"""runtime.line_tables: CPython 3.11's location-table format, checked against the host's."""

from __future__ import annotations

import json
import sys
import types

import pytest

from interpreter.runtime.line_tables import decode_positions, encode_positions

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 11),
                                reason='the format is CPython 3.11 (and 3.12)')


def _codes(module):
    pending = [value.__code__ for value in vars(module).values()
               if isinstance(value, types.FunctionType)]
    while pending:
        code = pending.pop()
        yield code
        pending.extend(const for const in code.co_consts if isinstance(const, types.CodeType))


@pytest.mark.parametrize('module', [json.decoder, json.encoder, types], ids=lambda m: m.__name__)
def test_encoded_positions_read_back_as_the_hosts(module):
    for code in _codes(module):
        positions = list(code.co_positions())
        assert decode_positions(code.co_firstlineno, code.co_linetable) == positions
        encoded = encode_positions(code.co_firstlineno, positions)
        assert decode_positions(code.co_firstlineno, encoded) == positions


def test_positions_without_columns_or_location():
    positions = [(3, 3, None, None), (None, None, None, None), (1, 2, 0, 70), (9, 9, 4, 5)]
    assert decode_positions(5, encode_positions(5, positions)) == positions


def test_unreadable_or_empty_tables_give_no_positions():
    assert decode_positions(1, b'') == []
    assert decode_positions(1, b'\xf8\xf9') == [(None, None, None, None)] * 3
