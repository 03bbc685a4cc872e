"""Tests for interpreter.literals: string and number values, differential against CPython."""

from __future__ import annotations

import ast
import io
import random
import sys
import tokenize
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpreter.literals import (
    LiteralError,
    decode_fstring_literal_part,
    decode_string,
    is_bytes,
    is_fstring,
    is_raw,
    parse_number,
    split_string,
    string_prefix,
)

PIECES = [
    '\\', 'a', 'x', 'N', 'u', 'U', '{', '}', '0', '7', '4', '8', '9', 'f', 'F', 'é', '€', '\U0001f600',
    '\n', 'd', "'", '"', ' ', 'b', '\\\\', '\\x4', '\\x41', '\\N{DASH}', '\\N{EM DASH}', '\\N{em dash}',
    '\\u00e9', '\\U0001F600', '\\777', '\\400', '\\0', '\\12', '\\x', '\\N{', '\\N', '\\U00110000',
    '\\ud800', '\\udc80', '\r\n', '\r', '\\\n', '\\\r\n', '\\a\\b\\f\\n\\r\\t\\v', "\\'", '\\"', '\\é',
    '\\\t', '\\ ', '\\8', '\\9', '\\u12', '\\U1234567', '\\xg0', '\\N{LATIN SMALL LETTER A}', '\x7f',
]
PREFIXES = ['', 'r', 'b', 'rb', 'br', 'u', 'R', 'B', 'Br', 'bR', 'RB', 'U']
QUOTES = ['"', "'", '"""', "'''"]


def cpython_value(text: str, mode: str = 'eval'):
    """('ok', value, warnings) or ('err', message) for a literal, as CPython's compiler sees it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            tree = compile(text, 'f', mode, ast.PyCF_ONLY_AST, dont_inherit=True)
        except SyntaxError as exc:
            return ('err', exc.msg)
    messages = [str(w.message) for w in caught if w.category is DeprecationWarning]
    return ('ok', tree.body, messages)


def ours(text: str):
    try:
        value, found = decode_string(text)
    except LiteralError as exc:
        return ('err', exc.message)
    return ('ok', value, found)


def is_one_string_token(text: str) -> bool:
    """Whether `text` is exactly one STRING token for CPython (so it is decode_string's input)."""
    # tokenize treats a lone CR as an ordinary character; CPython ends the line there.
    _, quote, body = split_string(text)
    if len(quote) == 1 and '\r' in body:
        return False
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(text, newline='').readline))
    except (tokenize.TokenError, SyntaxError):
        return False
    return toks[0].type == tokenize.STRING and toks[0].string == text


def check_against_cpython(text: str) -> None:
    ref = cpython_value(text)
    if ref[0] == 'ok':
        ref = ('ok', ref[1].value, ref[2])
    assert ours(text) == ref, text


def test_generated_strings_match_cpython():
    rng = random.Random(2024)
    checked = 0
    while checked < 6000:
        body = ''.join(rng.choice(PIECES) for _ in range(rng.randrange(7)))
        text = rng.choice(PREFIXES) + (q := rng.choice(QUOTES)) + body + q
        if not is_one_string_token(text):
            continue
        checked += 1
        check_against_cpython(text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=8),
       st.sampled_from(PREFIXES), st.sampled_from(QUOTES))
def test_hypothesis_strings_match_cpython(pieces, prefix, quote):
    text = prefix + quote + ''.join(pieces) + quote
    if '\x00' in text or not is_one_string_token(text):
        return
    check_against_cpython(text)


@pytest.mark.parametrize('text, message', [
    ('"\\xq"', ("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
                "truncated \\xXX escape")),
    ('"\\N{foo}"', ("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: "
                    "unknown Unicode character name")),
    ('"é\\x"', ("(unicode error) 'unicodeescape' codec can't decode bytes in position 10-11: "
                "truncated \\xXX escape")),
    ('b"\\x1"', '(value error) invalid \\x escape at position 0'),
    ('b"é"', 'bytes can only contain ASCII literal characters'),
    ('br"é"', 'bytes can only contain ASCII literal characters'),
    ('"\\U00110000"', ("(unicode error) 'unicodeescape' codec can't decode bytes in "
                       "position 0-9: illegal Unicode character")),
])
def test_error_messages(text, message):
    assert cpython_value(text) == ('err', message)
    with pytest.raises(LiteralError) as info:
        decode_string(text)
    assert info.value.message == message == str(info.value)


@pytest.mark.parametrize('text, warning', [
    ('"\\d"', "invalid escape sequence '\\d'"),
    ('b"\\d"', "invalid escape sequence '\\d'"),
    ('"\\777"', "invalid octal escape sequence '\\777'"),
    ('"\\8"', "invalid escape sequence '\\8'"),
    ('b"\\N{DASH}"', "invalid escape sequence '\\N'"),
    ('"\\d\\q"', "invalid escape sequence '\\d'"),
])
def test_invalid_escapes_are_warnings(text, warning):
    _, found = decode_string(text)
    assert found == [warning]
    assert cpython_value(text)[2] == [warning]


def test_no_warning_leaks_even_when_warnings_are_errors():
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        assert decode_string('"\\d"') == ('\\d', ["invalid escape sequence '\\d'"])
        assert decode_string('b"\\d"') == (b'\\d', ["invalid escape sequence '\\d'"])


def test_newlines_inside_strings_are_normalized():
    assert decode_string('"""a\r\nb\rc"""') == ('a\nb\nc', [])
    assert decode_string('r"""a\r\nb"""') == ('a\nb', [])
    assert decode_string('"a\\\r\nb"') == ('ab', [])


def test_f_strings_are_refused():
    with pytest.raises(ValueError):
        decode_string('f"x"')


def test_prefix_helpers():
    assert string_prefix('Rb"x"') == 'rb'
    assert string_prefix("'x'") == ''
    assert split_string('bR"""a"b"""') == ('br', '"""', 'a"b')
    assert split_string("u'x'") == ('u', "'", 'x')
    assert split_string('""') == ('', '"', '')
    assert split_string("''''''") == ('', "'''", '')
    assert is_fstring('Rf"x"') and not is_fstring('rb"x"')
    assert is_bytes('Br"x"') and not is_bytes('u"x"')
    assert is_raw('fR"x"') and not is_raw('b"x"')


# --- f-string literal parts ---------------------------------------------------------------------

def fstring_value(chunk: str, raw: bool):
    """CPython's value for an f-string made of one literal chunk (no braces in it)."""
    ref = cpython_value(('rf' if raw else 'f') + '"""' + chunk + '"""')
    if ref[0] == 'err':
        return ref
    node = ref[1]
    values = node.values
    text = ''.join(v.value for v in values)
    return ('ok', text, ref[2])


def test_fstring_literal_parts_match_cpython():
    rng = random.Random(7)
    pieces = [p for p in PIECES if '{' not in p and '}' not in p and '"' not in p]
    checked = 0
    while checked < 3000:
        chunk = ''.join(rng.choice(pieces) for _ in range(rng.randrange(6)))
        raw = rng.random() < 0.3
        if (len(chunk) - len(chunk.rstrip('\\'))) % 2:
            continue  # the closing quote would be escaped
        if '\\N' in chunk and not raw:
            continue  # inside an f-string, '\N{' ... '}' is found by the splitter, not here
        checked += 1
        ref = fstring_value(chunk, raw)
        try:
            value, found = decode_fstring_literal_part(chunk, raw)
            mine = ('ok', value, found)
        except LiteralError as exc:
            mine = ('err', exc.message)
        assert mine == ref, (chunk, raw)


def test_fstring_chunk_ending_in_backslash():
    # f'\{x}' : CPython's chunk is a lone backslash, which stays a backslash.
    assert decode_fstring_literal_part('\\', False) == ('\\', [])


# --- numbers ------------------------------------------------------------------------------------

def number_texts(rng: random.Random):
    digits = '0123456789'

    def run(alphabet: str) -> str:
        return '_'.join(''.join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
                        for _ in range(rng.randint(1, 3)))
    kind = rng.randrange(7)
    if kind == 0:
        return rng.choice('123456789') + run(digits)
    if kind == 1:
        return '0' + rng.choice('xX') + run('0123456789abcdefABCDEF')
    if kind == 2:
        return '0' + rng.choice('oO') + run('01234567')
    if kind == 3:
        return '0' + rng.choice('bB') + run('01')
    if kind == 4:
        text = run(digits) + '.' + (run(digits) if rng.random() < 0.7 else '')
    elif kind == 5:
        text = '.' + run(digits)
    else:
        text = run(digits) + rng.choice('eE') + rng.choice(['', '+', '-']) + run(digits)
    if rng.random() < 0.3:
        text += rng.choice('jJ')
    return text


def test_numbers_match_cpython():
    rng = random.Random(5)
    for _ in range(5000):
        text = number_texts(rng)
        ref = cpython_value(text)
        if ref[0] == 'err':
            continue  # e.g. leading zeros: the lexer rejects those
        expected = ref[1].value
        got = parse_number(text)
        assert type(got) is type(expected) and repr(got) == repr(expected), text


@pytest.mark.parametrize('text', ['0', '00', '0_0', '1_000', '0xFF', '0o17', '0b1_0', '1.5', '1.',
                                  '.5', '1e5', '1E-5', '1_0.0_1e+1_0', '1j', '1.5J', '0j', '1e500',
                                  '1e-500', '1e5j', '123456789012345678901234567890'])
def test_number_examples(text):
    expected = ast.literal_eval(text)
    got = parse_number(text)
    assert type(got) is type(expected) and repr(got) == repr(expected)


def test_huge_decimal_int_error():
    limit = sys.get_int_max_str_digits()
    if not limit:
        pytest.skip('no digit limit on this interpreter')
    text = '1' + '0' * limit
    ref = cpython_value(text)
    with pytest.raises(LiteralError) as info:
        parse_number(text)
    assert ('err', info.value.message) == ref
    assert parse_number('0x' + 'f' * (limit + 10)) == int('f' * (limit + 10), 16)
