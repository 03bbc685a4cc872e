"""`co_linetable` of a Memphis code object: CPython 3.11's location table over its instructions.

Memphis's instructions are the entries of `co_positions()` (one code unit each, at offsets 0, 2,
4, ...), so its `co_linetable` encodes those positions in CPython's format, and a table given
to `code.replace(co_linetable=...)` is read back as CPython reads it: the code's positions,
line numbers (`f_lineno`, `tb_lineno`) and `co_lines()` then come from it (None where it has no
location, or past its end), as in CPython.
"""

from __future__ import annotations

__all__ = ['decode_positions', 'encode_positions']

_NO_LOCATION, _NO_COLUMNS, _LONG = 15, 13, 14

# a host code object of one-unit instructions (NOP, no argument): CPython's own reader of a
# location table, given as many instructions as the table covers
_NOP = bytes((9, 0))
_TEMPLATE = (lambda: None).__code__.replace(co_consts=(), co_names=(), co_stacksize=0)


def encode_positions(firstlineno: int, positions) -> bytes:
    """The 3.11 location table of one instruction per (line, end line, column, end column);
    line deltas count from `firstlineno`, as CPython's do."""
    table = bytearray()
    line = firstlineno
    for start, end, col, end_col in positions:
        if start is None:
            table.append(0x80 | _NO_LOCATION << 3)
            continue
        if col is None or end_col is None:
            table.append(0x80 | _NO_COLUMNS << 3)
            _signed_varint(table, start - line)
        else:
            table.append(0x80 | _LONG << 3)
            _signed_varint(table, start - line)
            _varint(table, (start if end is None else end) - start)
            _varint(table, col + 1)
            _varint(table, end_col + 1)
        line = start
    return bytes(table)


def decode_positions(firstlineno: int, table: bytes) -> list[tuple]:
    """(line, end line, column, end column) of each code unit `table` covers, read by the
    host (CPython's reader: a table it cannot read gives no positions)."""
    units = 0
    for byte in table:
        if byte & 0x80:
            units += (byte & 7) + 1
    if not units:
        return []
    try:
        code = _TEMPLATE.replace(co_code=_NOP * units, co_linetable=bytes(table),
                                 co_firstlineno=firstlineno)
        return list(code.co_positions())
    except (ValueError, TypeError, SystemError):
        return []


def _varint(table: bytearray, value: int) -> None:
    while value >= 64:
        table.append(64 | (value & 63))
        value >>= 6
    table.append(value)


def _signed_varint(table: bytearray, value: int) -> None:
    _varint(table, (-value << 1) | 1 if value < 0 else value << 1)
