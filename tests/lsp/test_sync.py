"""Incremental text sync through the server: our line splitting and the client's column units.

What the server holds is observed through its diagnostics: undefined names whose text and place
only come out right if every edit landed where the client meant it.
"""

from __future__ import annotations

import pytest
from lsprotocol import types

from .conftest import change_document, open_document, pull_diagnostics, wait_for_diagnostics

CODECS = {'utf-16': ('utf-16-le', 2), 'utf-8': ('utf-8', 1)}

# Line 0 holds a form feed and U+2028 (in a string; neither ends a line for the LSP), line 1
# ends with a lone '\r', line 2 with '\r\n'.
PREFIX = 's = "é😀\x0c\u2028"; '
TEXT = PREFIX + 'undefined_one\rt = 1\r\nundefined_two\n'


def units(text: str, encoding: str) -> int:
    codec, width = CODECS[encoding]
    return len(text.encode(codec)) // width


async def diagnostics_of(client, uri: str, version: int, pull: bool):
    if pull:
        return await pull_diagnostics(client, uri)
    return (await wait_for_diagnostics(client, uri, version)).diagnostics


def undefined(diagnostics) -> list[tuple[str, tuple[int, int, int, int]]]:
    return sorted((diagnostic.message, (diagnostic.range.start.line,
                                        diagnostic.range.start.character,
                                        diagnostic.range.end.line,
                                        diagnostic.range.end.character))
                  for diagnostic in diagnostics if diagnostic.code == 'M010')


@pytest.mark.asyncio
async def test_incremental_edits_land_where_the_client_means(either_client, tmp_path):
    client, pull = either_client, either_client.pulls
    encoding = client.initialize_result.capabilities.position_encoding
    assert encoding == ('utf-8' if pull else 'utf-16')
    uri = (tmp_path / 'sync.py').as_uri()
    open_document(client, uri, TEXT)
    start = units(PREFIX, encoding)
    assert undefined(await diagnostics_of(client, uri, 1, pull)) == [
        ("undefined name 'undefined_one'", (0, start, 0, start + 13)),
        ("undefined name 'undefined_two'", (2, 0, 2, 13))]

    # Two changes in one notification, then an insertion of non-ASCII text.
    change_document(client, uri, 2, ((0, start, 0, start + 13), 'zz'), ((2, 0, 2, 13), 'yy'))
    change_document(client, uri, 3, ((0, start, 0, start), 'ßΩ'))
    width = units('ßΩzz', encoding)
    assert undefined(await diagnostics_of(client, uri, 3, pull)) == [
        ("undefined name 'yy'", (2, 0, 2, 2)),
        ("undefined name 'ßΩzz'", (0, start, 0, start + width))]

    # Join line 1 and line 2 by deleting the '\r\n' between them: `t = 1yy`.
    change_document(client, uri, 4, ((1, 5, 2, 0), ''))
    assert undefined(await diagnostics_of(client, uri, 4, pull)) == [
        ("undefined name 'ßΩzz'", (0, start, 0, start + width))]


@pytest.mark.asyncio
async def test_a_newline_typed_after_a_lone_carriage_return_makes_one_line_end(client, tmp_path):
    uri = (tmp_path / 'cr.py').as_uri()
    open_document(client, uri, 'a = 1\rb = 2\nundefined_here\n')
    assert undefined((await wait_for_diagnostics(client, uri, 1)).diagnostics) == [
        ("undefined name 'undefined_here'", (2, 0, 2, 14))]
    # '\n' at the start of line 1 turns '\r' + '\n' into one '\r\n': no new line appears.
    change_document(client, uri, 2, ((1, 0, 1, 0), '\n'))
    assert undefined((await wait_for_diagnostics(client, uri, 2)).diagnostics) == [
        ("undefined name 'undefined_here'", (2, 0, 2, 14))]


@pytest.mark.asyncio
async def test_whole_document_change(client, tmp_path):
    uri = (tmp_path / 'full.py').as_uri()
    open_document(client, uri, 'first_name\n')
    await wait_for_diagnostics(client, uri, 1)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text='x = 1\nsecond\n')]))
    assert undefined((await wait_for_diagnostics(client, uri, 2)).diagnostics) == [
        ("undefined name 'second'", (1, 0, 1, 6))]
