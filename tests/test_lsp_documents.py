"""memphis_lsp.documents: line splitting, position encodings and incremental edits.

The oracle for positions is the encoders themselves (`str.encode('utf-16-le')` and friends) over
lines split by `interpreter.source.split_lines`; the oracle for edits is splicing the whole text
at offsets computed that way.
"""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings
from lsprotocol import types

from interpreter.source import split_lines
from memphis_lsp.documents import Document, PositionEncoding, split_lines_keepends

ENCODINGS = [PositionEncoding.UTF8, PositionEncoding.UTF16, PositionEncoding.UTF32]
CODECS = {PositionEncoding.UTF8: ('utf-8', 1), PositionEncoding.UTF16: ('utf-16-le', 2),
          PositionEncoding.UTF32: ('utf-32-le', 4)}

# Line ends, characters that other splitters take for line ends, and wide characters.
TRICKY = ['\n', '\r\n', '\r', '\x0c', '\x0b', '\x1c', '\x85', '\u2028', '\u2029', 'é', '中',
          '😀', '𝔘', 'a', ' ', '(', 'x']
texts = st.lists(st.sampled_from(TRICKY), max_size=40).map(''.join)


def oracle_units(text: str, encoding: str) -> int:
    codec, width = CODECS[encoding]
    return len(text.encode(codec)) // width


def oracle_col(line: str, units: int, encoding: str) -> int:
    """Characters of `line` inside its first `units` code units (a split character excluded)."""
    codec, width = CODECS[encoding]
    return len(line.encode(codec)[:units * width].decode(codec, 'ignore'))


def oracle_offset(text: str, line: int, units: int, encoding: str) -> int:
    lines = split_lines(text)
    ends = split_lines_keepends(text)
    if line >= len(lines):
        return len(text)
    return sum(map(len, ends[:line])) + oracle_col(lines[line], units, encoding)


def position(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def test_lines_end_only_at_newline_carriage_return_and_crlf():
    document = Document.from_text('u', 'a\r\nb\rc\x0cd\u2028e\x85f\nlast')
    assert document.lines == ['a', 'b', 'c\x0cd\u2028e\x85f', 'last']
    assert document.lines == split_lines(document.text)


def test_text_ending_with_a_line_end_has_an_empty_last_line():
    assert Document.from_text('u', 'x\n').lines == ['x', '']
    assert Document.from_text('u', '').lines == ['']


@pytest.mark.parametrize('encoding, x_start', [
    (PositionEncoding.UTF16, 7), (PositionEncoding.UTF8, 13), (PositionEncoding.UTF32, 5)])
def test_astral_and_accented_characters_count_in_the_client_encoding(encoding, x_start):
    # 'é' is 2 UTF-8 bytes, 1 UTF-16 unit; '😀' 4 bytes, 2 units: 'x' is character 5.
    document = Document.from_text('u', 'é😀é😀 x = 1', encoding=encoding)
    start = document.to_lsp_position(1, 5)
    assert start.character == x_start
    assert document.from_lsp_position(start) == (1, 5)
    assert document.to_lsp_position(1, 6).character == x_start + 1
    assert document.to_lsp_range(1, 5, 1, 7).end.character == x_start + 2


def test_a_column_inside_a_surrogate_pair_rounds_down_to_its_character():
    document = Document.from_text('u', 'a😀b')
    assert document.from_lsp_position(position(0, 2)) == (1, 1)
    assert document.from_lsp_position(position(0, 3)) == (1, 2)


def test_positions_past_the_end_are_clamped():
    document = Document.from_text('u', 'ab\ncd')
    assert document.from_lsp_position(position(0, 99)) == (1, 2)
    assert document.from_lsp_position(position(7, 3)) == (2, 2)
    assert document.to_lsp_position(9, 9) == position(1, 2)


@pytest.mark.parametrize('encoding', ENCODINGS)
@settings(max_examples=150, deadline=None)
@given(text=texts, data=st.data())
def test_positions_round_trip_as_the_encoders_count(encoding, text, data):
    document = Document.from_text('u', text, encoding=encoding)
    lines = split_lines(text)
    assert document.lines == lines
    lineno = data.draw(st.integers(1, len(lines)))
    col = data.draw(st.integers(0, len(lines[lineno - 1])))
    lsp_position = document.to_lsp_position(lineno, col)
    assert lsp_position == position(lineno - 1, oracle_units(lines[lineno - 1][:col], encoding))
    assert document.from_lsp_position(lsp_position) == (lineno, col)
    units = data.draw(st.integers(0, oracle_units(lines[lineno - 1], encoding) + 2))
    assert document.from_lsp_position(position(lineno - 1, units)) == \
        (lineno, oracle_col(lines[lineno - 1], units, encoding))


@pytest.mark.parametrize('encoding', ENCODINGS)
@settings(max_examples=200, deadline=None)
@given(text=texts, edits=st.lists(st.tuples(st.integers(0, 8), st.integers(0, 12),
                                             st.integers(0, 8), st.integers(0, 12), texts),
                                   min_size=1, max_size=4))
def test_incremental_edits_splice_the_text_where_the_encoders_say(encoding, text, edits):
    document = Document.from_text('u', text, 1, encoding=encoding)
    expected = text
    changes = []
    for line, char, end_line, end_char, new_text in edits:
        start = oracle_offset(expected, line, char, encoding)
        end = oracle_offset(expected, end_line, end_char, encoding)
        start, end = min(start, end), max(start, end)
        expected = expected[:start] + new_text + expected[end:]
        changes.append(types.TextDocumentContentChangePartial(
            range=types.Range(start=position(line, char), end=position(end_line, end_char)),
            text=new_text))
    edited = document.apply_changes(changes, 2)
    assert edited.text == expected
    assert edited.lines == split_lines(expected)
    assert edited.version == 2
    assert document.text == text  # documents are immutable: the old version is intact


def test_an_edit_after_a_form_feed_lands_on_its_line():
    # str.splitlines would take the form feed for a line end and put this edit a line too low.
    document = Document.from_text('u', 'a = 1\x0c b = 2\nc = 3\n')
    edited = document.apply_changes([types.TextDocumentContentChangePartial(
        range=types.Range(start=position(1, 0), end=position(1, 1)), text='z')], 2)
    assert edited.text == 'a = 1\x0c b = 2\nz = 3\n'


def test_joining_a_lone_carriage_return_and_a_newline_makes_one_line_end():
    document = Document.from_text('u', 'a\rb\nc')
    edited = document.apply_changes([types.TextDocumentContentChangePartial(
        range=types.Range(start=position(1, 0), end=position(1, 1)), text='')], 2)
    assert edited.text == 'a\r\nc'
    assert edited.lines == ['a', 'c']


def test_full_change_replaces_the_text():
    document = Document.from_text('u', 'old\n')
    edited = document.apply_changes(
        [types.TextDocumentContentChangeWholeDocument(text='new\r\ntext')], 5)
    assert edited.lines == ['new', 'text']
    assert edited.version == 5


def test_offsets_count_characters_of_the_whole_text():
    document = Document.from_text('u', 'é\r\n😀x\ny')
    assert document.offset_of(2, 1) == 4
    assert document.text[document.offset_of(2, 1)] == 'x'
    assert document.offset_of(3, 0) == 6
