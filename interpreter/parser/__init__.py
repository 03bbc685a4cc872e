"""The error-recovering recursive-descent parser for Python 3.11: tokens to a `nodes` tree."""

from __future__ import annotations

import sys

from .. import nodes as n
from ..diagnostics import SyntaxDiagnostic
from ..tokens import ENDMARKER, NEWLINE
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

    __slots__ = ('error', 'errors', 'tree', 'warnings')

    def __init__(self, tree, errors: list[SyntaxDiagnostic],
                 warnings: list[tuple[str, int]] | None = None,
                 error: SyntaxDiagnostic | None = None):
        self.tree = tree
        self.errors = errors
        self.warnings = [] if warnings is None else warnings
        # The one error CPython's compile() would raise: usually errors[0], but CPython lets a
        # tokenizer error anywhere in the file override its parser's error.
        self.error = error if error is not None or not errors else errors[0]

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
        body.extend(self.statements(top=True))
        return n.Interactive(body)


_COMPOUND = frozenset(('If', 'While', 'For', 'AsyncFor', 'With', 'AsyncWith', 'Try', 'TryStar',
                       'FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Match'))


def _lex_source(source: str):
    from ..lexer import lex
    return lex(source)


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
            col = (exc.offset or 1) - 1
            return ParseResult(empty(), [SyntaxDiagnostic(str(exc.msg), lineno, max(col, 0))])
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
    tokens, lex_errors = _lex_source(source)
    original = tokens
    tokens, inserted = close_unclosed_brackets(source, tokens, lex_errors, _lex_source)
    tokens = to_byte_columns(source, tokens)
    parser = Parser(source, tokens, filename)
    tree = _run(parser, mode)
    errors = lex_errors + parser.errors
    if lex_errors and parser.errors:
        unclosed_wins = True
        if inserted:
            unclosed_wins = _unclosed_reported_by_cpython(source, original, lex_errors, mode)
        errors = _merge(lex_errors, parser.errors, inserted, unclosed_wins)
    return ParseResult(tree, errors, parser.warnings, _cpython_choice(errors, lex_errors))


def _cpython_choice(errors, lex_errors):
    """The error CPython reports when both its tokenizer and its parser found some.

    After a parser error CPython tokenizes the rest of the file, and a tokenizer error found
    there replaces the parser's; only the parser's own 'unexpected indent' stands.
    """
    if not errors or not lex_errors or errors[0].message == 'unexpected indent':
        return None
    # Only the tokenizer errors CPython raises on the spot count; its indentation errors and
    # "never closed" are reported through the parser, which has already failed.
    tokenizer = [e for e in lex_errors if e in errors and e.kind == 'SyntaxError' and
                 not e.message.endswith('was never closed')]
    return tokenizer[0] if tokenizer else None


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


def _merge(lex_errors, parse_errors, inserted=(), unclosed_wins=True):
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
    kept = [e for e in parse_errors
            if (e.lineno, e.col_offset) not in positions and not (
                e.lineno in other_lines and e.message == 'invalid syntax')
            and e.lineno not in indentation_lines]
    # Errors at or after a closer we inserted are caused by the insertion: drop them.
    cut = {}
    for line, col in inserted:
        cut[line] = min(col, cut.get(line, col))
    kept = [e for e in kept if e.lineno not in cut or e.col_offset < cut[e.lineno]]
    on_bracket_line = [e for e in kept
                       if e.lineno in unclosed and e.col_offset >= unclosed[e.lineno].col_offset]
    if unclosed_wins:
        dropped = {id(e) for e in on_bracket_line}
        kept = [e for e in kept if id(e) not in dropped]
        lex_kept = lex_errors
    else:
        superseded = {id(unclosed[e.lineno]) for e in on_bracket_line}
        lex_kept = [e for e in lex_errors if id(e) not in superseded]
    # On one line CPython's tokenizer errors come before its "never closed", which it only
    # raises on reaching the end of the file.
    return sorted(lex_kept + kept, key=lambda e: (e.lineno, e.message.endswith(
        'was never closed'), e.col_offset))
