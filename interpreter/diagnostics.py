"""Syntax diagnostics: the record every front-end stage (lexer, parser, scopes) reports errors in."""

from __future__ import annotations

__all__ = ['SyntaxDiagnostic']


class SyntaxDiagnostic:
    """One syntax or compile-time error, positioned as CPython positions its SyntaxError.

    `lineno`/`end_lineno` are 1-based. `col_offset`/`end_col_offset` are 0-based *character*
    columns; CPython's `SyntaxError.offset` and `.end_offset` are these plus one (see `offset`).
    `kind` is 'SyntaxError', 'IndentationError' or 'TabError', the exception CPython would raise.
    """

    __slots__ = ('message', 'lineno', 'col_offset', 'end_lineno', 'end_col_offset', 'kind')

    def __init__(self, message: str, lineno: int, col_offset: int, end_lineno: int | None = None,
                 end_col_offset: int | None = None, kind: str = 'SyntaxError'):
        self.message = message
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.end_col_offset = col_offset + 1 if end_col_offset is None else end_col_offset
        self.kind = kind

    @property
    def offset(self) -> int:
        """1-based column, as `SyntaxError.offset`."""
        return self.col_offset + 1

    @property
    def end_offset(self) -> int:
        """1-based end column, as `SyntaxError.end_offset`."""
        return self.end_col_offset + 1

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
