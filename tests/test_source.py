"""Tests for interpreter.source: decoding source bytes, differential against compile()."""

from __future__ import annotations

import io
import os
import tokenize
import warnings

import pytest

from interpreter.source import SourceDecodeError, decode_source, find_cookie

STDLIB = os.path.dirname(os.__file__)
TOKENIZEDATA = os.path.join(STDLIB, 'test', 'tokenizedata')


def read(name: str) -> bytes:
    with open(os.path.join(TOKENIZEDATA, name), 'rb') as fh:
        return fh.read()


CASES = [
    b'# -*- coding: latin-1 -*-\nx = "\xe9"\n', b'\xef\xbb\xbf# -*- coding: latin-1 -*-\nx = 1\n',
    b'\xef\xbb\xbf# coding: utf-8\nx = 1\n', b'#!/usr/bin/python\n# vim: set fileencoding=uft-8 :\nx\n',
    b'x = 1\n# coding: uft-8\n', b'# coding: uft-8\n', b'# coding: uft-8', b'\n# coding: uft-8\n',
    b'  \n# coding: uft-8\n', b'x\n# coding: uft-8\n', b'x = "\xf6"\n', b'x = 1\ny = "\xf6\xf6"\n',
    b'# \xf6\n', b'\xef\xbb\xbfx = "\xf6"\n', b'# coding: ascii\nx = "\xe9"\n', b'# coding: rot13\nx = 1\n',
    b'# coding: hex\nx = 1\n', b'# coding: utf-8-sig\nx = 1\n', b'# coding: UTF8\nx = "\xf6"\n',
    b'\xef\xbb\xbf# coding: utf-8-sig\nx = 1\n', b'\xef\xbb\xbf# coding: utf8\nx = 1\n',
    b'# coding: latin-1\r\nx = 1\n', b'\xfe\xff', b'x = 1 # \xe9\n', b'x = 1\n\xe9\n', b'x = 1\n\xe9',
    b'\n\n\xe9\n', b'# coding: euc-jp\nx = 1\n', b'#coding:latin1\nx=1\n', b'\x0c# coding: uft-8\nx=1\n',
    b'   # coding: uft-8\nx=1\n', b'x=1 # coding: uft-8\nx=1\n', b'# coding: ascii\r\n\r\nx = "\xe9"\n',
    b'x = "a\\n\xf6"', b'x = r"a\\n\xf6"', b'#\n#\n# coding: uft-8\n', b'# coding=cp1252\nx = "\x80"\n',
    b'# coding: latin-1\nx = "\xe9"\n', b'# coding: ISO_8859_1\nx = 1\n', b'# coding: Latin-1-foo\n',
    b'# coding: utf_8\nx = "\xe9"\n', b'x = 1\n', b'', b'\xef\xbb\xbf', b'#coding=\n', b'# coding: \n',
    b'x = """\n\xff\n"""\n', b'x = \xff\n', b'x = b"\xff"\n', b'x = rb"\xff"\n', b'x = r"\xff"\n',
    b'x = f"\xff"\n', b'x = "\\n\xff"\n', b'x = """\n\xff"""\n', b'x = "a" "\xff"\n', b'\xff = 1\n',
    b'# coding: utf-8\nx = b"\xff"\n', b'x = \xffab\n', b"x = '''\xe9", b'# coding: koi8-r\nx = "\xc1"\n',
]


def compile_outcome(data: bytes):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            compile(data, 'f', 'exec', dont_inherit=True)
        except SyntaxError as exc:
            return (exc.msg, exc.lineno, exc.offset)
    return None


def decode_outcome(data: bytes):
    try:
        decode_source(data)
    except SourceDecodeError as exc:
        return (exc.msg, exc.lineno, exc.offset)
    return None


@pytest.mark.parametrize('data', CASES + [read(name) for name in (
    'bad_coding.py', 'bad_coding2.py', 'badsyntax_pep3120.py', 'coding20731.py')])
def test_decode_errors_match_compile(data):
    ref = compile_outcome(data)
    mine = decode_outcome(data)
    if ref is not None and mine is None:
        # compile() failed later than decoding: the text must be what CPython would have read.
        assert not ref[0].startswith(('encoding problem', 'unknown encoding', '(unicode error)'))
        return
    assert mine == ref


# a string's bad UTF-8 is reported at the token the parser read after it (after the strings
# concatenated to it), at its UTF-8 byte columns, start and end
STRING_CASES = [
    b'Python = "\xcf\xb3\xf2\xee\xed" +', b'Python = "\xcf\xb3\xf2\xee\xed"', b'x = "\xcf" "\xb3" +',
    b'x = ("\xcf"\n  "a" # c\n  )', b'x = "\xcf"', b'x = "\xcf"  # c\n', b'x = "\xcf" # c\r\n',
    b'f("\xcf", 1)\n', b'x = "\xcf\xb3\xf2" \\\n + 1', b'if 1:\n  x = "\xcf"\n', b'x = "\xcf";y',
    b'x = "\xe9\xcf" if "\xe9\xe9" else 2\n', b'\xc3\xa9 = "\xcf"\n',
]


@pytest.mark.parametrize('data', STRING_CASES)
def test_string_decode_errors_match_compile_with_ends(data):
    with pytest.raises(SyntaxError) as expected:
        compile(data, 'f', 'exec', dont_inherit=True)
    with pytest.raises(SyntaxError) as actual:
        decode_source(data)
    positions = ('msg', 'lineno', 'offset', 'end_lineno', 'end_offset')
    assert [getattr(actual.value, name) for name in positions] == \
        [getattr(expected.value, name) for name in positions]


@pytest.mark.parametrize('name, message', [
    ('bad_coding.py', 'unknown encoding: uft-8'),
    ('bad_coding2.py', 'encoding problem: utf8 with BOM'),
    ('badsyntax_pep3120.py',
     "(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: invalid start byte"),
])
def test_tokenizedata_files(name, message):
    with pytest.raises(SyntaxError) as info:
        decode_source(read(name))
    assert info.value.msg == message


def test_stdlib_files_decode_like_tokenize():
    count = 0
    for root, dirs, files in os.walk(STDLIB):
        dirs[:] = [d for d in dirs if d not in ('site-packages', '__pycache__')]
        for f in files:
            if not f.endswith('.py'):
                continue
            with open(os.path.join(root, f), 'rb') as fh:
                data = fh.read()
            try:
                encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
                expected = data.decode(encoding)
            except (SyntaxError, UnicodeDecodeError, LookupError):
                continue
            assert decode_source(data) == expected.removeprefix('\ufeff'), f
            count += 1
    assert count > 1500


def test_newlines_and_bom():
    assert decode_source(b'\xef\xbb\xbfx = 1\r\ny = 2\r') == 'x = 1\r\ny = 2\r'
    assert decode_source('# coding: latin-1\nx = "é"\n'.encode('latin-1')) == \
        '# coding: latin-1\nx = "é"\n'


def test_invalid_utf8_in_comments_is_accepted():
    assert decode_source(b'x = 1  # \xff\xfe\n') == 'x = 1  # \ufffd\ufffd\n'


def test_find_cookie():
    assert find_cookie(b'# -*- coding: Latin-1 -*-\n') == 'iso-8859-1'
    assert find_cookie(b'#!python\n# vim: fileencoding=UTF_8\n') == 'utf-8'
    assert find_cookie(b'x = 1\n# coding: latin-1\n') is None
    assert find_cookie(b'\n\n# coding: latin-1\n') is None
    assert find_cookie(b'# coding: utf8\n') == 'utf8'


def test_error_is_a_syntax_error_with_cpython_position():
    with pytest.raises(SyntaxError) as info:
        decode_source(b'# coding: nope\n', 'mod.py')
    assert (info.value.filename, info.value.lineno, info.value.offset) == ('mod.py', 0, -1)


def test_fuzz_never_raises_anything_but_source_decode_error():
    import random
    rng = random.Random(11)
    cookies = [b'', b'# coding: latin-1\n', b'# coding: utf-8\n', b'# coding: ascii\n',
               b'# coding: idna\n', b'# coding: utf-16\n', b'# coding: cp037\n', b'#\n# coding: bad\n',
               b'\xef\xbb\xbf', b'\xef\xbb\xbf# coding: latin-1\n', b'# coding: zlib\n']
    for _ in range(3000):
        body = bytes(rng.randrange(256) for _ in range(rng.randrange(30)))
        data = rng.choice(cookies) + body
        try:
            text = decode_source(data)
        except SourceDecodeError as exc:
            assert exc.msg
        else:
            assert isinstance(text, str)
