"""Values of literal tokens: strings and bytes (escapes exactly as CPython) and numbers.

Errors are raised as `LiteralError` carrying CPython's SyntaxError message; the caller positions
them. Invalid escapes are not errors in 3.11 but DeprecationWarnings: they come back as messages.
"""

from __future__ import annotations

import codecs
import re
import warnings

__all__ = [
    'LiteralError', 'decode_fstring_literal_part', 'decode_string', 'is_bytes', 'is_fstring',
    'is_raw', 'parse_number', 'split_string', 'string_prefix',
]


class LiteralError(ValueError):
    """A literal CPython rejects at compile time; `message` is CPython's SyntaxError message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# Escapes after which the codecs emit no warning. Octal escapes are checked separately (values
# over 0o377 warn). A backslash-newline is a line continuation.
_STR_ESCAPES = frozenset('\n\\\'"abfnrtvxNuU')
_BYTES_ESCAPES = frozenset('\n\\\'"abfnrtvx')
_ESCAPE_RE = re.compile(r'\\([0-7]{1,3}|[\s\S])')
_HUGE_INT_HINT = ' - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.'


def _prefix_length(text: str) -> int:
    # Prefixes are at most two letters, so this beats a regex.
    if text[0] in '\'"':
        return 0
    return 1 if text[1] in '\'"' else 2


def string_prefix(text: str) -> str:
    """The lowercased prefix of a string token's text ('', 'r', 'b', 'rb', 'f', 'u', ...)."""
    return text[:_prefix_length(text)].lower()


def split_string(text: str) -> tuple[str, str, str]:
    """Split a string token's text into (lowercased prefix, quote, body).

    The quote is one or three quote characters; the body is the raw text between the quotes.
    """
    n = _prefix_length(text)
    q = text[n]
    if len(text) - n >= 6 and text[n + 1] == q == text[n + 2]:
        q *= 3
    return text[:n].lower(), q, text[n + len(q):len(text) - len(q)]


def is_fstring(text: str) -> bool:
    """Whether a string token is an f-string."""
    return 'f' in string_prefix(text)


def is_bytes(text: str) -> bool:
    """Whether a string token is a bytes literal."""
    return 'b' in string_prefix(text)


def is_raw(text: str) -> bool:
    """Whether a string token is raw (escapes are not processed)."""
    return 'r' in string_prefix(text)


def _normalize_newlines(body: str) -> str:
    # CPython's tokenizer has turned every CRLF and lone CR into LF before a string is decoded.
    if '\r' in body:
        return body.replace('\r\n', '\n').replace('\r', '\n')
    return body


def _first_invalid_escape(body: str, valid: frozenset[str]) -> str | None:
    """DeprecationWarning message for the first invalid escape in `body`, as CPython words it."""
    for m in _ESCAPE_RE.finditer(body):
        esc = m.group(1)
        c = esc[0]
        if c in '01234567':
            if int(esc, 8) > 0o377:
                return f"invalid octal escape sequence '\\{esc}'"
        elif c not in valid:
            return f"invalid escape sequence '\\{c}'"
    return None


def _escape_buffer(body: str) -> str:
    """The ASCII text CPython hands to the unicode-escape decoder for a str literal body.

    CPython rewrites every non-ASCII character as a \\U escape (and a backslash before one as
    \\u005c) first; the byte positions in the decoder's error messages count in this text.
    """
    if body.isascii() and body[-1:] != '\\':
        return body
    out = []
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        i += 1
        if c == '\\':
            out.append('\\')
            if i >= n or body[i] >= '\x80':
                out.append('u005c')
                if i >= n:
                    break
            c = body[i]
            i += 1
            # The escaped character is copied (or rewritten, if non-ASCII) below.
        if c >= '\x80':
            out.append(f'\\U{ord(c):08x}')
        else:
            out.append(c)
    return ''.join(out)


def _decode_str_escapes(body: str) -> tuple[str, list[str]]:
    if '\\' not in body:
        return body, []
    buf = _escape_buffer(body)
    warning = _first_invalid_escape(buf, _STR_ESCAPES)
    try:
        if warning is None:
            value = codecs.unicode_escape_decode(buf)[0]
        else:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                value = codecs.unicode_escape_decode(buf)[0]
    except UnicodeDecodeError as exc:
        raise LiteralError(f'(unicode error) {exc}') from None
    return value, [] if warning is None else [warning]


def decode_string(text: str) -> tuple[str | bytes, list[str]]:
    """Value of one non-f STRING token (prefix, quotes and body), exactly as CPython computes it.

    Returns (value, warnings): `warnings` holds the DeprecationWarning messages CPython 3.11
    emits for it (at most one: the first invalid escape), which belong at the token's position.
    Raises `LiteralError` with CPython's message when CPython rejects the literal.
    """
    prefix, _, body = split_string(text)
    if 'f' in prefix:
        raise ValueError('decode_string() does not take f-strings; split them first')
    body = _normalize_newlines(body)
    if 'b' in prefix:
        if not body.isascii():
            raise LiteralError('bytes can only contain ASCII literal characters')
        raw = body.encode('ascii')
        if 'r' in prefix or b'\\' not in raw:
            return raw, []
        warning = _first_invalid_escape(body, _BYTES_ESCAPES)
        try:
            if warning is None:
                value = codecs.escape_decode(raw)[0]
            else:
                with warnings.catch_warnings():
                    warnings.simplefilter('ignore')
                    value = codecs.escape_decode(raw)[0]
        except ValueError as exc:
            raise LiteralError(f'(value error) {exc}') from None
        return value, [] if warning is None else [warning]
    if 'r' in prefix:
        return body, []
    return _decode_str_escapes(body)


def decode_fstring_literal_part(text: str, raw: bool) -> tuple[str, list[str]]:
    """Value of one literal chunk of an f-string (the text between replacement fields).

    The caller splits the f-string body. As CPython does, a doubled brace ('{{' or '}}') is passed
    here as a single brace, and a chunk may end in a backslash (f'\\{x}' gives a chunk '\\').
    Returns (value, DeprecationWarning messages); raises `LiteralError` like `decode_string`.
    """
    text = _normalize_newlines(text)
    if raw:
        return text, []
    return _decode_str_escapes(text)


def parse_number(text: str) -> int | float | complex:
    """Value of a NUMBER token. Raises `LiteralError` for CPython's too-many-digits error."""
    t = text.replace('_', '') if '_' in text else text
    last = t[-1]
    if last == 'j' or last == 'J':
        return complex(0.0, float(t[:-1]))
    if len(t) > 1 and t[0] == '0' and t[1] in 'xXoObB':
        return int(t, 0)
    if '.' in t or 'e' in t or 'E' in t:
        return float(t)
    try:
        return int(t)
    except ValueError as exc:  # more digits than sys.get_int_max_str_digits() allows
        raise LiteralError(f'{exc}{_HUGE_INT_HINT}') from None
