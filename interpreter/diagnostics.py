"""Syntax diagnostics: the record every front-end stage (lexer, parser, scopes) reports errors in."""

from __future__ import annotations

__all__ = ['SyntaxDiagnostic']


class SyntaxDiagnostic:
    """One syntax or compile-time error, positioned as CPython positions its SyntaxError.

    `lineno`/`end_lineno` are 1-based. `col_offset`/`end_col_offset` are 0-based *character*
    columns; CPython's `SyntaxError.offset` and `.end_offset` are these plus one (see `offset`).
    `kind` is 'SyntaxError', 'IndentationError' or 'TabError', the exception CPython would raise.

    CPython reports the errors of its compile stage (after parsing) at UTF-8 *byte* columns; for
    those, `cpython_col_offset`/`cpython_end_col_offset` keep the byte columns so `offset` and
    `end_offset` still equal CPython's, while `col_offset` stays in characters like every other.
    """

    __slots__ = (
        'col_offset',
        'cpython_col_offset',
        'cpython_end_col_offset',
        'end_col_offset',
        'end_lineno',
        'kind',
        'lineno',
        'message',
    )

    def __init__(self, message: str, lineno: int, col_offset: int, end_lineno: int | None = None,
                 end_col_offset: int | None = None, kind: str = 'SyntaxError'):
        self.message = message
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.end_col_offset = col_offset + 1 if end_col_offset is None else end_col_offset
        self.kind = kind
        self.cpython_col_offset: int | None = None
        self.cpython_end_col_offset: int | None = None

    @property
    def offset(self) -> int:
        """1-based column, as `SyntaxError.offset`."""
        col = self.col_offset if self.cpython_col_offset is None else self.cpython_col_offset
        return col + 1

    @property
    def end_offset(self) -> int:
        """1-based end column, as `SyntaxError.end_offset`."""
        end = (self.end_col_offset if self.cpython_end_col_offset is None
               else self.cpython_end_col_offset)
        return end + 1

    def use_character_columns(self, lines: list[str]) -> None:
        """Turn byte columns (as tree positions count) into characters, keeping CPython's."""
        self.cpython_col_offset = self.col_offset
        self.cpython_end_col_offset = self.end_col_offset
        self.col_offset = _characters(lines, self.lineno, self.col_offset)
        self.end_col_offset = _characters(lines, self.end_lineno, self.end_col_offset)

    def to_exception(self, filename: str = '<unknown>', text: str | None = None) -> SyntaxError:
        """The host exception CPython would raise for this error."""
        cls = {'IndentationError': IndentationError, 'TabError': TabError}.get(self.kind, SyntaxError)
        return cls(self.message, (filename, self.lineno, self.offset, text, self.end_lineno,
                                  self.end_offset))

    def __repr__(self) -> str:
        return (f'SyntaxDiagnostic({self.message!r}, {self.lineno}:{self.col_offset}-'
                f'{self.end_lineno}:{self.end_col_offset}, {self.kind})')

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SyntaxDiagnostic):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    def __hash__(self) -> int:
        return hash((self.message, self.lineno, self.col_offset))


def _characters(lines: list[str], lineno: int, byte_col: int) -> int:
    if not 1 <= lineno <= len(lines) or byte_col <= 0:
        return byte_col
    line = lines[lineno - 1]
    if line.isascii():
        return byte_col
    return len(line.encode('utf-8')[:byte_col].decode('utf-8', 'replace'))
