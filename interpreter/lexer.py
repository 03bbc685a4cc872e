"""The lexer: turns decoded source text into `Token`s plus lexical diagnostics, CPython-style.

For valid input the stream (with `trivia=True`) equals the stdlib `tokenize` module's, except that
a lone CR ends a line (as for CPython) and identifiers are CPython's, not `tokenize`'s `\\w+`.
Errors carry CPython's messages and positions, and lexing always goes on after them:

* an ERRORTOKEN stands for text CPython's tokenizer rejects (a bad number such as `0x`, a name
  with an invalid character, an unterminated string running to the end of its line or of the
  input, a stray backslash or control character), and comes with a diagnostic; the exception
  is a printable stray character (`$`, `?`, `!`, a backquote), which CPython's *parser* reports
  as "invalid syntax" and which therefore has no lexer diagnostic;
* a closing bracket that matches nothing is still an OP token (with a diagnostic);
* a NEWLINE is always synthesized before the DEDENTs and ENDMARKER at the end of input when
  the last logical line has tokens, even inside unclosed brackets.
"""

from __future__ import annotations

import gc
import re

from interpreter.diagnostics import SyntaxDiagnostic
from interpreter.tokens import (
    COMMENT,
    DEDENT,
    ENDMARKER,
    ERRORTOKEN,
    INDENT,
    NAME,
    NEWLINE,
    NL,
    NUMBER,
    OP,
    STRING,
    Token,
)

__all__ = ['MAXINDENT', 'MAXLEVEL', 'TABSIZE', 'lex']

TABSIZE = 8
# CPython's tokenizer limits (Parser/tokenizer.h).
MAXINDENT = 100
MAXLEVEL = 200

# --- the master pattern, built from small pieces -------------------------------------------------

_WHITESPACE = r'[ \t\f]*'
# CPython treats every non-ASCII character as a potential identifier character and validates the
# whole run afterwards, so a stray '€' becomes one bad "name" with a precise message.
# Written as the ASCII characters it excludes: the same sets as [A-Za-z_\x80-\U0010ffff] and
# [A-Za-z0-9_\x80-\U0010ffff], which took the host's re compiler 15-25 ms at every start.
_NAME = r'[^\x00-\x40\x5b-\x5e\x60\x7b-\x7f][^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]*'
_DIGITS = r'[0-9](?:_?[0-9])*'
_EXPONENT = r'[eE][-+]?' + _DIGITS
_POINTFLOAT = r'(?:' + _DIGITS + r'\.(?:' + _DIGITS + r')?|\.' + _DIGITS + r')(?:' + _EXPONENT + ')?'
_EXPFLOAT = _DIGITS + _EXPONENT
_NUMBER = (
    r'0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+'
    r'|(?:' + _POINTFLOAT + '|' + _EXPFLOAT + r')[jJ]?'
    r'|' + _DIGITS + r'[jJ]'
    r'|0(?:_?0)*|[1-9](?:_?[0-9])*'
)
_OPERATOR = (
    # A '.' before a digit starts a number, not an operator.
    r'\*\*=?|//=?|>>=?|<<=?|->|:=?|\.\.\.|!=|[-+*/%&|^@=<>]=?|[~,;]|\.(?![0-9])'
)
_COMMENT = r'#[^\r\n]*'
_NEWLINE = r'\r\n|\n|\r'

_PREFIX = r'(?:[rR][bBfF]?|[bBfF][rR]?|[uU])?'


def _string_pattern(q: str, terminated: bool) -> str:
    """Pattern for strings quoted with `q`; unterminated ones run to the end of line / input."""
    not_q = '[^' + q + r'\\]*+'
    not_q_nl = '[^' + q + r'\\\r\n]*+'
    if terminated:
        triple = q * 3 + not_q + r'(?:(?:\\[\s\S]|' + q + '(?!' + q * 2 + '))' + not_q + ')*+' + q * 3
        single = q + '(?!' + q * 2 + ')' + not_q_nl + r'(?:\\(?:\r\n|[\s\S])' + not_q_nl + ')*+' + q
    else:
        triple = q * 3 + r'[\s\S]*'
        single = q + not_q_nl + r'(?:\\(?:\r\n|[\s\S])' + not_q_nl + r')*+\\?'
    return triple + '|' + single


_STRING = _PREFIX + '(?:' + _string_pattern("'", True) + '|' + _string_pattern('"', True) + ')'
_UNTERMINATED = (_PREFIX + '(?:' + _string_pattern("'", False) + '|'
                 + _string_pattern('"', False) + ')')

# One pass of findall() over the whole source yields a (whitespace, token, bad) triple per token;
# the main loop tells token kinds apart by their text, which is cheaper than more groups. The
# whitespace is possessive so trailing blanks at the end of input match nothing at all.
_TOKEN_RE = re.compile(
    '(' + _WHITESPACE + '+)(?:('
    + _NAME + r'+(?![\'"])'                  # a name not followed by a quote (the common case)
    + '|' + _OPERATOR + r'|[(\[{]|[)\]}]'
    + '|' + _NEWLINE
    + '|' + _NUMBER
    + '|' + _STRING
    + '|' + _COMMENT
    + r'|\\(?:\r\n|\n|\r)'                  # line continuation
    + '|(?!' + _PREFIX + r'[\'"])' + _NAME       # a name followed by a quote, not a string prefix
    + ')|(' + _UNTERMINATED + '|.))', re.DOTALL)
_ID_CHARS_ASCII = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')
_BRACKET_PAIRS = {')': '(', ']': '[', '}': '{'}
_NUMBER_START = frozenset('0123456789.')
# Operator text -> 0 for a plain operator, 1 for an opening and 2 for a closing bracket.
_OP_KIND = dict.fromkeys((
    '!=', '%', '%=', '&', '&=', '*', '**', '**=', '*=', '+', '+=', ',', '-', '-=', '->', '.', '...',
    '/', '//', '//=', '/=', ':', ':=', ';', '<', '<<', '<<=', '<=', '=', '==', '>', '>=', '>>',
    '>>=', '@', '@=', '^', '^=', '|', '|=', '~',
), 0) | dict.fromkeys('([{', 1) | dict.fromkeys(')]}', 2)


def _line_breaks(text: str) -> tuple[int, int]:
    """Number of line breaks in `text` and the offset just after the last one (0 if none)."""
    if '\r' not in text:
        k = text.count('\n')
        return k, (text.rfind('\n') + 1 if k else 0)
    k = 0
    last = 0
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == '\n' or c == '\r':
            if c == '\r' and i + 1 < n and text[i + 1] == '\n':
                i += 1
            k += 1
            last = i + 1
        i += 1
    return k, last


def _measure(ws: str, col: int, alt: int) -> tuple[int, int]:
    """Indentation columns after `ws`: tabs to the next multiple of TABSIZE (and to the next
    column for CPython's consistency check), a form feed back to 0."""
    for ch in ws:
        if ch == ' ':
            col += 1
            alt += 1
        elif ch == '\t':
            col = (col // TABSIZE + 1) * TABSIZE
            alt += 1
        else:
            col = alt = 0
    return col, alt


def _first_invalid_identifier_char(name: str) -> int:
    """Index of the first character that makes `name` not an identifier (as CPython scans)."""
    if not (name[0] == '_' or name[0].isidentifier()):
        return 0
    for i in range(1, len(name)):
        if not ('a' + name[i]).isidentifier():
            return i
    return len(name)


def _number_kind(text: str, start: int, stop: int) -> str:
    """How CPython's tokenizer names the number `text[start:stop]` in its messages."""
    if text[stop - 1] in 'jJ':
        return 'imaginary'
    prefix = text[start:start + 2].lower()
    return {'0x': 'hexadecimal', '0o': 'octal', '0b': 'binary'}.get(prefix, 'decimal')


def _number_error(text: str, pos: int) -> tuple[int, str | None, int]:
    """Scan a number at `pos` the way CPython's tokenizer does, for the slow (suspicious) path.

    Returns (end, message, error_index): `end` is where the NUMBER token ends; `message` is None
    for a valid number, else CPython's message with `error_index` the character index CPython
    reports as the 1-based offset (its `tok->cur`).
    """
    n = len(text)

    def at(i: int) -> str:
        return text[i] if i < n else ''

    def isdigit(c: str) -> bool:
        return c != '' and c in '0123456789'

    def end_check(i: int, kind: str) -> tuple[int, str | None, int]:
        # CPython accepts (with a DeprecationWarning) a number glued to one of these keywords.
        c = at(i)
        if c == 'i' and at(i + 1) in ('f', 'n', 's') and at(i + 1) != '':
            return i, None, i
        for word in ('and', 'else', 'for', 'or', 'not'):
            if text.startswith(word, i):
                after = at(i + len(word))
                if after == '' or not (after in _ID_CHARS_ASCII or after >= '\x80'):
                    return i, None, i
        # Only ASCII: a non-ASCII character ends the number and is judged as a name of its own.
        if c != '' and c in _ID_CHARS_ASCII:
            return i, f'invalid {kind} literal', i
        return i, None, i

    def decimal_tail(i: int) -> tuple[int, str | None]:
        # i points just past a digit; consume digits and single underscores between digits.
        while True:
            while isdigit(at(i)):
                i += 1
            if at(i) != '_':
                return i, None
            i += 1
            if not isdigit(at(i)):
                return i, 'invalid decimal literal'

    def fraction_and_rest(i: int) -> tuple[int, str | None, int]:
        # i points just after '.'
        if isdigit(at(i)):
            i, err = decimal_tail(i + 1)
            if err:
                return i, err, i
        return exponent_and_rest(i)

    def exponent_and_rest(i: int) -> tuple[int, str | None, int]:
        c = at(i)
        if c in ('e', 'E') and c != '':
            e_pos = i
            i += 1
            c = at(i)
            if c in ('+', '-') and c != '':
                i += 1
                if not isdigit(at(i)):
                    return i, 'invalid decimal literal', i
            elif not isdigit(c):
                return e_pos, *end_check(e_pos, 'decimal')[1:]
            i, err = decimal_tail(i + 1)
            if err:
                return i, err, i
        if at(i) in ('j', 'J') and at(i) != '':
            return end_check(i + 1, 'imaginary')
        return end_check(i, 'decimal')

    c = at(pos)
    if c == '.':
        return fraction_and_rest(pos + 1)
    if c == '0':
        i = pos + 1
        c = at(i)
        radix = {'x': 'hexadecimal', 'X': 'hexadecimal', 'o': 'octal', 'O': 'octal',
                 'b': 'binary', 'B': 'binary'}.get(c) if c else None
        if radix is not None:
            digits = {'hexadecimal': '0123456789abcdefABCDEF', 'octal': '01234567',
                      'binary': '01'}[radix]
            i += 1
            while True:
                if at(i) == '_':
                    i += 1
                c = at(i)
                if c == '' or c not in digits:
                    if radix != 'hexadecimal' and isdigit(c):
                        return i + 1, f"invalid digit '{c}' in {radix} literal", i + 1
                    return i, f'invalid {radix} literal', i
                while at(i) != '' and at(i) in digits:
                    i += 1
                if at(i) != '_':
                    break
            if radix != 'hexadecimal' and isdigit(at(i)):
                return i + 1, f"invalid digit '{at(i)}' in {radix} literal", i + 1
            return end_check(i, radix)
        # Decimal starting with 0: zeros (maybe with underscores), then maybe more digits.
        while True:
            if at(i) == '_':
                i += 1
                if not isdigit(at(i)):
                    return i, 'invalid decimal literal', i
            if at(i) != '0':
                break
            i += 1
        zeros_end = i + 1 if isdigit(at(i)) else i
        nonzero = False
        if isdigit(at(i)):
            nonzero = True
            i, err = decimal_tail(i + 1)
            if err:
                return i, err, i
        c = at(i)
        if c == '.':
            return fraction_and_rest(i + 1)
        if c in ('e', 'E', 'j', 'J') and c != '':
            return exponent_and_rest(i)
        if nonzero:
            return i, ('leading zeros in decimal integer literals are not permitted; '
                       'use an 0o prefix for octal integers'), -zeros_end - 1
        return end_check(i, 'decimal')
    i, err = decimal_tail(pos + 1)
    if err:
        return i, err, i
    if at(i) == '.':
        return fraction_and_rest(i + 1)
    return exponent_and_rest(i)


# Errors CPython's parser raises for its tokenizer with no end: -1 where it reports them at the
# failed token (which has no position), 0 where it gives the end -1 + 1. Keyed by the message
# ("'(' was never closed" by its tail).
_MISSING_END_OFFSET = {
    'unexpected EOF while parsing': -1,
    'unindent does not match any outer indentation level': -1,
    'unexpected character after line continuation character': 0,
    'inconsistent use of tabs and spaces in indentation': 0,
    'too many levels of indentation': 0,
    'was never closed': 0,
}


def lex(source: str, *, trivia: bool = False, warnings: list | None = None
        ) -> tuple[list[Token], list[SyntaxDiagnostic]]:
    """Tokenize `source`; never raises. With `trivia=False`, COMMENT and NL tokens are left out.
    The tokenizer's SyntaxWarnings (a number glued to a keyword) go to `warnings`, if given,
    as diagnostics of kind 'SyntaxWarning'."""
    tokens: list[Token] = []
    diags: list[SyntaxDiagnostic] = []
    warnings = [] if warnings is None else warnings
    # Millions of small objects would trigger the cyclic GC over and over for nothing: none of
    # them form cycles.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        _lex(source, trivia, tokens, diags, warnings)
    except Exception as exc:  # noqa: BLE001 - a bug; report it rather than crash the caller
        diags.append(SyntaxDiagnostic(f'internal lexer error: {exc!r}', 1, 0))
        line = tokens[-1].end_lineno + 1 if tokens else 1
        tokens.append(Token(NEWLINE, '', line, 0, line, 1))
        tokens.append(Token(ENDMARKER, '', line, 0, line, 0))
    finally:
        if gc_was_enabled:
            gc.enable()
    return tokens, diags


def _lex(src: str, trivia: bool, tokens: list[Token], diags: list[SyntaxDiagnostic],
         warnings: list[SyntaxDiagnostic]) -> None:
    src = src.removeprefix('\ufeff')
    n = len(src)
    append = tokens.append
    Tok = Token
    op_kind = _OP_KIND.get

    def error(message: str, lineno: int, col: int, end_col: int | None = None,
              kind: str = 'SyntaxError') -> None:
        # CPython's tokenizer errors have offset == end_offset unless it gives a range.
        diagnostic = SyntaxDiagnostic(message, lineno, col, lineno,
                                      col if end_col is None else end_col, kind)
        missing = _MISSING_END_OFFSET.get(message.rpartition("' ")[2] or message)
        if missing is not None:
            diagnostic.without_end(missing)
        if message == 'unexpected EOF while parsing':
            diagnostic.at_end_of_file()  # parsing a file, CPython reports it at offset 0
        (warnings if kind == 'SyntaxWarning' else diags).append(diagnostic)

    def bad_name(text: str, lineno: int, col: int) -> None:
        bad = _first_invalid_identifier_char(text)
        ch = text[bad]
        if ch.isprintable():
            msg = f"invalid character '{ch}' (U+{ord(ch):04X})"
        else:
            msg = f'invalid non-printable character U+{ord(ch):04X}'
        error(msg, lineno, col + bad)
        append(Tok(ERRORTOKEN, text, lineno, col, lineno, col + len(text)))

    if '\0' in src:
        # CPython refuses the whole source; say so once, where the first one is.
        at = src.index('\0')
        before = src[:at]
        k, last = _line_breaks(before)
        error('source code string cannot contain null bytes', 1 + k, at - last)

    lineno = 1
    line_start = 0     # absolute offset of the current physical line
    # Where CPython's line buffer starts: the line after the last NEWLINE/NL (continuation lines
    # and multi-line strings do not reset it). One of its error offsets counts from there.
    buf_start = 0
    col = 0            # column where the next token's leading whitespace starts
    indents = [0]
    alt_indents = [0]  # the same columns with tabs counted as 1: CPython's tab consistency check
    brackets: list[tuple[str, int, int]] = []
    bol = True         # at the beginning of a logical line: indentation is significant
    special = True     # bol, or tokens glued to a bad number are being skipped
    skip_to = 0        # column up to which tokens belong to a bad number
    cont_indent: tuple[int, int, int] | None = None  # (fixed column, column, alt column)
    stray_reported = False

    for ws, tok, bad in _TOKEN_RE.findall(src):
        if ws:
            col += len(ws)
        if special:
            if skip_to:
                text = tok or bad
                if col < skip_to and '\n' not in text and '\r' not in text:
                    end = col + len(text)
                    if end > skip_to:
                        last = tokens[-1]
                        tokens[-1] = Tok(ERRORTOKEN, src[line_start + last.col:line_start + end],
                                         lineno, last.col, lineno, end)
                        skip_to = end
                    col = end
                    continue
                skip_to = 0
                special = bol
            if bol:
                if tok and tok[0] == '#':
                    # A comment-only line: no indentation processing, and NL, not NEWLINE.
                    if trivia:
                        append(Tok(COMMENT, tok, lineno, col, lineno, col + len(tok)))
                    col += len(tok)
                    continue
                if tok and (tok[0] == '\n' or tok[0] == '\r'):
                    if trivia:
                        append(Tok(NL, tok, lineno, col, lineno, col + len(tok)))
                    lineno += 1
                    line_start += col + len(tok)
                    buf_start = line_start
                    col = 0
                    cont_indent = None
                    continue
                if tok and tok[0] == '\\':
                    # A line continuation before the first token: as in CPython 3.11, the
                    # whitespace goes on counting on the next line, but a backslash after some
                    # whitespace fixes the indentation at its column.
                    pre_col, pre_alt = _measure(ws, *(cont_indent or (0, 0, 0))[1:])
                    if cont_indent is None or not cont_indent[0]:
                        cont_indent = (pre_col, pre_col, pre_alt)
                    else:
                        cont_indent = (cont_indent[0], pre_col, pre_alt)
                    if line_start + col + len(tok) == n:
                        error('unexpected EOF while parsing', lineno, col + 1)
                    lineno += 1
                    line_start += col + len(tok)
                    col = 0
                    continue
                if bad == '\\' and line_start + col + 1 < n:
                    # CPython meets this before it measures the indentation.
                    error('unexpected character after line continuation character', lineno,
                          line_start + col + 1 - buf_start)
                    stray_reported = True
                bol = special = False
                # Measure the indentation as CPython does.
                if cont_indent is not None:
                    icol, alt = _measure(ws, cont_indent[1], cont_indent[2])
                    if cont_indent[0]:
                        icol = alt = cont_indent[0]
                    cont_indent = None
                elif not ws:
                    icol = alt = 0
                elif '\t' not in ws and '\f' not in ws:
                    icol = alt = len(ws)
                else:
                    icol, alt = _measure(ws, 0, 0)
                if icol == indents[-1]:
                    if alt != alt_indents[-1]:
                        error('inconsistent use of tabs and spaces in indentation', lineno, 0, 0,
                              'TabError')
                elif icol > indents[-1]:
                    if len(indents) >= MAXINDENT:
                        error('too many levels of indentation', lineno, 0, 0, 'IndentationError')
                    elif alt <= alt_indents[-1]:
                        error('inconsistent use of tabs and spaces in indentation', lineno, 0, 0,
                              'TabError')
                    indents.append(icol)
                    alt_indents.append(alt)
                    append(Tok(INDENT, ws, lineno, 0, lineno, col))
                else:
                    while icol < indents[-1]:
                        indents.pop()
                        alt_indents.pop()
                        append(Tok(DEDENT, '', lineno, col, lineno, col))
                    if icol != indents[-1]:
                        # CPython points just past the end of the offending line.
                        eol = line_start + col
                        while eol < n and src[eol] not in '\r\n':
                            eol += 1
                        error('unindent does not match any outer indentation level', lineno,
                              eol - line_start, eol - line_start, 'IndentationError')
                    elif alt != alt_indents[-1]:
                        error('inconsistent use of tabs and spaces in indentation', lineno, 0, 0,
                              'TabError')

        if tok:
            end = col + len(tok)
            if tok.isidentifier():
                append(Tok(NAME, tok, lineno, col, lineno, end))
                col = end
                continue
            k = op_kind(tok)
            if k is not None:
                if not k:
                    pass
                elif k == 1:
                    if len(brackets) == MAXLEVEL:
                        error('too many nested parentheses', lineno, col)
                    brackets.append((tok, lineno, col))
                elif k == 2:
                    if not brackets:
                        error(f"unmatched '{tok}'", lineno, col)
                    else:
                        opener, oline, _ = brackets[-1]
                        want = _BRACKET_PAIRS[tok]
                        if opener == want:
                            brackets.pop()
                        else:
                            where = f' on line {oline}' if oline != lineno else ''
                            error(f"closing parenthesis '{tok}' does not match opening "
                                  f"parenthesis '{opener}'{where}", lineno, col)
                            # Recover by closing up to the matching opener, if there is one.
                            for i in range(len(brackets) - 1, -1, -1):
                                if brackets[i][0] == want:
                                    del brackets[i:]
                                    break
                            else:
                                brackets.pop()
                append(Tok(OP, tok, lineno, col, lineno, end))
                col = end
                continue
            c = tok[0]
            if c == '\n' or c == '\r':
                if brackets:
                    if trivia:
                        append(Tok(NL, tok, lineno, col, lineno, end))
                else:
                    append(Tok(NEWLINE, tok, lineno, col, lineno, end))
                    bol = special = True
                lineno += 1
                line_start += end
                buf_start = line_start
                col = 0
            elif c in _NUMBER_START:
                nxt = src[line_start + end:line_start + end + 1]
                if nxt and nxt in _ID_CHARS_ASCII:
                    # Glued to a letter: let the CPython-faithful scanner decide.
                    start = line_start + col
                    stop, msg, where = _number_error(src, start)
                    if msg is None and stop < n and src[stop] in _ID_CHARS_ASCII:
                        # Glued to a keyword (`1or x`): valid, but CPython's tokenizer warns.
                        # (As an error, CPython's offset is the number's last character.)
                        error(f'invalid {_number_kind(src, start, stop)} literal', lineno,
                              stop - line_start - 1, kind='SyntaxWarning')
                    if msg is not None:
                        if where < 0:  # leading zeros: CPython gives an explicit range
                            error(msg, lineno, col, -where - 2 - line_start)
                        else:
                            error(msg, lineno, where - line_start - 1)
                        while stop < n and src[stop] in _ID_CHARS_ASCII:
                            stop += 1
                        stop = max(stop, line_start + end)
                        append(Tok(ERRORTOKEN, src[start:stop], lineno, col, lineno,
                                   stop - line_start))
                        if stop > line_start + end:
                            skip_to = stop - line_start
                            special = True
                        col = end
                        continue
                append(Tok(NUMBER, tok, lineno, col, lineno, end))
                col = end
            elif c == '#':
                if trivia:
                    append(Tok(COMMENT, tok, lineno, col, lineno, end))
                col = end
            elif c == '\\':  # a line continuation
                if line_start + end == n and not brackets:
                    # (With a bracket open CPython says it was never closed, as below.)
                    error('unexpected EOF while parsing', lineno, col + 1)
                lineno += 1
                line_start += end
                col = 0
            elif tok[-1] == '"' or tok[-1] == "'":
                if '\n' in tok or '\r' in tok:
                    k, last = _line_breaks(tok)
                    append(Tok(STRING, tok, lineno, col, lineno + k, len(tok) - last))
                    lineno += k
                    line_start += col + last
                    col = len(tok) - last
                else:
                    append(Tok(STRING, tok, lineno, col, lineno, end))
                    col = end
            else:  # a name with characters that are not allowed in identifiers
                bad_name(tok, lineno, col)
                col = end
        elif len(bad) > 1 or bad in ('"', "'"):
            # An unterminated string, possibly prefixed.
            k, last = _line_breaks(bad)
            detected = lineno + k
            # At the end of input CPython counts the last line holding a character; oddly, a
            # final CRLF still counts as a line break.
            if line_start + col + len(bad) == n and bad[-1] in '\r\n' \
                    and not bad.endswith('\r\n'):
                detected -= 1
            if bad.lstrip('rRbBuUfF')[:3] in ('"""', "'''"):
                error(f'unterminated triple-quoted string literal (detected at line {detected})',
                      lineno, col)
            else:
                error(f'unterminated string literal (detected at line {detected})', lineno, col)
            if k:
                append(Tok(ERRORTOKEN, bad, lineno, col, lineno + k, len(bad) - last))
                lineno += k
                line_start += col + last
                col = len(bad) - last
            else:
                append(Tok(ERRORTOKEN, bad, lineno, col, lineno, col + len(bad)))
                col += len(bad)
        else:
            if bad == '\\' and stray_reported:
                stray_reported = False  # at the start of a line: reported already
            elif bad == '\\':
                if line_start + col + 1 == n:
                    if not brackets:
                        error('unexpected EOF while parsing', lineno, col + 1)
                else:
                    error('unexpected character after line continuation character', lineno,
                          line_start + col + 1 - buf_start)
            elif bad == '\0':
                pass  # reported once, up front
            elif not bad.isprintable():
                error(f'invalid non-printable character U+{ord(bad):04X}', lineno, col)
            # Printable strays ('$', '?', '!', '`') are CPython's generic "invalid syntax",
            # which the parser reports at this ERRORTOKEN.
            append(Tok(ERRORTOKEN, bad, lineno, col, lineno, col + 1))
            col += 1

    # End of input; anything after the last token is trailing whitespace.
    pos = line_start + col
    if bol:
        ws_tail = pos < n
        if trivia and tokens and tokens[-1].kind == COMMENT and pos > line_start:
            append(Tok(NL, '', lineno, col, lineno, col))
    else:
        ws_tail = False
        col = n - line_start
        pos = n
        append(Tok(NEWLINE, '', lineno, col, lineno, col + 1))
    if brackets:
        opener, oline, ocol = brackets[-1]
        error(f"'{opener}' was never closed", oline, ocol)
    eline = lineno + 1 if (pos > line_start and not ws_tail) else lineno
    for _ in range(len(indents) - 1):
        append(Tok(DEDENT, '', eline, 0, eline, 0))
    append(Tok(ENDMARKER, '', eline, 0, eline, 0))
