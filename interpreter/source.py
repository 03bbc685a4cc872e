"""Decoding source bytes to text as CPython does: BOM, PEP 263 coding cookies, CPython's errors.

Newlines are left alone (the lexer handles CR and CRLF itself, as `tokenize` reports them).
"""

from __future__ import annotations

import re

from interpreter.tokens import COMMENT, ERRORTOKEN, NEWLINE, NL, STRING

__all__ = ['SourceDecodeError', 'decode_source', 'find_cookie', 'split_lines']

_BOM = b'\xef\xbb\xbf'
_CODING_RE = re.compile(rb'coding[:=][ \t]*([-\w.]+)', re.ASCII)
_BLANK = b' \t\x0c'
_LINE_BREAK_RE = re.compile(r'\r\n|\r|\n')


class SourceDecodeError(SyntaxError):
    """Source bytes CPython cannot decode. Positions are as CPython gives them: for problems
    with the whole file (unknown encoding, ...) `lineno` is 0 and `offset` is -1."""


def _normal_name(name: str) -> str:
    # CPython normalizes only these spellings; 'utf8' stays 'utf8' (and so is not 'utf-8').
    key = name[:12].lower().replace('_', '-')
    if key == 'utf-8' or key.startswith('utf-8-'):
        return 'utf-8'
    if key in ('latin-1', 'iso-8859-1', 'iso-latin-1') or key.startswith(
            ('latin-1-', 'iso-8859-1-', 'iso-latin-1-')):
        return 'iso-8859-1'
    return name


def _coding_spec(line: bytes) -> tuple[str | None, bool]:
    """(normalized cookie or None, whether the line holds only blanks and a comment)."""
    stripped = line.lstrip(_BLANK)
    if not stripped.startswith(b'#'):
        return None, stripped in (b'', b'\n')
    m = _CODING_RE.search(stripped)
    if m is None:
        return None, True
    return _normal_name(m.group(1).decode('ascii')), True


def find_cookie(data: bytes) -> str | None:
    """The PEP 263 encoding declared on line 1 or 2 (line 2 only after a comment-only or blank
    line 1), normalized as CPython normalizes it, or None."""
    text = data.removeprefix(_BOM).replace(b'\r\n', b'\n').replace(b'\r', b'\n')
    lines = text.split(b'\n', 2)
    if len(lines) < 2:
        lines = [lines[0] + b'\n']
    else:
        lines = [lines[0] + b'\n', lines[1] + b'\n']
    cookie, comment_only = _coding_spec(lines[0])
    if cookie is None and comment_only and len(lines) > 1:
        cookie, _ = _coding_spec(lines[1])
    return cookie


def decode_source(data: bytes, filename: str = '<unknown>') -> str:
    """Decode Python source bytes as `compile()` does; raises `SourceDecodeError` (a SyntaxError)
    with CPython's message when it would fail. The BOM is dropped; newlines are kept as is."""
    has_bom = data.startswith(_BOM)
    body = data[3:] if has_bom else data
    cookie = find_cookie(data)
    if has_bom and cookie is not None and cookie != 'utf-8':
        raise SourceDecodeError(f'encoding problem: {cookie} with BOM', (filename, 0, -1, None))
    if cookie is None or cookie == 'utf-8':
        try:
            return body.decode('utf-8')
        except UnicodeDecodeError:
            return _decode_utf8_leniently(body, filename, has_bom or cookie is not None)
    try:
        return body.decode(cookie)
    except LookupError as exc:
        raise SourceDecodeError(str(exc), (filename, 0, -1, None)) from None
    except (UnicodeError, ValueError) as exc:
        message = str(exc)
    # CPython decodes the text after translating newlines, so its positions count in that text.
    translated = body.replace(b'\r\n', b'\n').replace(b'\r', b'\n')
    try:
        translated.decode(cookie)
    except (UnicodeError, ValueError) as exc:
        message = str(exc)
    raise SourceDecodeError(message, (filename, 0, -1, None))


def _decode_utf8_leniently(body: bytes, filename: str, declared: bool) -> str:
    """Invalid UTF-8 in the default encoding: CPython only complains where a token needs the text.

    Bad bytes inside comments are accepted (they come back as U+FFFD); in a string or a name they
    give CPython's '(unicode error)' at that token.
    """
    from interpreter.lexer import lex  # the lexer does not need this module; avoid a cycle anyway

    text = body.decode('utf-8', 'surrogateescape')
    tokens, _ = lex(text, trivia=True)
    for tok in tokens:
        if tok.kind == COMMENT or not _has_bad_bytes(tok.string):
            continue
        if tok.kind == ERRORTOKEN and tok.string.lstrip('rRbBuUfF')[:1] in ('"', "'"):
            break  # an unterminated string: the lexer reports that first, as CPython does
        raw = tok.string.encode('utf-8', 'surrogateescape')
        # CPython's SyntaxError.text: the token's lines, bad bytes shown as U+FFFD.
        lines = _LINE_BREAK_RE.split(text)[tok.lineno - 1:tok.end_lineno]
        line = '\n'.join(lines).encode('utf-8', 'surrogateescape').decode('utf-8', 'replace') + '\n'
        start = 0
        if tok.kind == STRING:
            prefix_len = len(raw) - len(raw.lstrip(b'rRbBuUfF'))
            quote = raw[prefix_len:prefix_len + 3]
            qlen = 3 if quote in (b'"""', b"'''") else 1
            if raw[:prefix_len].lower().count(b'b'):
                msg = 'bytes can only contain ASCII literal characters'
                raise SourceDecodeError(msg, (filename, tok.lineno, tok.col + 1, line))
            start = prefix_len + qlen
            stop = len(raw) - qlen
            if b'\\' in raw[start:stop] and b'r' not in raw[:prefix_len].lower():
                # With escapes CPython decodes each run of non-ASCII bytes on its own.
                while start < stop and raw[start] < 0x80:
                    start += 1
                while stop > start and raw[stop - 1] < 0x80:
                    stop -= 1
            part = raw[start:stop]
        else:
            part = raw
        try:
            part.decode('utf-8')
        except UnicodeDecodeError as exc:
            msg = f'(unicode error) {exc}'
        else:  # pragma: no cover - the bytes were bad a moment ago
            msg = "(unicode error) 'utf-8' codec can't decode bytes"
        if tok.kind == STRING:
            if declared:
                # With a BOM or a cookie CPython points at the bad character itself.
                bad = next(i for i, c in enumerate(tok.string) if '\udc80' <= c <= '\udcff')
                k = tok.string.count('\n', 0, bad)
                col = bad - tok.string.rfind('\n', 0, bad) - 1 if k else tok.col + bad
                raise SourceDecodeError(msg, (filename, tok.lineno + k, col + 1, line))
            # CPython decodes the string when its parser has read the token after it (and
            # after any string concatenated to it): the error is placed there, in bytes
            after, comment = _token_after_strings(tokens, tok)
            lines = _LINE_BREAK_RE.split(text)
            start = _byte_column(lines, after.lineno, after.col)
            end = _byte_column(lines, after.end_lineno, after.end_col)
            if after.kind == NEWLINE:
                # CPython's NEWLINE token ends where the line break starts, and starts at the
                # comment before it, if any
                end = start
                if comment is not None:
                    start = _byte_column(lines, comment.lineno, comment.col)
            raise SourceDecodeError(msg, (filename, after.lineno, start + 1, line,
                                          after.end_lineno, end + 1))
        raise SourceDecodeError(msg, (filename, tok.lineno, tok.end_col, line))
    return body.decode('utf-8', 'replace')


def _token_after_strings(tokens: list, string) -> tuple:
    """(the first token after `string` that is not a string, a comment or a line break inside
    brackets (the end marker, if nothing else), the comment just before it or None)."""
    index = tokens.index(string) + 1
    comment = None
    while index < len(tokens) - 1 and tokens[index].kind in (STRING, COMMENT, NL):
        comment = tokens[index] if tokens[index].kind == COMMENT else None
        index += 1
    return tokens[index], comment


def _byte_column(lines: list[str], lineno: int, col: int) -> int:
    """A character column of `lines` (surrogate-escaped bytes) as a UTF-8 byte column."""
    if not 1 <= lineno <= len(lines):
        return col
    return len(lines[lineno - 1][:col].encode('utf-8', 'surrogateescape'))


def _has_bad_bytes(s: str) -> bool:
    return any('\udc80' <= c <= '\udcff' for c in s) if not s.isascii() else False


_LINE_BREAK = re.compile(r'\r\n|\r|\n')


def split_lines(text: str) -> list[str]:
    """The lines of `text` without their ends, split where Python's tokenizer splits them.

    Only `\n`, `\r\n` and `\r` end a line (`str.splitlines` also splits on form feeds and
    Unicode separators, which the tokenizer does not).
    """
    return _LINE_BREAK.split(text)
