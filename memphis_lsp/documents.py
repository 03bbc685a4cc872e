"""Open documents as the server sees them: our own line splitting and LSP position conversions.

Lines end only at `\\n`, `\\r\\n` and `\\r` (as the LSP and Python's tokenizer say; `str.splitlines`
also breaks at form feeds and U+2028). A `Document` is immutable: an edit makes a new one, so an
analysis keeps the exact text it ran on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from lsprotocol import types

__all__ = ['Document', 'PositionEncoding', 'split_lines_keepends']

# One line with its end; the last piece may have no end (or be empty).
_LINE_WITH_END = re.compile(r'[^\r\n]*(?:\r\n|\r|\n)')


class PositionEncoding:
    """The position encodings the LSP defines (the `character` unit of a Position)."""

    UTF8 = 'utf-8'
    UTF16 = 'utf-16'
    UTF32 = 'utf-32'


def split_lines_keepends(text: str) -> list[str]:
    """`text` as lines that keep their ends; always at least one (possibly empty) last line."""
    lines = _LINE_WITH_END.findall(text)
    consumed = sum(map(len, lines))
    lines.append(text[consumed:])
    return lines


def _line_content(line: str) -> str:
    if line.endswith('\r\n'):
        return line[:-2]
    if line.endswith(('\n', '\r')):
        return line[:-1]
    return line


def _units(text: str, encoding: str) -> int:
    """Length of `text` in the code units of `encoding`."""
    if encoding == PositionEncoding.UTF32 or text.isascii():
        return len(text)
    if encoding == PositionEncoding.UTF8:
        return len(text.encode('utf-8', 'surrogatepass'))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _chars_for_units(line: str, units: int, encoding: str) -> int:
    """The character column of the code unit `units` of `line` (clamped to the line's length).

    A column inside a character (half a surrogate pair, the middle of a UTF-8 sequence) is
    rounded down to that character's start.
    """
    if units <= 0:
        return 0
    if encoding == PositionEncoding.UTF32 or line.isascii():
        return min(units, len(line))
    counted = 0
    for index, char in enumerate(line):
        if encoding == PositionEncoding.UTF8:
            width = len(char.encode('utf-8', 'surrogatepass'))
        else:
            width = 2 if ord(char) > 0xFFFF else 1
        if counted + width > units:
            return index
        counted += width
    return len(line)


@dataclass(frozen=True)
class Document:
    """One version of a text document: its lines (with their ends) and position conversions.

    Positions inside the server are `(lineno, col)`: 1-based line, 0-based character column, as
    `interpreter.nodes` and the analysis findings have them.
    """

    uri: str
    lines_with_ends: tuple[str, ...]
    version: int | None = None
    language_id: str = 'python'
    encoding: str = PositionEncoding.UTF16

    @classmethod
    def from_text(cls, uri: str, text: str, version: int | None = None, *,
                  language_id: str = 'python',
                  encoding: str = PositionEncoding.UTF16) -> Document:
        """A document holding `text`."""
        document = cls(uri, tuple(split_lines_keepends(text)), version, language_id, encoding)
        document.__dict__['text'] = text
        return document

    @cached_property
    def text(self) -> str:
        """The whole text."""
        return ''.join(self.lines_with_ends)

    @cached_property
    def lines(self) -> list[str]:
        """The lines without their ends (as `interpreter.source.split_lines` gives them)."""
        return [_line_content(line) for line in self.lines_with_ends]

    @property
    def line_count(self) -> int:
        """Number of lines (a text ending with a line end has an empty last line)."""
        return len(self.lines_with_ends)

    def line(self, lineno: int) -> str:
        """Line `lineno` (1-based) without its end; '' past the end of the document."""
        if 1 <= lineno <= len(self.lines_with_ends):
            return _line_content(self.lines_with_ends[lineno - 1])
        return ''

    # Positions ---------------------------------------------------------------------------

    def to_lsp_position(self, lineno: int, col: int) -> types.Position:
        """The LSP position of (1-based line, 0-based character column); clamped to the text."""
        line_index = max(lineno - 1, 0)
        if line_index >= len(self.lines_with_ends):
            line_index = len(self.lines_with_ends) - 1
            col = len(self.line(line_index + 1))
        content = self.line(line_index + 1)
        col = max(0, min(col, len(content)))
        return types.Position(line=line_index, character=_units(content[:col], self.encoding))

    def to_lsp_character(self, lineno: int, col: int) -> int:
        """`to_lsp_position(lineno, col).character` without building a Position (bulk
        conversions: semantic tokens convert two columns per name)."""
        if not 1 <= lineno <= len(self.lines_with_ends):
            return self.to_lsp_position(lineno, col).character
        content = self.line(lineno)
        return _units(content[:max(0, min(col, len(content)))], self.encoding)

    def from_lsp_position(self, position: types.Position) -> tuple[int, int]:
        """(1-based line, 0-based character column) of an LSP position, clamped to the text."""
        line_index = position.line
        if line_index < 0:
            return 1, 0
        if line_index >= len(self.lines_with_ends):
            last = len(self.lines_with_ends)
            return last, len(self.line(last))
        content = self.line(line_index + 1)
        return line_index + 1, _chars_for_units(content, position.character, self.encoding)

    def to_lsp_range(self, lineno: int, col: int, end_lineno: int | None = None,
                     end_col: int | None = None) -> types.Range:
        """The LSP range of a span in (1-based line, character column) coordinates."""
        start = self.to_lsp_position(lineno, col)
        if end_lineno is None or end_col is None:
            return types.Range(start=start, end=start)
        end = self.to_lsp_position(end_lineno, end_col)
        if (end.line, end.character) < (start.line, start.character):
            end = start
        return types.Range(start=start, end=end)

    def from_lsp_range(self, lsp_range: types.Range) -> tuple[int, int, int, int]:
        """(lineno, col, end_lineno, end_col) of an LSP range."""
        return (*self.from_lsp_position(lsp_range.start),
                *self.from_lsp_position(lsp_range.end))

    def offset_of(self, lineno: int, col: int) -> int:
        """Character offset in `text` of (1-based line, character column)."""
        lineno = max(1, min(lineno, len(self.lines_with_ends)))
        return (sum(map(len, self.lines_with_ends[:lineno - 1]))
                + min(max(col, 0), len(self.line(lineno))))

    # Edits -------------------------------------------------------------------------------

    def apply_changes(self, changes: Iterable[types.TextDocumentContentChangeEvent],
                      version: int | None) -> Document:
        """A new document: this one with the LSP content changes applied in order."""
        lines = list(self.lines_with_ends)
        for change in changes:
            lsp_range = getattr(change, 'range', None)
            if lsp_range is None:
                lines = split_lines_keepends(change.text)
            else:
                lines = self._replace(lines, lsp_range, change.text)
        return Document(self.uri, tuple(lines), version, self.language_id, self.encoding)

    def _replace(self, lines: list[str], lsp_range: types.Range, new_text: str) -> list[str]:
        scratch = Document(self.uri, tuple(lines), None, self.language_id, self.encoding)
        start_line, start_col = scratch.from_lsp_position(lsp_range.start)
        end_line, end_col = scratch.from_lsp_position(lsp_range.end)
        if (end_line, end_col) < (start_line, start_col):
            start_line, start_col, end_line, end_col = end_line, end_col, start_line, start_col
        first, last = start_line - 1, end_line - 1
        segment = lines[first][:start_col] + new_text + lines[last][end_col:]
        # A lone '\r' next to a '\n' would make one '\r\n' line end: re-split the neighbours too.
        if first > 0 and lines[first - 1].endswith('\r') and segment.startswith('\n'):
            first -= 1
            segment = lines[first] + segment
        while segment.endswith('\r') and last + 1 < len(lines):
            last += 1
            segment += lines[last]
        replacement = split_lines_keepends(segment)
        if last + 1 < len(lines) and replacement[-1] == '':
            # The segment ended with its line end; the empty last piece belongs to no line.
            replacement.pop()
        lines[first:last + 1] = replacement
        return lines
