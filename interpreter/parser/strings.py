"""String atoms: implicit concatenation and 3.11 f-strings, positioned exactly as 3.11's `ast`.

Entry point: `build_string_atom(parser, tokens)` for one run of adjacent STRING tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .. import nodes as n
from ..diagnostics import SyntaxDiagnostic
from ..literals import LiteralError, decode_fstring_literal_part, decode_string, split_string
from ..tokens import DEDENT, ENDMARKER, INDENT, NEWLINE, STRING, Token
from .core import ByteColumns

__all__ = ['build_string_atom']

# How this module uses the parser (the callback contract is at the top of core.py):
#
# * Tokens carry UTF-8 *byte* columns, so token positions go straight into nodes.
# * A replacement field's expression is parsed with `parser.parse_fstring_expression(text, 1, 0)`
#   where `text` is the field wrapped in parentheses, as 3.11 does (hence `f'{a, b}'` gives a Tuple
#   starting at the '{'). Line 1, column 0 yields the nodes in the coordinates of `text`; this
#   module moves them into place itself (`_place_subtree`), since 3.11's placement has quirks a
#   plain shift cannot express. The nested parser reads the text it is given, so its character
#   columns refer to that text (`_byte_col` undoes them).
# * Errors go straight into `parser.errors` with CPython's positions, which inside a field are
#   CPython's own odd ones (bytes, relative to the parenthesized field text). Inside a nested
#   parse (`parser.in_fstring`) they stay in that parse's coordinates, and the enclosing call
#   re-places them like every other error of the nested parse.
# * Invalid-escape DeprecationWarnings are appended to `parser.warnings` as (message, lineno)
#   when the parser has such a list.

# CPython's limit on bracket nesting inside one replacement field (tokenizer.h MAXLEVEL).
_MAXLEVEL = 200
# What CPython's f-string scanner treats as blank when deciding "empty expression".
_BLANK = frozenset(' \t\n\f')
# Py_ISSPACE: what may follow the '=' of a self-documenting field and still belong to its text.
_SPACE = frozenset(' \t\n\r\x0b\x0c')
_TWO_CHAR_OPS = frozenset(('!=', '==', '<=', '>='))


class _StringError(Exception):
    """A scan or decode error; CPython puts these at the token after the string run."""


class _TokenError(_StringError):
    """An error CPython reports at the offending token itself rather than after the run."""

    def __init__(self, message: str, token: Token):
        super().__init__(message)
        self.token = token


class _Abort(Exception):
    """An error already recorded (inside a replacement field's expression)."""


class _Placed(SyntaxDiagnostic):
    """A diagnostic placed in the lines of the field text it was found in: an enclosing
    f-string moves only its line (by where that text starts), never its columns."""

    __slots__ = ()


class _Local(SyntaxDiagnostic):
    """A diagnostic in the byte coordinates of the current nested parse, to be re-placed."""

    __slots__ = ()


# -- decoding ----------------------------------------------------------------------------------

def _decode_token(parser, text: str, token: Token):
    """The value of a non-f string token, via `interpreter.literals`."""
    try:
        value, warnings = decode_string(text)
    except LiteralError as exc:
        raise _StringError(exc.message) from None
    for message in warnings:
        _warn(parser, message, token)
    return value


def _decode_fragment(parser, fragment: str, raw: bool, token: Token) -> str:
    """The value of the literal text between two replacement fields."""
    tail = ''
    if not raw and fragment.endswith('\\'):
        # A chunk cut off at '{' may end in a lone backslash, which CPython keeps as is.
        stripped = fragment.rstrip('\\')
        if (len(fragment) - len(stripped)) % 2:
            fragment, tail = fragment[:-1], '\\'
    try:
        value, warnings = decode_fstring_literal_part(fragment, raw)
    except LiteralError as exc:
        raise _StringError(exc.message) from None
    for message in warnings:
        _warn(parser, message, token)
    return value + tail


def _warn(parser, message: str, token: Token) -> None:
    sink = getattr(parser, 'warnings', None)
    if sink is not None:
        sink.append((message, token.lineno))


# -- the string run ----------------------------------------------------------------------------

def build_string_atom(parser, tokens: list[Token]) -> n.expr:
    """The expression node for a run of adjacent STRING tokens (never raises)."""
    first, last = tokens[0], tokens[-1]
    try:
        return _Run(parser, tokens).build()
    except _StringError as exc:
        _report(parser, str(exc), last, getattr(exc, 'token', None))
    except _Abort:
        pass
    except RecursionError:
        raise
    except Exception as exc:  # noqa: BLE001 - a defect here must not end the whole parse
        _report(parser, f'internal error in string parsing: {exc!r}', last)
    return n.ErrorExpr([], first.lineno, first.col, last.end_lineno, last.end_col)


def _next_index(parser, last: Token) -> int | None:
    toks = getattr(parser, 'toks', None)
    if toks is None:
        return None
    i = parser.i
    if 0 < i < len(toks) and toks[i - 1] is last:
        return i
    for j in range(len(toks) - 1):
        if toks[j] is last:
            return j + 1
    return None


def _report(parser, message: str, last: Token, at: Token | None = None) -> None:
    """Record a string error where CPython puts it: at token `at`, else after the run.

    CPython raises these while its lookahead sits on the token after the run, and without a
    known location reports that token's span (zero-width for NEWLINE and ENDMARKER).
    """
    index = _next_index(parser, last)
    if index is None:
        nxt = Token(ENDMARKER, '', last.end_lineno, last.end_col, last.end_lineno, last.end_col)
    else:
        nxt = parser.toks[index]
    if at is not None:
        line, col, end_line, end_col = at.lineno, at.col, at.end_lineno, at.end_col
    else:
        tok = nxt
        if tok.kind == NEWLINE and last.end_lineno == tok.lineno:
            tok = _newline_after_comment(parser, last, tok)
        line, col, end_line, end_col = tok.lineno, tok.col, tok.end_lineno, tok.end_col
        if tok.kind in (NEWLINE, ENDMARKER, INDENT, DEDENT):
            end_line, end_col = line, col
    if getattr(parser, 'in_fstring', False):
        parser.errors.append(_Local('f-string: ' + message, line, col, end_line, end_col))
        return
    if nxt.end_lineno == nxt.lineno and line >= nxt.lineno:
        buffer = _tokenizer_buffer(parser, index, nxt)
    else:
        line_text = getattr(parser, 'line_text', None)
        text = line_text(line) if line_text is not None else ''
        buffer = (text if text.endswith('\n') else text + '\n').encode('utf-8', 'surrogatepass')
    diagnostic = SyntaxDiagnostic(message, line, _char_offset(buffer, col), end_line,
                                  _char_offset(buffer, end_col))
    if (diagnostic.col_offset, diagnostic.end_col_offset) != (col, end_col):
        # Parsing a file, CPython leaves its parser's columns in bytes.
        diagnostic.file_columns = (col, end_col)
    parser.errors.append(diagnostic)


def _newline_after_comment(parser, last: Token, tok: Token) -> Token:
    # CPython's NEWLINE after a comment starts where the comment does.
    line_text = getattr(parser, 'line_text', None)
    if line_text is None:
        return tok
    line = line_text(tok.lineno).encode('utf-8', 'surrogatepass')
    hash_at = line.find(b'#', last.end_col, tok.col)
    if hash_at < 0:
        return tok
    return Token(NEWLINE, tok.string, tok.lineno, hash_at, tok.lineno, hash_at)


def _tokenizer_buffer(parser, index: int | None, tok: Token) -> bytes:
    """The UTF-8 text CPython turns byte columns into characters against for an error at `tok`.

    That is its tokenizer's buffer, which starts at the line where the tokenizer last began
    reading a line *between* tokens: a multi-line string or a backslash continuation before
    `tok` on its line keeps the buffer at an earlier line, so the columns of `tok`'s line get
    counted against the text of that earlier line (a 3.11 quirk, visible with non-ASCII text).
    """
    line_text = getattr(parser, 'line_text', None)
    if line_text is None:
        return b''
    first = tok.lineno
    if index is not None:
        toks = parser.toks
        k = index - 1
        while k >= 0:
            prev = toks[k]
            if prev.kind == NEWLINE:
                break
            on_line = prev.end_lineno == first
            if not on_line and not (prev.end_lineno == first - 1
                                    and _continues(line_text(first - 1), prev.end_col)):
                break
            first = prev.lineno
            k -= 1
    text = ''.join(line_text(line) for line in range(first, tok.lineno + 1))
    if not text.endswith('\n'):
        text += '\n'  # compile() reads the source as if it ended with a newline
    return text.encode('utf-8', 'surrogatepass')


def _continues(line: str, end_col: int) -> bool:
    rest = line.encode('utf-8', 'surrogatepass')[end_col:].decode('utf-8', 'replace')
    return rest.strip(' \t\f\r\n') == '\\'


def _char_offset(buffer: bytes, col: int) -> int:
    # CPython decodes (col + 1) bytes of the buffer with 'replace' and uses the count as the
    # 1-based offset; SyntaxDiagnostic keeps that minus one.
    if buffer.isascii():
        return col
    return len(buffer[:col + 1].decode('utf-8', 'replace')) - 1


class _State:
    """Literal text waiting to become a Constant, and the values built so far."""

    __slots__ = ('text', 'values')

    def __init__(self):
        self.text: list[str] = []
        self.values: list[n.expr] = []


class _Run:
    """One run of adjacent string tokens; mirrors the structure of CPython 3.11's string parser."""

    def __init__(self, parser, tokens: list[Token]):
        self.parser = parser
        self.tokens = tokens
        self.first = tokens[0]
        self.last = tokens[-1]
        self.kind = 'u' if tokens[0].string[:1] == 'u' else None
        # id(text) -> positions in that token text (which the entry keeps alive).
        self._positions: dict[int, _TextPositions] = {}

    # -- positions of the whole run, which 3.11 gives every part of a JoinedStr ---------------

    def _node(self, cls, *fields, at: Token | None = None):
        if at is None:
            first, last = self.first, self.last
        else:
            first = last = at
        return cls(*fields, first.lineno, first.col, last.end_lineno, last.end_col)

    def _constant(self, state: _State, at: Token | None = None) -> None:
        if state.text:
            text = ''.join(state.text)
            state.text = []
            kind = self.kind if at is None else ('u' if at.string[:1] == 'u' else None)
            state.values.append(self._node(n.Constant, text, kind, at=at))

    # -- the run ------------------------------------------------------------------------------

    def build(self) -> n.expr:
        state = _State()
        fmode = False
        bytesmode = False
        chunks: list[bytes] = []
        for index, tok in enumerate(self.tokens):
            text = tok.string
            if '\r' in text:
                text = text.replace('\r\n', '\n').replace('\r', '\n')
            prefix, quote, _ = split_string(text)
            start, end = len(prefix) + len(quote), len(text) - len(quote)
            is_bytes = 'b' in prefix
            raw = 'r' in prefix
            if 'f' in prefix:
                value = None
            elif is_bytes and not text.isascii():
                raise _TokenError('bytes can only contain ASCII literal characters', tok)
            else:
                value = _decode_token(self.parser, text, tok)
            if index and bytesmode != is_bytes:
                raise _StringError('cannot mix bytes and nonbytes literals')
            bytesmode = is_bytes
            if value is None:
                fmode = True
                pos = self._fstring(state, text, start, end, raw, 0, tok)
                if pos < end - 1:
                    raise _StringError('f-string: unexpected end of string')
            elif is_bytes:
                chunks.append(value)
            elif value:
                state.text.append(value)
        if bytesmode:
            return self._node(n.Constant, b''.join(chunks), None)
        if not fmode:
            return self._node(n.Constant, ''.join(state.text), self.kind)
        self._constant(state)
        return self._node(n.JoinedStr, state.values)

    # -- f-strings ----------------------------------------------------------------------------

    def _fstring(self, state: _State, text: str, pos: int, end: int, raw: bool, level: int,
                 tok: Token) -> int:
        """Scan literal parts and fields from `pos`; return where scanning stopped."""
        while True:
            pos, literal, more = self._literal(text, pos, end, raw, level, tok)
            if literal:
                state.text.append(literal)
            if more:
                continue
            if pos >= end or text[pos] == '}':
                break
            pos, node, debug_text = self._field(text, pos, end, raw, level, tok)
            if debug_text:
                state.text.append(debug_text)
            self._constant(state)
            state.values.append(node)
        if level and (pos >= end or text[pos] != '}'):
            raise _StringError("f-string: expecting '}'")
        return pos

    def _literal(self, text: str, pos: int, end: int, raw: bool, level: int,
                 tok: Token) -> tuple[int, str, bool]:
        """The literal text up to the next field: (resume position, decoded text, more)."""
        start = s = pos
        more = False
        stop = end
        while s < end:
            ch = text[s]
            s += 1
            if not raw and ch == '\\' and s < end:
                ch = text[s]
                s += 1
                if ch == 'N':
                    # \N{...} braces are not a field; a malformed \N fails in decoding below.
                    if s < end:
                        s += 1
                        if text[s - 1] == '{':
                            while s < end:
                                s += 1
                                if text[s - 1] == '}':
                                    break
                    continue
                if ch == '{':
                    _warn(self.parser, "invalid escape sequence '\\{'", tok)
            if ch == '{' or ch == '}':
                # Doubled braces are only special at the top level: f'{0:{3}}' ends in '}}'.
                if level == 0:
                    if s < end and text[s] == ch:
                        stop = s
                        pos = s + 1
                        more = True
                        break
                    if ch == '}':
                        raise _StringError("f-string: single '}' is not allowed")
                s -= 1
                break
        if not more:
            stop = pos = s
        if stop == start:
            return pos, '', more
        return pos, _decode_fragment(self.parser, text[start:stop], raw, tok), more

    def _field(self, text: str, pos: int, end: int, raw: bool, level: int,
               tok: Token) -> tuple[int, n.expr, str | None]:
        """One replacement field at text[pos] == '{': (position after it, node, '=' text)."""
        if level >= 2:
            raise _StringError('f-string: expressions nested too deeply')
        brace = pos
        pos += 1
        expr_start = pos
        quote = ''
        triple = False
        stack: list[str] = []
        while pos < end:
            ch = text[pos]
            if ch == '\\':
                raise _StringError('f-string expression part cannot include a backslash')
            if quote:
                if ch == quote:
                    if not triple:
                        quote = ''
                    elif pos + 2 < end and text[pos + 1] == ch and text[pos + 2] == ch:
                        pos += 2
                        quote = ''
            elif ch == '\'' or ch == '"':
                triple = pos + 2 < end and text[pos + 1] == ch and text[pos + 2] == ch
                if triple:
                    pos += 2
                quote = ch
            elif ch == '(' or ch == '[' or ch == '{':
                if len(stack) >= _MAXLEVEL:
                    raise _StringError('f-string: too many nested parenthesis')
                stack.append(ch)
            elif ch == '#':
                raise _StringError("f-string expression part cannot include '#'")
            elif not stack and ch in '!:}=<>':
                if text[pos:pos + 2] in _TWO_CHAR_OPS and pos + 1 < end:
                    pos += 2
                    continue
                if ch == '<' or ch == '>':
                    pos += 1
                    continue
                break
            elif ch == ')' or ch == ']' or ch == '}':
                if not stack:
                    raise _StringError(f"f-string: unmatched '{ch}'")
                opening = stack.pop()
                if opening + ch not in ('()', '[]', '{}'):
                    raise _StringError(f"f-string: closing parenthesis '{ch}' does not match "
                                       f"opening parenthesis '{opening}'")
            pos += 1
        expr_end = pos
        if quote:
            raise _StringError('f-string: unterminated string')
        if stack:
            raise _StringError(f"f-string: unmatched '{stack[-1]}'")
        if pos >= end:
            raise _StringError("f-string: expecting '}'")
        expr = self._expression(text, brace, expr_start, expr_end, tok)
        debug_text = None
        if text[pos] == '=':
            pos += 1
            while pos < end and text[pos] in _SPACE:
                pos += 1
            debug_text = text[expr_start:pos]
        conversion = -1
        if pos < end and text[pos] == '!':
            pos += 1
            if pos >= end:
                raise _StringError("f-string: expecting '}'")
            conversion = ord(text[pos])
            pos += 1
            if conversion not in (115, 114, 97):
                raise _StringError("f-string: invalid conversion character: "
                                   "expected 's', 'r', or 'a'")
        if pos >= end:
            raise _StringError("f-string: expecting '}'")
        spec = None
        if text[pos] == ':':
            pos += 1
            if pos >= end:
                raise _StringError("f-string: expecting '}'")
            spec_state = _State()
            pos = self._fstring(spec_state, text, pos, end, raw, level + 1, tok)
            self._constant(spec_state, at=tok)
            spec = self._node(n.JoinedStr, spec_state.values, at=tok)
        if pos >= end or text[pos] != '}':
            raise _StringError("f-string: expecting '}'")
        pos += 1
        if debug_text and spec is None and conversion == -1:
            conversion = 114
        return pos, self._node(n.FormattedValue, expr, conversion, spec), debug_text

    # -- the expression of a field ------------------------------------------------------------

    def _expression(self, text: str, brace: int, expr_start: int, expr_end: int,
                    tok: Token) -> n.expr:
        source = text[expr_start:expr_end]
        if all(c in _BLANK for c in source):
            stop = text[expr_end]
            if stop in '!:=':
                raise _StringError(f"f-string: expression required before '{stop}'")
            raise _StringError('f-string: empty expression not allowed')
        positions = self._positions.get(id(text))
        if positions is None:
            positions = self._positions[id(text)] = _TextPositions(text)
        lineno, col = _field_origin(positions, brace, tok)
        return _parse_field(self.parser, '(' + source + ')', lineno, col)


class _TextPositions:
    """Lines and UTF-8 byte offsets in one string token's text. Fields are met in increasing
    order, so each lookup costs the text since the previous one (counting from the start of
    the text per field made a long f-string quadratic)."""

    def __init__(self, text: str):
        self.text = text
        self.newlines = [match.start() for match in re.finditer('\n', text)]
        self.ascii = text.isascii()
        self.starts = ByteColumns(text)
        self.braces = ByteColumns(text)

    def line_of(self, index: int) -> int:
        """How many newlines come before `index`."""
        return bisect_left(self.newlines, index)

    def byte_span(self, start: int, stop: int) -> int:
        """The UTF-8 length of text[start:stop]."""
        if self.ascii:
            return stop - start
        return self.braces.at(stop) - self.starts.at(start)


def _field_origin(positions: _TextPositions, brace: int, tok: Token) -> tuple[int, int]:
    """Where 3.11 places line 1, column 0 of a field's parenthesized text: (line, byte column).

    Column: the bytes between the line start (or the token start) and the '{', plus the token's
    own column only when the '{' is on the token's first line; nothing at all when the field's
    first line holds only blanks after the '{'.
    """
    text = positions.text
    lines = positions.line_of(brace)
    after = brace + 1
    while after < len(text) and text[after] in ' \t\f':
        after += 1
    cols = 0
    if not (after < len(text) and text[after] == '\n'):
        line_start = positions.newlines[lines - 1] + 1 if lines else 0
        cols = positions.byte_span(line_start, brace)
    if lines == 0:
        cols += tok.col
    return tok.lineno + lines, cols


def _parse_field(parser, source: str, lineno: int, col: int) -> n.expr:
    """Parse a field's parenthesized text and move the result and its errors into place."""
    from ..lexer import lex

    tokens, lex_errors = lex(source)
    if lex_errors:
        # The tokenizer's own errors: no 'f-string: ' prefix, character columns of `source`.
        err = lex_errors[0]
        _record(parser, _Placed(err.message, err.lineno + lineno - 1, err.col_offset,
                                err.end_lineno + lineno - 1, err.end_col_offset, err.kind))
        raise _Abort
    # A multi-line token on the first line keeps its first-line columns unshifted in 3.11 (the
    # shift applies to tokens *ending* on that line), and so does everything nested inside it.
    barrier = None
    for t in tokens:
        if t.lineno != 1:
            break
        if t.kind == STRING and t.end_lineno > 1:
            barrier = len(source[:t.col].encode('utf-8', 'surrogatepass'))
            break
    errors = parser.errors
    mark = len(errors)
    try:
        node = parser.parse_fstring_expression(source, 1, 0)
    except Exception:  # noqa: BLE001 - the callback should not raise; treat as a syntax error
        node = None
        if len(errors) == mark:
            errors.append(SyntaxDiagnostic('f-string: invalid syntax', 1, 0))
    new = errors[mark:]
    del errors[mark:]
    if new:
        err = new[0]
        if isinstance(err, _Placed):
            # placed in the lines of this field's text (a field nested in it): only its
            # line moves, as in 3.11
            _record(parser, _Placed(err.message, err.lineno + lineno - 1, err.col_offset,
                                    err.end_lineno + lineno - 1, err.end_col_offset,
                                    err.kind))
        else:
            _record(parser, _relocate(err, lineno, col, barrier, source))
        raise _Abort
    if node is None or isinstance(node, n.ErrorExpr):
        _record(parser, _Placed('f-string: invalid syntax', lineno, 0, lineno, 1))
        raise _Abort
    _place_subtree(node, lineno, col, barrier)
    return node


def _relocate(err: SyntaxDiagnostic, lineno: int, col: int, barrier: int | None,
              source: str) -> _Placed:
    """An error from the field's parse, placed as 3.11 reports it.

    3.11 shifts the field's tokens into place and then, for errors, subtracts the first-line
    shift again from both columns; so first-line columns are relative to the parenthesized text
    and later lines come out shifted left (even negative). Columns stay in bytes.
    """
    start = _byte_col(err, err.lineno, err.col_offset, source)
    end = _byte_col(err, err.end_lineno, err.end_col_offset, source)
    if err.lineno != 1 or (barrier is not None and start >= barrier):
        start -= col
    if err.end_lineno != 1 or (barrier is not None and end >= barrier):
        end -= col
    message = err.message
    if not message.startswith('f-string: ') and not isinstance(err, _Local):
        message = 'f-string: ' + message
    return _Placed(message, err.lineno + lineno - 1, start, err.end_lineno + lineno - 1, end,
                   err.kind)


def _byte_col(err: SyntaxDiagnostic, line: int, col: int, source: str) -> int:
    if isinstance(err, _Local) or source.isascii():
        return col
    # Reported through the nested parser's `report`, which made characters of our byte columns
    # against the field's text; undo exactly that.
    lines = source.split('\n')
    text = lines[line - 1] if 1 <= line <= len(lines) else ''
    return len(text[:col].encode('utf-8', 'surrogatepass'))


def _record(parser, err: SyntaxDiagnostic) -> None:
    if getattr(parser, 'in_fstring', False):
        parser.errors.append(err)
        return
    parser.errors.append(SyntaxDiagnostic(err.message, err.lineno, err.col_offset,
                                          err.end_lineno, err.end_col_offset, err.kind))


def _place_subtree(root: n.AST, lineno: int, col: int, barrier: int | None) -> None:
    """Move a field's nodes from the coordinates of its text to the source, 3.11's way."""
    seen = set()
    line_shift = lineno - 1
    for node in n.walk(root):
        if 'lineno' not in node._attributes or id(node) in seen:
            continue
        seen.add(id(node))
        if node.lineno == 1 and (barrier is None or node.col_offset < barrier):
            node.col_offset += col
        if node.end_lineno == 1 and (barrier is None or node.end_col_offset < barrier):
            node.end_col_offset += col
        node.lineno += line_shift
        node.end_lineno += line_shift
