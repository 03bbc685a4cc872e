"""Syntax diagnostics: the record every front-end stage (lexer, parser, scopes) reports errors
in, and the lines CPython prints for an uncaught SyntaxError."""

from __future__ import annotations

__all__ = ['SyntaxDiagnostic', 'format_syntax_error']


class SyntaxDiagnostic:
    """One syntax or compile-time error, positioned as CPython positions its SyntaxError.

    `lineno`/`end_lineno` are 1-based. `col_offset`/`end_col_offset` are 0-based *character*
    columns; CPython's `SyntaxError.offset` and `.end_offset` are these plus one (see `offset`).
    `kind` is 'SyntaxError', 'IndentationError' or 'TabError', the exception CPython would raise.

    CPython reports the errors of its compile stage (after parsing) at UTF-8 *byte* columns; for
    those, `cpython_col_offset`/`cpython_end_col_offset` keep the byte columns so `offset` and
    `end_offset` still equal CPython's, while `col_offset` stays in characters like every other.

    Some errors have no end in CPython: one at a token without a position (INDENT, DEDENT,
    ENDMARKER) has `end_offset` -1, one of the tokenizer or an unclosed bracket 0, one located
    by `PyErr_SyntaxLocation` (future statements) None. `without_end` records that value in
    `missing_end_offset` (and `has_end` False) for the exception, while `end_lineno` and
    `end_col_offset` keep a usable range (at least one character) for editors.

    CPython parsing a *file* (`python3 prog.py`, or a program piped to stdin) rather than a
    string positions some errors differently: its parser's columns stay UTF-8 bytes, and an
    error at the end of the file has offset 0. `file_columns` holds the 0-based (column, end
    column) for that case when they differ; `to_exception(..., from_file=True)` uses them.
    """

    __slots__ = (
        'col_offset',
        'cpython_col_offset',
        'cpython_end_col_offset',
        'end_col_offset',
        'end_lineno',
        'file_columns',
        'has_end',
        'kind',
        'lineno',
        'message',
        'missing_end_offset',
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
        self.has_end = True
        self.missing_end_offset: int | None = None
        self.file_columns: tuple[int, int] | None = None

    def without_end(self, end_offset: int | None = -1) -> SyntaxDiagnostic:
        """Mark the error as one CPython gives no end; its exception's `end_offset` is
        `end_offset` (-1, 0 or None, see the class docstring). Returns self."""
        self.has_end = False
        self.missing_end_offset = end_offset
        return self

    @property
    def offset(self) -> int:
        """1-based column, as `SyntaxError.offset`."""
        col = self.col_offset if self.cpython_col_offset is None else self.cpython_col_offset
        return col + 1

    @property
    def end_offset(self) -> int | None:
        """1-based end column, as `SyntaxError.end_offset`."""
        if not self.has_end:
            return self.missing_end_offset
        end = (self.end_col_offset if self.cpython_end_col_offset is None
               else self.cpython_end_col_offset)
        return end + 1

    def use_character_columns(self, lines: list[str]) -> None:
        """Turn byte columns (as tree positions count) into characters, keeping CPython's."""
        self.cpython_col_offset = self.col_offset
        self.cpython_end_col_offset = self.end_col_offset
        self.col_offset = _characters(lines, self.lineno, self.col_offset)
        self.end_col_offset = _characters(lines, self.end_lineno, self.end_col_offset)

    def without_column(self) -> SyntaxDiagnostic:
        """Mark an error CPython raises with no column (offset and end offset 0: a number
        past the digit limit, 'single' mode's missing NEWLINE); editors keep its range."""
        self.cpython_col_offset = self.cpython_end_col_offset = -1
        return self

    def at_end_of_file(self) -> SyntaxDiagnostic:
        """Mark an error CPython reports at its ENDMARKER: offset 0 when parsing a file."""
        self.file_columns = (-1, self.end_col_offset)
        return self

    def to_exception(self, filename: str = '<unknown>', text: str | None = None,
                     from_file: bool = False) -> SyntaxError:
        """The host exception CPython would raise for this error; `from_file` when CPython
        would have parsed a file rather than a string (see the class docstring)."""
        cls = {'IndentationError': IndentationError, 'TabError': TabError}.get(self.kind, SyntaxError)
        offset, end_offset = self.offset, self.end_offset
        if from_file and self.file_columns is not None:
            col, end_col = self.file_columns
            if not self.has_end and end_offset == offset:
                end_offset = col + 1  # an empty NEWLINE token: the end is the start
            elif self.has_end:
                end_offset = end_col + 1
            offset = col + 1
        return cls(self.message, (filename, self.lineno, offset, text, self.end_lineno,
                                  end_offset))

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


def format_syntax_error(error: SyntaxError) -> list[str] | None:
    """The lines CPython's own exception display (pythonrun.c, not traceback.py) prints for
    `error` after the traceback: its "File" line, the source line with carets, and "Type: msg".
    None when the attributes are not what that display can read (it then prints the plain
    exception; so does the caller)."""
    lineno, offset = error.lineno, error.offset
    if type(lineno) is not int or not (offset is None or type(offset) is int):
        return None
    offset = -1 if offset is None else offset
    end_lineno, end_offset = lineno, -1
    if type(error) is SyntaxError:
        # Only SyntaxError itself has its end read: subclasses get one caret.
        if type(error.end_lineno) is int:
            end_lineno = error.end_lineno
        elif error.end_lineno is not None:
            return None
        if type(error.end_offset) is int:
            end_offset = error.end_offset
        elif error.end_offset is not None:
            return None
    filename = '<string>' if error.filename is None else error.filename
    lines = [f'  File "{filename}", line {lineno}\n']
    if error.text is not None:
        try:
            data = str(error.text).encode('utf-8')
        except UnicodeEncodeError:
            data = None
        if data is not None:
            if end_lineno > lineno:
                end_offset = len(data)
            end_offset = min(end_offset, len(data) + 1)
            lines.extend(_error_text(data, offset, end_offset))
    cls = type(error)
    name = cls.__qualname__
    if cls.__module__ not in ('builtins', '__main__'):
        name = f'{cls.__module__}.{name}'
    message = error.msg
    text = '' if message is None else str(message)
    lines.append(f'{name}: {text}\n' if text else f'{name}\n')
    return lines


def _error_text(data: bytes, offset: int, end_offset: int) -> list[str]:
    """print_error_text: the line and its carets; CPython counts `offset` in the UTF-8 bytes of
    the line (whatever unit it is in), strips the indentation and clips to the line."""
    carets = end_offset - offset if end_offset > 0 and end_offset > offset else 1
    offset -= 1
    start = 0
    while data[start:start + 1] in (b' ', b'\t', b'\f'):
        start += 1
        offset -= 1
    text = data[start:]
    size = len(text) - 1 if text.endswith(b'\n') else len(text)
    offset = min(offset, size)
    while True:
        newline = text.find(b'\n')
        if newline < 0 or newline >= offset:
            break
        text = text[newline + 1:]
        size -= newline + 1
        offset -= newline + 1
    shown = text.split(b'\0', 1)[0].decode('utf-8', 'replace')
    lines = ['    ' + shown + ('' if text[size:size + 1] == b'\n' else '\n')]
    if offset >= 0:
        lines.append('    ' + ' ' * offset + '^' * carets + '\n')
    return lines
