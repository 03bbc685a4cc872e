"""The parser's token cursor, position helpers, error reporting and target (ctx) checking.

Callback contract with `interpreter.parser.strings` (the strings agent's module):

* `build_string_atom(parser, tokens) -> expr` receives a run of adjacent STRING tokens. In the
  tokens the parser hands out, `col`/`end_col` are UTF-8 *byte* offsets (the parser converts
  non-ASCII lines once, up front), so positions can be copied to nodes as they are.
* `parser.parse_fstring_expression(source, lineno, col_offset_bytes) -> expr` parses the text of
  one replacement field as `star_expressions` in a nested parser (`in_fstring` set). strings.py
  passes the field wrapped in parentheses, as 3.11 does, with line 1 and column 0, and moves
  the nodes into place itself; the first line is placed at `lineno`/`col_offset_bytes`, later
  lines keep their own columns. Errors inside get the prefix 'f-string: ' and land in
  `parser.errors` with character columns of `source` (as placed at `lineno`/`col_offset_bytes`);
  the result is then an ErrorExpr. DeprecationWarnings of the nested parse are appended to
  `parser.warnings`.
* `parser.report(message, lineno, col_offset_bytes, end_lineno=None, end_col_offset_bytes=None)`
  records a diagnostic (byte columns, as in the tokens; the parser converts to characters).
* `parser.identifier(text) -> str` NFKC-normalizes a name.
* `parser.warnings` is a list; DeprecationWarnings CPython would emit go there as
  (message, lineno) and come out as `ParseResult.warnings`.
"""

from __future__ import annotations

from .. import nodes as n
from ..diagnostics import SyntaxDiagnostic
from ..source import split_lines
from ..tokens import DEDENT, ENDMARKER, ERRORTOKEN, INDENT, NEWLINE, Token
from .messages import Msg

__all__ = ['ByteColumns', 'ParseError', 'ParserCore', 'to_byte_columns']

LOAD, STORE, DEL = n.LOAD, n.STORE, n.DEL


class ParseError(Exception):
    """Unwinds to the nearest recovery point; the diagnostic is already recorded."""


def to_byte_columns(source: str, tokens: list[Token]) -> list[Token]:
    """Copy the tokens that sit on non-ASCII lines with their columns in UTF-8 bytes."""
    if source.isascii():
        return tokens
    # Lines as the tokenizer counts them (`str.splitlines` also breaks at U+2028 and \x0c).
    lines = split_lines(source)
    nonascii = {}
    for number, line in enumerate(lines, 1):
        if not line.isascii():
            nonascii[number] = ByteColumns(line)
    if not nonascii:
        return tokens
    get = nonascii.get
    out = []
    for tok in tokens:
        first = get(tok.lineno)
        last = get(tok.end_lineno)
        if first is None and last is None:
            out.append(tok)
            continue
        col = tok.col if first is None else first.at(tok.col)
        end = tok.end_col if last is None else last.at(tok.end_col)
        out.append(Token(tok.kind, tok.string, tok.lineno, col, tok.end_lineno, end))
    return out


class ByteColumns:
    """Character columns of one line to UTF-8 byte columns. Tokens ask in increasing order, so
    each answer encodes only the text since the previous one (encoding the line up to the
    column for each token made a long line quadratic)."""

    __slots__ = ('byte', 'char', 'line')

    def __init__(self, line: str):
        self.line = line
        self.char = self.byte = 0

    def at(self, col: int) -> int:
        if col < self.char:
            self.char = self.byte = 0
        self.byte += len(self.line[self.char:col].encode('utf-8', 'surrogatepass'))
        self.char = col
        return self.byte


class ParserCore:
    """Cursor over the token list plus the helpers every rule module uses."""

    def __init__(self, source: str, tokens: list[Token], filename: str = '<unknown>'):
        self._source = source
        # (blank lines, blank columns) still to be put before `source` (see `place`).
        self._placement: tuple[int, int] | None = None
        self.filename = filename
        # Padding ENDMARKERs let lookahead read past the end without bounds checks.
        last = tokens[-1]
        pad = Token(ENDMARKER, '', last.end_lineno, last.end_col, last.end_lineno, last.end_col)
        self.toks = tokens + [pad, pad, pad]
        self.i = 0
        self.tok = self.toks[0]
        self.errors: list[SyntaxDiagnostic] = []
        # The line of the furthest token read when the first error was found (CPython compares
        # it with an unclosed bracket's line to choose which error to report).
        self.reach_line: int | None = None
        # The end (line, character column) of the token the parser was looking at when it found
        # its first error: a tokenizer error up to there is one CPython met while parsing.
        self.reach_end: tuple[int, int] | None = None
        # The furthest token index a look-ahead probe read before the first error: CPython's
        # second pass read as far, and reading the end of the file inside an unclosed bracket
        # makes it report that bracket.
        self.probe_reach = 0
        # (message, lineno) of CPython's compile-time DeprecationWarnings (invalid escapes).
        self.warnings: list[tuple[str, int]] = []
        self._lines: list[str] | None = None
        self.depth = 0
        # The greatest `depth` reached so far (see parser.memo).
        self.deepest = 0
        self.block_depth = 0
        self.in_fstring = False
        # Scratch state of single rules, kept here so every attribute is declared in one place:
        # the last if/while condition (for "Maybe you meant '=='"), the unparenthesized sole
        # generator argument of a call and its 'for', the columns of unparenthesized yields
        # in an assignment chain, the index of the token after an assignment's last '=', the
        # index after an operand's first atom.
        self._cond_node = None
        self._bare_genexp = None
        self._genexp_for = None
        self._yield_starts: dict[int, int] = {}
        self._value_start = 0
        self._operand_end = 0
        # The index of the last 'not' that followed an operand without 'in' after it.
        self.stray_not = -1
        # (first token, token it failed at) of the last attempt at a match statement that
        # turned out to be something else.
        self.match_reach: tuple[Token, Token] | None = None
        # token index -> how a bracketed atom failed there (see parser.memo), and how
        # many failures were replayed from it rather than parsed again.
        self.failed_atoms: dict[int, tuple] = {}
        self.replayed_atoms = 0

    @property
    def source(self) -> str:
        if self._placement is not None:
            lines, cols = self._placement
            self._source = '\n' * lines + ' ' * cols + self._source
            self._placement = None
        return self._source

    def place(self, lines: int, cols: int) -> None:
        """Read the source as if `lines` blank lines and `cols` blanks came before it (an
        f-string field's place in its file). The text is built only if an error needs it:
        building it for every field of a long line made that line quadratic."""
        self._placement = (lines, cols)

    # -- cursor -------------------------------------------------------------------------------

    def advance(self) -> Token:
        tok = self.tok
        self.i += 1
        self.tok = self.toks[self.i]
        return tok

    def peek(self, k: int = 1) -> Token:
        return self.toks[self.i + k]

    @property
    def prev(self) -> Token:
        return self.toks[self.i - 1]

    def last_solid(self) -> Token:
        """The last consumed token that is not NEWLINE/INDENT/DEDENT: where a statement ends."""
        j = self.i - 1
        toks = self.toks
        while j > 0 and toks[j].kind in (NEWLINE, INDENT, DEDENT, ENDMARKER):
            j -= 1
        return toks[j]

    def expect(self, string: str) -> Token:
        tok = self.tok
        if tok.string == string and tok.kind != 3:
            self.i += 1
            self.tok = self.toks[self.i]
            return tok
        self.fail_expected(string)

    def fail_expected(self, string: str):
        """Fail where `string` was required: CPython names a ':' missing at the end of a line
        and calls everything else plain invalid syntax."""
        tok = self.tok
        if string == ':' and tok.kind == NEWLINE:
            self.fail(Msg.EXPECTED.format(string), tok)
        self.fail(Msg.INVALID_SYNTAX, tok)

    # -- errors -------------------------------------------------------------------------------

    def line_text(self, lineno: int) -> str:
        if self._lines is None:
            self._lines = self.source.splitlines(True)
        if 1 <= lineno <= len(self._lines):
            return self._lines[lineno - 1]
        return ''

    def char_col(self, lineno: int, col: int) -> int:
        line = self.line_text(lineno)
        if line.isascii():
            return col
        return len(line.encode('utf-8', 'surrogatepass')[:col].decode('utf-8', 'ignore'))

    def report(self, message: str, lineno: int, col_offset: int, end_lineno: int | None = None,
               end_col_offset: int | None = None, kind: str = 'SyntaxError') -> SyntaxDiagnostic:
        """Record a diagnostic and return it; columns are bytes, as in the parser's tokens."""
        col = self.char_col(lineno, col_offset)
        if end_lineno is None:
            end_lineno, end_col = lineno, col + 1
            end_col_offset = col_offset + 1
        else:
            end_col = self.char_col(end_lineno, end_col_offset)
        if self.reach_end is None:
            tok = self.tok
            if tok.kind in (INDENT, DEDENT):
                # CPython meets a backslash in the indentation before its INDENT or DEDENT.
                j = self.i
                while self.toks[j].kind in (INDENT, DEDENT):
                    j += 1
                if self.toks[j].kind == ERRORTOKEN and self.toks[j].string == '\\':
                    tok = self.toks[j]
                else:
                    # The parser read nothing of the line beyond the indentation.
                    tok = Token(tok.kind, '', tok.lineno, tok.col, tok.lineno, tok.col)
            self.reach_end = (tok.end_lineno, self.char_col(tok.end_lineno, tok.end_col))
        if self.reach_line is None:
            self.reach_line = max(lineno, end_lineno, self.tok.lineno if self.tok.kind not in
                                  (NEWLINE, ENDMARKER, DEDENT, INDENT) else lineno)
            probed = self.toks[self.probe_reach]
            if probed.kind == ENDMARKER or probed.kind == NEWLINE and \
                    self.toks[self.probe_reach + 1].kind == ENDMARKER:
                self.reach_line = max(self.reach_line, probed.lineno + 1)
            elif self.probe_reach:
                self.reach_line = max(self.reach_line, probed.lineno)
        if self.in_fstring and not message.startswith('f-string'):
            message = 'f-string: ' + message
        diagnostic = SyntaxDiagnostic(message, lineno, col, end_lineno, end_col, kind)
        if (col, end_col) != (col_offset, end_col_offset) and not self.in_fstring:
            # Parsing a file, CPython leaves its parser's columns in bytes.
            diagnostic.file_columns = (col_offset, end_col_offset)
        self.errors.append(diagnostic)
        return diagnostic

    def error(self, message: str, start, end=None, kind: str = 'SyntaxError', after=False):
        """Record an error spanning token/node `start`..`end` (or just after `start`)."""
        if after:
            line, col = start.end_lineno, getattr(start, 'end_col', None)
            if col is None:
                col = start.end_col_offset
            self.report(message, line, col, line, col + 1, kind)
            return
        if isinstance(start, Token):
            if message == Msg.INVALID_SYNTAX and end is None:
                start = self._first_pass_reach(start)
            if start.kind in (INDENT, DEDENT) and end is None:
                self.report_at_indentation(message, start, kind)
                return
            line, col = start.lineno, start.col
            if start.kind == NEWLINE and end is None:
                col = self._newline_col(start)
        else:
            line, col = start.lineno, start.col_offset
        end = end or start
        if isinstance(end, Token):
            eline, ecol = end.end_lineno, end.end_col
        else:
            eline, ecol = end.end_lineno, end.end_col_offset
        if isinstance(start, Token) and start.kind in (NEWLINE, ENDMARKER) and end is start:
            spans_comment = start.kind == NEWLINE and col < start.col
            # CPython's NEWLINE token after a comment spans the comment.
            ecol = start.col if spans_comment else col + 1
            diagnostic = self.report(message, line, col, line, ecol, kind)
            # Otherwise CPython's NEWLINE token is empty (the exception's end_offset equals its
            # offset) and its ENDMARKER has no end at all.
            if start.kind == ENDMARKER:
                diagnostic.without_end().at_end_of_file()
            elif not spans_comment:
                diagnostic.without_end(diagnostic.offset)
            return
        self.report(message, line, col, eline, ecol, kind)

    def report_at_indentation(self, message, tok, kind='SyntaxError'):
        """An error at an INDENT or DEDENT: CPython's token has no column there and it takes the
        tokenizer's, with no +1: the end of the indentation, or of the file's last line."""
        if tok.kind in (DEDENT, ENDMARKER):
            j = self.i if self.tok is tok else self.toks.index(tok)
            while self.toks[j].kind == DEDENT:
                j += 1
            tok = self.toks[j]
            line, col = tok.lineno, tok.col
            if tok.kind == ENDMARKER:
                # The tokenizer stands at the end of the last line (compile() adds a newline).
                lines = self.source.splitlines() or ['']
                line, col = len(lines), len(lines[-1].encode('utf-8', 'surrogatepass')) + 1
        else:
            line, col = tok.lineno, tok.end_col
        diagnostic = self.report(message, line, col, kind=kind)
        diagnostic.col_offset -= 1
        # CPython's INDENT/DEDENT/ENDMARKER token has no end either.
        diagnostic.without_end()
        if tok.kind == ENDMARKER:
            diagnostic.at_end_of_file()
        elif diagnostic.file_columns is not None:
            diagnostic.file_columns = (col - 1, col)

    def _first_pass_reach(self, tok):
        """Where CPython reports plain invalid syntax instead of at `tok`: the furthest token
        its first pass read, when that pass read past `tok` (the token after a stray 'not',
        or where an attempt at a match statement failed)."""
        toks = self.toks
        if self.stray_not >= 0 and tok is toks[self.stray_not]:
            return toks[self.stray_not + 1]
        if self.match_reach is not None:
            first, reach = self.match_reach
            here = (tok.lineno, tok.col)
            if (first.lineno, first.col) <= here < (reach.lineno, reach.col):
                return reach
        return tok

    def _newline_col(self, tok) -> int:
        """CPython's NEWLINE token after a comment starts where the comment does."""
        index = self.i if tok is self.tok else _index_of(self.toks, tok)
        if index > 0:
            prev = self.toks[index - 1]
            if prev.end_lineno == tok.lineno:
                line = self.line_text(tok.lineno).encode('utf-8', 'surrogatepass')
                hash_at = line.find(b'#', prev.end_col, tok.col)
                if hash_at >= 0:
                    return hash_at
        return tok.col

    def unexpected_indent_error(self, tok):
        # CPython points at the last character of the indentation.
        col = max(tok.end_col - 1, 0)
        self.report(Msg.UNEXPECTED_INDENT, tok.lineno, col, tok.lineno, col + 1,
                    'IndentationError').without_end()

    def fail_unexpected_indent(self, tok):
        self.unexpected_indent_error(tok)
        raise ParseError

    def fail(self, message: str, start, end=None, kind: str = 'SyntaxError', after=False):
        self.error(message, start, end, kind, after)
        raise ParseError

    # -- nodes --------------------------------------------------------------------------------

    @staticmethod
    def identifier(text: str) -> str:
        if text.isascii():
            return text
        import unicodedata  # only for non-ASCII names: its tables cost every start-up memory

        return unicodedata.normalize('NFKC', text)

    def set_ctx(self, node, ctx, what='assign'):
        """Turn a parsed (Load) expression into an assignment or del target, or fail."""
        cls = type(node)
        if cls is n.Name:
            # `__debug__` targets are the compile stage's error (interpreter.scopes), as in CPython.
            node.ctx = ctx
        elif cls is n.Attribute or cls is n.Subscript:
            node.ctx = ctx
        elif cls is n.Tuple or cls is n.List:
            node.ctx = ctx
            # "Maybe you meant '=='" only fits a whole target, not an element of one.
            inner = 'assign' if what == 'assign-here' else what
            for elt in node.elts:
                self.set_ctx(elt, ctx, inner)
        elif cls is n.Starred and what != 'del':
            node.ctx = ctx
            self.set_ctx(node.value, ctx, 'assign' if what == 'assign-here' else what)
        elif cls is n.ErrorExpr:
            pass
        else:
            described = describe(node)
            if what == 'del':
                self.fail(Msg.DELETE.format(described), node)
            if what == 'assign-here' and cls in _HERE_KINDS and described not in (
                    'True', 'False', 'None') and not (cls is n.UnaryOp and
                                                      type(node.op) is n.Not):
                self.fail(Msg.ASSIGN_TO_HERE.format(described), node)
            self.fail(Msg.ASSIGN_TO.format(described), node)
        return node


# Targets CPython's invalid_named_expression rule catches (a bitwise_or followed by '='); those
# get "Maybe you meant '=='"; the rest (comparisons, lambdas, ...) a plain "cannot assign to".
_HERE_KINDS = frozenset((n.Call, n.Constant, n.BinOp, n.UnaryOp, n.ListComp, n.SetComp,
                         n.DictComp, n.Dict, n.Set, n.Await, n.JoinedStr))

_DESCRIPTIONS = {
    n.Tuple: 'tuple', n.List: 'list', n.Name: 'name', n.Attribute: 'attribute',
    n.Subscript: 'subscript',
    n.Call: 'function call', n.Compare: 'comparison', n.BinOp: 'expression',
    n.UnaryOp: 'expression', n.BoolOp: 'expression', n.Lambda: 'lambda',
    n.IfExp: 'conditional expression', n.NamedExpr: 'named expression', n.Await: 'await expression',
    n.Yield: 'yield expression', n.YieldFrom: 'yield expression', n.Dict: 'dict literal',
    n.Set: 'set display', n.ListComp: 'list comprehension', n.SetComp: 'set comprehension',
    n.DictComp: 'dict comprehension', n.GeneratorExp: 'generator expression',
    n.JoinedStr: 'f-string expression', n.FormattedValue: 'f-string expression',
    n.Starred: 'starred', n.Slice: 'slice',
}


def describe(node) -> str:
    """CPython's name for an expression kind in 'cannot assign to ...' messages."""
    if type(node) is n.Constant:
        value = node.value
        if value is None or value is True or value is False:
            return str(value)
        if value is Ellipsis:
            return 'ellipsis'
        return 'literal'
    return _DESCRIPTIONS.get(type(node), 'expression')


def _index_of(tokens: list, tok) -> int:
    """The index of the token object `tok` in `tokens` (-1 if it is not there)."""
    for index, candidate in enumerate(tokens):
        if candidate is tok:
            return index
    return -1
