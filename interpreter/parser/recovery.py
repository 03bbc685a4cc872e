"""Recovery points: re-reading the source when an unclosed bracket swallowed the lines after it."""

from __future__ import annotations

import re

from ..tokens import DEDENT, ENDMARKER, INDENT, NAME, NEWLINE, Token

__all__ = ['STATEMENT_KEYWORDS', 'close_unclosed_brackets']

# Words that begin a statement: a line starting with one of these at the indentation of the
# line holding an unclosed bracket (or less) is where that bracket's statement must have ended.
STATEMENT_KEYWORDS = frozenset((
    'def', 'class', 'if', 'elif', 'else', 'for', 'while', 'try', 'except', 'finally', 'with',
    'return', 'import', 'from', 'pass', 'raise', 'del', 'global', 'nonlocal', 'assert', 'break',
    'continue', 'async', '@', 'match', 'case', 'yield',
))
# Keywords that continue a compound statement rather than start one.
CLAUSE_KEYWORDS = frozenset(('elif', 'else', 'except', 'finally'))
_CLOSERS = {'(': ')', '[': ']', '{': '}'}
_COMPOUND_HEADER = re.compile(
    r'[ \t]*(?:async[ \t]+)?(?:def|class|if|elif|while|for|with|except|match|case)\b')
_UNCLOSED = re.compile(r"^'([(\[{])' was never closed$")


def ensure_progress(parser, before: int) -> None:
    """Progress guard: a loop turn that consumed no token consumes one, so no input can make
    a parser loop spin forever. `before` is the token index at the start of the turn."""
    if parser.i == before and parser.tok.kind != ENDMARKER:
        parser.advance()


def skip_line(parser) -> None:
    """Sync point: skip to just after the NEWLINE ending the current logical line.

    Stops early at an INDENT or DEDENT that starts a line, so blocks stay balanced.
    """
    toks = parser.toks
    while True:
        kind = parser.tok.kind
        if kind == NEWLINE:
            parser.advance()
            return
        if kind == ENDMARKER:
            return
        if kind in (INDENT, DEDENT) and parser.i > 0 and toks[parser.i - 1].kind == NEWLINE:
            return
        parser.advance()


def close_unclosed_brackets(source: str, tokens: list[Token], lex_errors, lex):
    """Return tokens re-lexed with the never-closed brackets closed where their statement ends.

    Also returns the (line, column) of each closer inserted, so that errors caused by the
    insertion itself can be told from real ones.

    The lexer reports "'(' was never closed" and then runs to the end of the file inside the
    bracket, so no NEWLINE or INDENT tokens follow. We insert the closer at the end of the last
    line that still belongs to the bracket's statement and lex again; the lexer's own error is
    kept and the re-lex's diagnostics are dropped, so the user sees one error at the bracket.
    """
    unclosed = [e for e in lex_errors if _UNCLOSED.match(e.message)]
    if not unclosed:
        return tokens, []
    inserted = []
    lines = source.splitlines(True)
    for _ in range(20):
        err = next((e for e in unclosed), None)
        if err is None:
            break
        opener = _UNCLOSED.match(err.message).group(1)
        line_index = _closing_line(lines, tokens, err.lineno)
        line = lines[line_index]
        body = line.rstrip('\r\n')
        cut = _code_end(body)
        lines[line_index] = body[:cut] + _CLOSERS[opener] + body[cut:] + line[len(body):]
        inserted.append((line_index + 1, cut))
        tokens, again = lex(''.join(lines))
        unclosed = [e for e in again if _UNCLOSED.match(e.message)]
    return tokens, inserted


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(' \t'))


def _closing_line(lines, tokens, lineno):
    """Index of the last line of the statement that holds the bracket opened on `lineno`.

    A compound statement's header ending with ':' on the bracket's own line (`def f(:`) ends
    there: its block and the statements after it then parse as usual.
    """
    header = lines[lineno - 1].rstrip('\r\n')
    # (Closers inserted for inner brackets may follow the ':'.)
    if _COMPOUND_HEADER.match(header) and \
            header[:_code_end(header)].rstrip(')]}').endswith(':'):
        return lineno - 1
    base = _indent(lines[lineno - 1])
    starts = {}
    for tok in tokens:
        if tok.lineno > lineno and tok.lineno not in starts:
            starts[tok.lineno] = tok
    last = lineno - 1
    for index in range(lineno, len(lines)):
        text = lines[index]
        stripped = text.strip()
        if not stripped or stripped.startswith('#'):
            continue
        indent = _indent(text)
        first = starts.get(index + 1)
        word = first.string if first is not None and first.kind == NAME else stripped[:1]
        if indent < base or (indent == base and (word in STATEMENT_KEYWORDS or
                                                 _looks_like_assignment(stripped))):
            return last
        last = index
    return last


def _looks_like_assignment(stripped: str) -> bool:
    return re.match(r'^[A-Za-z_][\w.]*\s*(=[^=]|[-+*/%&|^@]=)', stripped) is not None


def _code_end(body: str) -> int:
    """Where the code of a line ends: before a trailing comment (not one inside a string)."""
    quote = None
    for index, char in enumerate(body):
        if quote:
            if char == quote:
                quote = None
        elif char in '\'"':
            quote = char
        elif char == '#':
            return len(body[:index].rstrip())
    return len(body.rstrip())
