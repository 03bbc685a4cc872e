"""The error-recovering recursive-descent parser for Python 3.11: tokens to a `nodes` tree."""

from __future__ import annotations

import re
import sys

from .. import nodes as n
from ..diagnostics import SyntaxDiagnostic
from ..tokens import DEDENT, ENDMARKER, INDENT, NEWLINE
from .core import ParseError, ParserCore, to_byte_columns
from .expressions import ExpressionRules
from .messages import Msg
from .patterns import PatternRules
from .recovery import close_unclosed_brackets
from .statements import StatementRules

__all__ = ['ParseResult', 'Parser', 'parse']


class ParseResult:
    """What `parse` returns: the tree, every diagnostic in source order, and the
    (message, lineno) of each DeprecationWarning CPython's compiler would emit."""

    __slots__ = ('error', 'error_from_tokenizer', 'errors', 'tree', 'warnings')

    def __init__(self, tree, errors: list[SyntaxDiagnostic],
                 warnings: list[tuple] | None = None,
                 error: SyntaxDiagnostic | None = None, error_from_tokenizer: bool = False):
        self.tree = tree
        self.errors = errors
        self.warnings = [] if warnings is None else warnings
        # The one error CPython's compile() would raise: usually errors[0], but CPython lets a
        # tokenizer error anywhere in the file override its parser's error.
        self.error = error if error is not None or not errors else errors[0]
        # whether CPython's tokenizer raises it (its SyntaxError.text has no line end)
        self.error_from_tokenizer = error_from_tokenizer

    def __repr__(self) -> str:
        return f'ParseResult({type(self.tree).__name__}, {len(self.errors)} errors)'


class Parser(StatementRules, PatternRules, ExpressionRules, ParserCore):
    """One parse of one source text."""

    # file: [statements] ENDMARKER
    def file(self):
        body = self.statements(top=True)
        return n.Module(body, [])

    # eval: expressions NEWLINE* ENDMARKER
    def eval_input(self):
        try:
            body = self.expressions()
            while self.tok.kind == NEWLINE:
                self.advance()
            if self.tok.kind != ENDMARKER:
                self.fail(Msg.INVALID_SYNTAX, self.tok)
        except ParseError:
            tok = self.tok
            body = n.ErrorExpr([], tok.lineno, tok.col, tok.end_lineno, tok.end_col)
        return n.Expression(body)

    # interactive: statement_newline
    def interactive(self):
        body = []
        if self.tok.kind != ENDMARKER:
            try:
                stmt = self.statement()
                body = stmt if type(stmt) is list else [stmt]
            except ParseError:
                body = [self.recover_statement(self.toks[0])]
        if self.tok.kind != ENDMARKER and not self.errors:
            last = self.toks[self.i - 1]
            if last.kind == NEWLINE and body and type(body[-1]).__name__ not in _COMPOUND:
                self.error(Msg.SINGLE_MULTIPLE, last)
            else:
                self.error(Msg.INVALID_SYNTAX, self.tok)
        elif body and not self.errors and type(body[-1]).__name__ in _COMPOUND:
            last = self.toks[self.i - 1]
            if last.kind == NEWLINE and not last.string:
                # single_input is `compound_stmt NEWLINE`, and compile() adds no line end in
                # 'single' mode: a compound statement whose last body is on its header line
                # at the end of the text has used the one NEWLINE (CPython reports (line, 0))
                self.report(Msg.INVALID_SYNTAX, last.lineno, 0, last.lineno, 1).without_column()
        body.extend(self.statements(top=True))
        return n.Interactive(body)


_COMPOUND = frozenset(('If', 'While', 'For', 'AsyncFor', 'With', 'AsyncWith', 'Try', 'TryStar',
                       'FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Match'))


def _lex_source(source: str, warnings: list | None = None):
    from ..lexer import lex
    return lex(source, warnings=warnings)


def _decode(data: bytes) -> str:
    from ..source import decode_source

    return decode_source(data)


def parse(source: str | bytes, filename: str = '<unknown>', mode: str = 'exec') -> ParseResult:
    """Parse `source`; return the tree and all syntax errors. Never raises."""
    empty = {'eval': lambda: n.Expression(n.ErrorExpr([], 1, 0, 1, 0)),
             'single': lambda: n.Interactive([])}.get(mode, lambda: n.Module([], []))
    if isinstance(source, (bytes, bytearray)):
        try:
            source = _decode(bytes(source))
        except SyntaxError as exc:
            lineno = 1 if exc.lineno is None else exc.lineno
            col = max((exc.offset or 1) - 1, 0)
            diagnostic = SyntaxDiagnostic(str(exc.msg), lineno, col)
            if exc.end_lineno is not None and exc.end_offset is not None:
                # CPython's end may equal the start (an empty NEWLINE token): kept for the
                # exception, at least one character for editors
                diagnostic.end_lineno = exc.end_lineno
                diagnostic.cpython_end_col_offset = exc.end_offset - 1
                diagnostic.end_col_offset = max(exc.end_offset - 1, col + 1) \
                    if exc.end_lineno == lineno else exc.end_offset - 1
            return ParseResult(empty(), [diagnostic])
        except (UnicodeDecodeError, LookupError) as exc:
            return ParseResult(empty(), [SyntaxDiagnostic(str(exc), 1, 0)])
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(max(limit, 12000))
        return _parse_text(source, filename, mode)
    except RecursionError:
        return ParseResult(empty(), [SyntaxDiagnostic(
            Msg.RECURSION, 1, 0)])
    except Exception as exc:  # noqa: BLE001 - parse must never raise; a bug becomes a diagnostic
        return ParseResult(empty(), [SyntaxDiagnostic(
            Msg.INTERNAL.format(f'{type(exc).__name__}: {exc}'), 1, 0)])
    finally:
        sys.setrecursionlimit(limit)


def _parse_text(source: str, filename: str, mode: str) -> ParseResult:
    lex_warnings: list = []
    tokens, lex_errors = _lex_source(source, lex_warnings)
    _unclosed_in_bytes(source, lex_errors)
    original = tokens
    tokens, inserted = close_unclosed_brackets(source, tokens, lex_errors, _lex_source)
    char_tokens = tokens
    tokens = to_byte_columns(source, tokens)
    parser = Parser(source, tokens, filename)
    tree = _run(parser, mode)
    errors = lex_errors + parser.errors
    if lex_errors and parser.errors:
        unclosed_wins = True
        if inserted:
            unclosed_wins = _unclosed_reported_by_cpython(source, original, lex_errors, mode)
        errors = _merge(lex_errors, parser.errors, inserted, unclosed_wins,
                        _echo_starts(char_tokens, lex_errors))
    if mode == 'eval':
        errors = _trailing_indent(source, errors, lex_errors)
    elif mode == 'single' and not errors:
        errors = _single_trailing_blanks(source, tree, char_tokens)
    # The tokenizer's warnings (numbers glued to keywords) and the parser's (invalid escapes),
    # in source order, as CPython's parser meets them reading tokens.
    warnings = sorted([*((w.message, w.lineno, w.kind, w.col_offset) for w in lex_warnings),
                       *parser.warnings], key=lambda warning: warning[1])
    choice = _cpython_choice(errors, lex_errors, parser.reach_end)
    error = choice if choice is not None else errors[0] if errors else None
    return ParseResult(tree, errors, warnings, choice,
                       _raised_by_tokenizer(error, lex_errors, source))


_TRAILING_BLANKS = re.compile(r'(?:\A|(?<!\\)(?:\r\n|\n|\r))([ \t]+)\Z')


def _trailing_blanks(source):
    """(line, blanks) of the blanks that end `source` on a line of their own, or None."""
    match = _TRAILING_BLANKS.search(source)
    if match is None:
        return None
    line = source.count('\n', 0, match.start(1)) + 1 if '\r' not in source else \
        len(source[:match.start(1)].splitlines()) + 1
    return line, match.group(1)


def _indentation_error(message, line, blanks):
    return SyntaxDiagnostic(message, line, len(blanks) - 1, line, len(blanks),
                            'IndentationError').without_end()


def _trailing_indent(source, errors, lex_errors):
    """compile(..., 'eval') does not add the final newline that 'exec' does, so blanks that end
    the text make an indented line and CPython reports 'unexpected indent' there."""
    found = _trailing_blanks(source)
    if found is None or any(e.kind == 'SyntaxError' for e in lex_errors):
        return errors
    line, blanks = found
    return [e for e in errors if e.lineno < line] + \
        [_indentation_error(Msg.UNEXPECTED_INDENT, line, blanks)]


def _single_trailing_blanks(source, tree, tokens):
    """compile(..., 'single') adds no final newline either: blanks that end the text are an
    indented line, which CPython's parser reads when it looks past the statement (a compound
    one, or none): deeper than the open blocks, 'unexpected indent'; at one of their levels,
    no NEWLINE is left for single_input (invalid syntax at column 0); else an unindent that
    matches no level."""
    found = _trailing_blanks(source)
    if found is None or (tree.body and type(tree.body[0]).__name__ not in _COMPOUND):
        return []
    line, blanks = found
    last = len(tokens) - 1
    while last > 0 and tokens[last].kind in (DEDENT, ENDMARKER):
        last -= 1
    levels = [0]
    for tok in tokens[:last + 1]:
        if tok.kind == INDENT:
            levels.append(len(tok.string.expandtabs(8)))
        elif tok.kind == DEDENT:
            levels.pop()
    width = len(blanks.expandtabs(8))
    if width > levels[-1]:
        return [_indentation_error(Msg.UNEXPECTED_INDENT, line, blanks)]
    if width in levels:
        return [SyntaxDiagnostic(Msg.INVALID_SYNTAX, line, 0, line, len(blanks)).without_column()]
    return [_indentation_error(Msg.UNINDENT_MISMATCH, line, blanks)]


def _cpython_choice(errors, lex_errors, reach_end=None):
    """The error CPython reports when both its tokenizer and its parser found some.

    After a parser error CPython tokenizes on from where its parser stopped, up to the
    tokenizer's next error: one it raises on the spot (a bad number, an unterminated string,
    an unmatched bracket...) replaces the parser's error. Its indentation errors, the line
    continuation error and "never closed" only end that scan (they are reported through the
    parser, which has already failed), and the parser's own 'unexpected indent' stands. A
    tokenizer error up to `reach_end`, where the parser stopped reading, is one CPython met
    while parsing: that one is reported whatever its kind.
    """
    if not errors or not lex_errors:
        return None
    first = errors[0]
    if any(first is e for e in lex_errors if not e.message.endswith('was never closed')):
        return None
    # The tokenizer reports "never closed" on reaching the end of the file: after the others.
    ordered = sorted((e for e in lex_errors if not e.message.endswith('was never closed')),
                     key=lambda e: (e.lineno, e.col_offset))
    if not ordered:
        return None
    after = ordered[0]
    if reach_end is not None and (after.lineno, after.col_offset) <= reach_end:
        return after
    if first.message == 'unexpected indent' or after.kind != 'SyntaxError' or \
            after.message in _REPORTED_THROUGH_PARSER:
        return None
    return after


# Tokenizer errors CPython's parser reports when it meets them, not on the spot.
_REPORTED_THROUGH_PARSER = frozenset((
    'unexpected character after line continuation character', 'unexpected EOF while parsing'))


def _unclosed_in_bytes(source: str, lex_errors) -> None:
    """"'(' was never closed" is raised by CPython's parser at its tokenizer's bracket column,
    which stays in bytes when it parses a file (see SyntaxDiagnostic.file_columns)."""
    lines = None
    for error in lex_errors:
        if not error.message.endswith('was never closed') or error.file_columns is not None:
            continue
        if lines is None:
            from ..source import split_lines

            lines = split_lines(source)
        line = lines[error.lineno - 1] if 0 < error.lineno <= len(lines) else ''
        if line.isascii():
            continue
        column = len(line[:error.col_offset].encode('utf-8', 'surrogatepass'))
        error.file_columns = (column, column + 1)


def _raised_by_tokenizer(error, lex_errors, source: str) -> bool:
    """Whether CPython's tokenizer raises `error` itself, with its line (no line end) as the
    text, rather than its parser, whose text is its tokenizer's buffer (with the line end)
    unless the tokenizer has read past that line, as it has for a bracket never closed
    before the last line."""
    if error is None or not any(error is e for e in lex_errors):
        return False
    if error.message.endswith('was never closed'):
        return error.lineno < len(source.rstrip('\r\n').splitlines())
    return error.kind == 'SyntaxError' and error.message not in _REPORTED_THROUGH_PARSER


def _run(parser, mode):
    if mode == 'eval':
        return parser.eval_input()
    if mode == 'single':
        return parser.interactive()
    return parser.file()


def _unclosed_reported_by_cpython(source, tokens, lex_errors, mode) -> bool:
    """Would CPython report "'(' was never closed" rather than its parser's error?

    It does when its parser, reading on past the bracket's line (inside a bracket the lines
    run together), failed on a later line than the bracket's. We find out by parsing the
    unpatched tokens once more and looking at how far the first error read.
    """
    bracket = next(e for e in lex_errors if e.message.endswith('was never closed'))
    probe = Parser(source, to_byte_columns(source, tokens))
    _run(probe, mode)
    if not probe.errors:
        return True
    return probe.reach_line is None or probe.reach_line > bracket.lineno


def _echo_starts(tokens, lex_errors):
    """For each line with a lexer error: the column of the token the lexer was reading when it
    failed. A parser error before that column is the parser's own; at or after, an echo."""
    lines = {e.lineno for e in lex_errors if not e.message.endswith('was never closed')}
    on_line: dict[int, list[int]] = {}
    for tok in tokens:
        if tok.lineno in lines and tok.string:
            on_line.setdefault(tok.lineno, []).append(tok.col)
    starts = {}
    for err in lex_errors:
        if err.lineno not in lines:
            continue
        before = [col for col in on_line.get(err.lineno, ()) if col <= err.col_offset]
        col = max(before) if before else err.col_offset
        starts[err.lineno] = min(col, starts.get(err.lineno, col))
    return starts


def _merge(lex_errors, parse_errors, inserted=(), unclosed_wins=True, echo_starts=None):
    """Both lists in source order, less the parser's echoes of what the lexer reported.

    A parser error at a lexer error's position, or on the line of a lexer error other than an
    unclosed bracket, is an echo of it (the parser tripped over the lexer's ERRORTOKEN). On an
    unclosed bracket's line, either the bracket error stands and the parser's errors there
    (before the closer we inserted) are artifacts, or CPython's parser stopped on that line
    before its tokenizer reached the end of the file and the parser's error is the one to keep.
    """
    unclosed = {e.lineno: e for e in lex_errors if e.message.endswith('was never closed')}
    if not unclosed_wins and not any(e.lineno in unclosed for e in parse_errors):
        # The parser's first error is on another line than the bracket: keep both.
        unclosed_wins = True
    positions = {(e.lineno, e.col_offset) for e in lex_errors
                 if e.lineno not in unclosed or unclosed[e.lineno] is not e}
    other_lines = {e.lineno for e in lex_errors if e.lineno not in unclosed}
    indentation_lines = {e.lineno for e in lex_errors if e.kind != 'SyntaxError'}
    echo_starts = echo_starts or {}
    kept = [e for e in parse_errors
            if (e.lineno, e.col_offset) not in positions and not (
                e.lineno in other_lines and e.message == 'invalid syntax' and
                e.col_offset >= echo_starts.get(e.lineno, 0))
            and e.lineno not in indentation_lines]
    # Errors at or after a closer we inserted are caused by the insertion: drop them.
    cut = {}
    for line, col in inserted:
        cut[line] = min(col, cut.get(line, col))
    kept = [e for e in kept if e.lineno not in cut or e.col_offset < cut[e.lineno]]
    if unclosed_wins:
        # CPython reported the bracket instead of its parser's error on that line.
        on_bracket_line = [e for e in kept if e.lineno in unclosed]
    else:
        on_bracket_line = [e for e in kept if e.lineno in unclosed and
                           e.col_offset >= unclosed[e.lineno].col_offset]
    if unclosed_wins:
        dropped = {id(e) for e in on_bracket_line}
        kept = [e for e in kept if id(e) not in dropped]
        lex_kept = lex_errors
    else:
        superseded = {id(unclosed[e.lineno]) for e in on_bracket_line}
        lex_kept = [e for e in lex_errors if id(e) not in superseded]
    # On one line CPython's tokenizer errors come before its "never closed", which it only
    # raises on reaching the end of the file, and its indentation errors (found at the start
    # of the line, whatever column they name) before the others.
    indentation = {id(e) for e in lex_kept if e.kind != 'SyntaxError'}
    return sorted(lex_kept + kept, key=lambda e: (e.lineno, e.message.endswith(
        'was never closed'), id(e) not in indentation, e.col_offset))
