"""Token kinds and the Token record shared by the lexer, the parser and the language server."""

from __future__ import annotations

__all__ = [
    'COMMENT',
    'DEDENT',
    'ENDMARKER',
    'ERRORTOKEN',
    'INDENT',
    'KEYWORDS',
    'NAME',
    'NEWLINE',
    'NL',
    'NUMBER',
    'OP',
    'SOFT_KEYWORDS',
    'STRING',
    'Token',
]

# Kinds are small ints so the parser compares them cheaply; names match the `token` module.
NAME = 1
NUMBER = 2
STRING = 3
OP = 4
NEWLINE = 5
NL = 6
COMMENT = 7
INDENT = 8
DEDENT = 9
ENDMARKER = 10
ERRORTOKEN = 11

KIND_NAMES = {
    NAME: 'NAME', NUMBER: 'NUMBER', STRING: 'STRING', OP: 'OP', NEWLINE: 'NEWLINE', NL: 'NL',
    COMMENT: 'COMMENT', INDENT: 'INDENT', DEDENT: 'DEDENT', ENDMARKER: 'ENDMARKER',
    ERRORTOKEN: 'ERRORTOKEN',
}

KEYWORDS = frozenset({
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if',
    'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
})
SOFT_KEYWORDS = frozenset({'match', 'case', '_'})


class Token:
    """One token. Lines are 1-based; columns are 0-based character offsets, as `tokenize` counts.

    `string` is the exact source text of the token (for NAME, already NFKC-normalized is *not*
    applied here: the parser normalizes identifiers).
    """

    __slots__ = ('col', 'end_col', 'end_lineno', 'kind', 'lineno', 'string')

    def __init__(self, kind: int, string: str, lineno: int, col: int, end_lineno: int, end_col: int):
        self.kind = kind
        self.string = string
        self.lineno = lineno
        self.col = col
        self.end_lineno = end_lineno
        self.end_col = end_col

    def __repr__(self) -> str:
        return (f'Token({KIND_NAMES.get(self.kind, self.kind)}, {self.string!r}, '
                f'{self.lineno}:{self.col}-{self.end_lineno}:{self.end_col})')
