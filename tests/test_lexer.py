"""Tests for interpreter.lexer: differential against `tokenize` and `compile()`, plus fuzzing."""

from __future__ import annotations

import io
import os
import random
import sys
import time
import token as stdlib_token
import tokenize
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interpreter.lexer import MAXINDENT, MAXLEVEL, lex
from interpreter.tokens import (
    COMMENT,
    DEDENT,
    ENDMARKER,
    ERRORTOKEN,
    INDENT,
    KIND_NAMES,
    NAME,
    NEWLINE,
    NL,
    NUMBER,
    OP,
    STRING,
)

STDLIB = os.path.dirname(os.__file__)


def stdlib_files() -> list[str]:
    out = []
    for root, dirs, files in os.walk(STDLIB):
        dirs[:] = sorted(d for d in dirs if d not in ('site-packages', '__pycache__'))
        out.extend(os.path.join(root, f) for f in sorted(files) if f.endswith('.py'))
    return out


def read_source(path: str) -> str | None:
    """The file's text with its newlines untouched (tokenize reads files in binary mode)."""
    with open(path, 'rb') as fh:
        data = fh.read()
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError):
        return None


def reference_tokens(src: str) -> list[tuple] | None:
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(src, newline='').readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    return [(stdlib_token.tok_name[t.type], t.string, t.start, t.end) for t in toks]


def our_tokens(src: str, trivia: bool = True) -> list[tuple]:
    toks, _ = lex(src, trivia=trivia)
    return [(KIND_NAMES[t.kind], t.string, (t.lineno, t.col), (t.end_lineno, t.end_col))
            for t in toks]


def compiles(src: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            compile(src, 'f', 'exec', dont_inherit=True)
        except (SyntaxError, ValueError):
            return False
    return True


# --- the standard library, token for token ------------------------------------------------------

@pytest.mark.slow
def test_stdlib_matches_tokenize():
    """Every stdlib file CPython compiles lexes exactly as `tokenize` tokenizes it.

    Deliberate deviations, skipped here:
    * a lone CR ends a line for us (as for CPython); `tokenize` only splits lines at LF;
    * `tokenize` spells names as `\\w+`, so an identifier with a character outside `\\w` that
      CPython accepts (U+00B7, variation selectors, ...) comes out of it as NAME + ERRORTOKEN;
      we give one NAME, as CPython does.
    """
    compared = 0
    mismatches = []
    for path in stdlib_files():
        src = read_source(path)
        if src is None:
            continue
        ref = reference_tokens(src)
        if ref is None:
            continue  # tokenize rejects it; the error tests cover invalid code
        toks, diags = lex(src, trivia=True)
        mine = [(KIND_NAMES[t.kind], t.string, (t.lineno, t.col), (t.end_lineno, t.end_col))
                for t in toks]
        compared += 1
        if mine == ref and not diags:
            continue
        # Only now pay for compile(): invalid code and the deviations above are not mismatches.
        if (not compiles(src) or any(kind == 'ERRORTOKEN' for kind, *_ in ref)
                or '\r' in src.replace('\r\n', '')):
            continue
        first = next(i for i, (a, b) in enumerate(zip(mine + [None], ref + [None])) if a != b)
        mismatches.append((path, first, mine[first:first + 2], ref[first:first + 2], diags[:2]))
    assert compared > 1500
    assert not mismatches, mismatches[:5]


def test_stdlib_trivia_false_drops_comments_and_nl():
    for path in stdlib_files()[::7]:
        src = read_source(path)
        if src is None:
            continue
        full = [t for t in our_tokens(src) if t[0] not in ('COMMENT', 'NL')]
        assert our_tokens(src, trivia=False) == full, path


def test_stdlib_with_crlf_newlines_matches_tokenize():
    for path in stdlib_files()[::25]:
        src = read_source(path)
        if src is None or '\r' in src:
            continue
        src = src.replace('\n', '\r\n')
        ref = reference_tokens(src)
        if ref is None or any(kind == 'ERRORTOKEN' for kind, *_ in ref) or not compiles(src):
            continue
        assert our_tokens(src) == ref, path


EDGE_CASES = [
    '', 'x', 'x\n', 'x\n   ', 'x\n  # c', '# c', '# c\n', 'x  # c', 'if 1:\n  x\n', 'if 1:\n  x',
    'if 1:\n  x\n  ', 'x = (1,\n\n  # c\n 2)\n', 'x\r\ny\r\n', '\f  x\n', 'x = 1 \\\n  + 2\n',
    'if 1:\n  x\n\n# c\n  \ny\n', 'if 1:\n\tx\n\ty\n', 'if 1:\n        x\n\tz\n', 'x = 1 \\\n\n',
    'x = """a\nb"""', 'x = """a\nb"""\n', "x = 'a\\\nb'\n", 'x = f"{a!r:>{w}}"\n', "rb'x' Rb'y' bR'z'",
    'x = 0x_f + 0o_7 + 0b_1 + 1_0.0_1e+1_0j + .5 + 5. + 1e5 + 1E-5j + 0 + 00 + 0_0\n',
    'a->b; a:=b; a**=b; a//=b; a>>=b; a<<=b; a@=b; a!=b; ...; a.b\n', '@dec\ndef f(): pass\n',
    'x = [\n1,\n2,\n]\n', 'def f():\n    """doc"""\n    return 1\n', 'class C:\n\n    pass\n\n\n',
    'x = 1;\n', 'ε = 1\n', 'print(u"x", b"y", br"z", rb"w", f"v", fr"u", rf"t")\n', 'x = 1\n\f\ny = 2\n',
    'if x:\n    pass\n  # c\n', 'x\n\n\n', '\n', '\n\n', ' ', '  \n', '\t\n', '#', '\\\nx\n',
    'x = (\n  1\n)  # c\n', 'match x:\n    case 1:\n        pass\n', "'''\n'''\n", "x = ''", 'x = """"""',
    'x = 1\n    # c\n', 'if 1:\n  if 2:\n    x\n', 'if 1:\n  if 2:\n    x\ny\n',
]


@pytest.mark.parametrize('src', EDGE_CASES)
def test_edge_cases_match_tokenize(src):
    assert our_tokens(src) == reference_tokens(src)


def test_bom_is_skipped():
    assert our_tokens('\ufeffx = 1\n') == our_tokens('x = 1\n')


def test_lone_cr_ends_lines():
    toks, diags = lex('x = 1\ry = 2\r')
    assert not diags
    assert [(t.string, t.lineno, t.col) for t in toks if t.kind == NAME] == [('x', 1, 0),
                                                                             ('y', 2, 0)]


def test_unicode_identifiers_are_one_name():
    toks, diags = lex('a·b = x\U000e0100\n')
    assert not diags
    assert [t.string for t in toks if t.kind == NAME] == ['a·b', 'x\U000e0100']


def test_kinds_are_token_kinds():
    toks, _ = lex('def f(x):\n    return x  # c\n', trivia=True)
    kinds = [t.kind for t in toks]
    assert kinds == [NAME, NAME, OP, NAME, OP, OP, NEWLINE, INDENT, NAME, NAME, COMMENT, NEWLINE,
                     DEDENT, ENDMARKER]
    assert {NUMBER, STRING, NL} <= set(KIND_NAMES)


# --- errors, against compile() -------------------------------------------------------------------

# Snippets CPython rejects in its tokenizer. The first diagnostic must match compile()'s error.
BAD_SNIPPETS = [
    'x = 1\\\n',  # a continuation with nothing after it: tokenize rejects it too
    '1abc', 'x = 1e', '0_7', '012', '0x', '0o8', '0b2', '1__0', '\x01', 'x = \v 1', 'x = 1 \\',
    'x = 1 \\ 2', '€', 'a\xa0b', 's = "abc', 's = """abc\n\n', 's = """abc\n\nx', '(\n', '(]', '(\n]',
    ')', '(' * (MAXLEVEL + 1), 'if 1:\n  x\n y\n', 'if 1:\n\tx\n        y\n', '1.real',
    'if 1:\n  x\n yy = 1\n', 'if 1:\n  x\n yy = 1  \r\n', 'if 1:\n        x\n\ty\n',
    'if 1:\n\tx\n  \ty\n', 's = "abc\\\ndef', 'x = """abc\n', 'x = """abc', '(\nx\n',
    'x = (1,\n [2,\n', 's = ("abc\n', 'x = 1\n\\', 'x = 1\n  \\\n', '\\', '\\\n', 'x \\  \n', '1_', '1e+',
    '1e+x', '0b', '0b1_', '0o', '0o1a', '0xg', '1.e', '1j2', '0_', '0e', '5_j', '.5x', '1.5_', '0b1a',
    '0b12', '0o19', 'x = rb"abc', 'x = f"abc\n', "x = b'''abc\n",
    'if 1:\n' + ''.join(' ' * i + 'if 1:\n' for i in range(1, MAXINDENT)) + ' ' * MAXINDENT + 'x\n',
    'x = 0x_', 'x = 0x1__2', 'x = 1_000_', 'x = 00_1', 'x = 0_0_1', 'x = 0777', 'x = 09.5x',
    'x = 1e5j_', 'x = 1.0e', 'x = 1.0e-', 'x = 1.0e-a', 'x = 12abc', '[1, 2)', '{1: (2]}', 'foo(]\n',
    'x = ]', 'x = "a" "b', 'def f():\n\tif x:\n        \ty\n', 'a\u200bb = 1', 'π = 1\nä€ = 2',
    'x = ½', 'x = 1 ⁄ 2', '\u3000x', 'x = 1\n\u00a0', 'x = "\\N{foo', "x = '''\n'''\n'",
    'x = (\n  1\n', 'x = [(\n', '((((\n]', 'x = 0_b1', 'x = 1_e5', 'x = 1e_5', 'x = 1__', 'x = 0o',
    'x = 0O9', 'x = 0b102', '0xx', '00', '0_0', '0.', '0j', '0e0j', 'x = 1\n  \\\n  \\\n', 'f(\n  x =\n',
    'x = "\\', "x = '\\\n", 'x = 0b1__0', 'x = 0o1_', 'x = 0x1_', 'x = 1.__class__', 'x = 1_.5',
    'x = 1._5', 'x = 1e1_', 'x = 0e1_', 'x = 0jj', 'x = 0_j', 'x = 08j', 'x = 08e1', 'x = 08.', 'x = 08',
    'x = 0b1e', 'x = 0o7e1', 'x = 0xe_', 'x = 0.e', 'x\x00 = 1', 'x = "\x00"',
    'if 1:\n\tif 2:\n  \t  x\n', 'if 1:\n \tx\n\t y\n', 'if 1:\n\t x\n \ty\n', 'x = (1 \\ )',
    '}', 'x = {]', '(((())))' + ')', 'x = 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 + €',
    'if 1:\n\tx\n\t\\\n', 'x = [\n  "a\n', '"""', "'''\n", 'x = 1 +\\\n', 'f(\n"""\n',
    'if 1:\n \tx\n  \ty\n', 'if 1:\n\t\tx\n\t        y\n', 'if 1:\n        x\n\t\ty\n',
    'if 1:\n\tx\n\x0c\ty\n', '#!x\n\\\n', 'x = 0b', 'x = 0x', '0b_', '0x_1_', '1_e',
    'x = 1.5e+3j_', '1__2.0', '0_0_0_9', '09_9', '0_9', '0e_', '0.0_', '0b1__1', '12e1_2_',
    '3.14j_', 'x = 5 if 1else 4', 'x = 1and 2', '1or 2', '1not in x', '[0x1for x in y]',
    '0b1if 1 else 2', '0x1else', '1in x', '1is x', '1_if x else y', 'x = "\\\n', 'x = "abc\\\\',
    "b'\\\n'", 'x = u"\\\r\n', 'a = (1,\n  2]\n', 'a = [1,\n  2)\n', 'print("x"))', ']', 'x = }',
    'x = {1: 2)}', '\xa0x = 1', 'x = 1\xa0', '\u200b', '\u2028', 'x\u3000= 1', '\x7f', '\x1b',
    'x = "\x7f"', 'á = 1', '́a = 1', 'ℕ = 1', '℘ = 1', '·a', 'a· = 1', '१ = 1', 'x१ = 1',
]


def compile_error(src: str) -> SyntaxError | None:
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            compile(src, 'f', 'exec', dont_inherit=True)
        except SyntaxError as exc:
            return exc
    return None


@pytest.mark.parametrize('src', BAD_SNIPPETS)
def test_errors_match_compile(src):
    exc = compile_error(src)
    toks, diags = lex(src)
    assert toks[-1].kind == ENDMARKER
    if exc is None:
        assert not diags
        return
    assert diags, (src, exc.msg)
    first = diags[0]
    assert (first.message, first.kind) == (exc.msg, type(exc).__name__)
    if exc.lineno is not None:  # the null-byte error has no position in CPython
        assert (first.lineno, first.offset) == (exc.lineno, exc.offset)
        # CPython's end is sometimes -1 or 0 (unknown); where it is real, ours is the same.
        if exc.end_offset is not None and exc.end_offset > 0:
            assert (first.end_lineno, first.end_offset) == (exc.end_lineno, exc.end_offset)


# Errors CPython reports from its parser, not its tokenizer: the lexer must stay silent.
PARSER_ERRORS = ['x = 1else 2', 'x = 0xfor', 'x = 1 $ 2', '\tx = 1\n', 'x = 1\r  y\r', '  \\\nx',
                 'x = .e5', 'x = 1.2.3', '0b1.5', '1.5j.5', 'if x:\npass\n', 'x = ?', 'x = !a',
                 'x = `a`', 'print "x"', 'f(**)',
                 'x = 1 if 1 else2']


@pytest.mark.parametrize('src', PARSER_ERRORS)
def test_parser_errors_are_not_lexical(src):
    assert compile_error(src) is not None
    assert lex(src)[1] == []


def test_error_recovery_reports_every_error_and_keeps_going():
    src = 'a = 1abc\nb = "open\nc = €\nd = (]\ne = 0o8\nf = ok\n'
    toks, diags = lex(src)
    assert [d.lineno for d in diags] == [1, 2, 3, 4, 5]
    assert [d.message for d in diags] == [
        'invalid decimal literal', 'unterminated string literal (detected at line 2)',
        "invalid character '€' (U+20AC)",
        "closing parenthesis ']' does not match opening parenthesis '('",
        "invalid digit '8' in octal literal",
    ]
    names = [t.string for t in toks if t.kind == NAME]
    assert names == ['a', 'b', 'c', 'd', 'e', 'f', 'ok']
    assert sum(t.kind == NEWLINE for t in toks) == 6
    assert [t.string for t in toks if t.kind == ERRORTOKEN] == ['1abc', '"open', '€', '0o8']


def test_unclosed_bracket_reported_at_bracket_and_statement_still_ends():
    toks, diags = lex('x = foo(1,\n  2\n')
    assert [(d.message, d.lineno, d.col_offset) for d in diags] == [
        ("'(' was never closed", 1, 7)]
    assert [t.kind for t in toks[-2:]] == [NEWLINE, ENDMARKER]


def test_deep_nesting_is_not_recursive():
    depth = 100_000
    toks, diags = lex('x = ' + '(' * depth + ')' * depth + '\n')
    assert len(toks) == 2 * depth + 4
    assert [d.message for d in diags] == ['too many nested parentheses']


def test_deep_indentation_reports_once_per_line():
    src = ''.join(' ' * i + 'if 1:\n' for i in range(MAXINDENT + 5)) + ' ' * (MAXINDENT + 5) + 'x\n'
    _, diags = lex(src)
    assert {d.message for d in diags} == {'too many levels of indentation'}


# Messages CPython's tokenizer produces (the parser's own messages are not the lexer's business).
LEXICAL_MESSAGES = (
    'invalid decimal literal', 'invalid hexadecimal literal', 'invalid octal literal',
    'invalid binary literal', 'invalid imaginary literal', 'invalid digit', 'leading zeros',
    'unterminated', 'unmatched', 'closing parenthesis', 'was never closed', 'too many',
    'invalid character', 'invalid non-printable', 'unexpected EOF while parsing',
    'unexpected character after line continuation', 'unindent does not match',
    'inconsistent use of tabs', 'source code string cannot contain null bytes',
)
MUTATION_SEEDS = [
    'def f(a, b=1, *c, **d):\n    return a + b\n', 'x = [1, 2.5, 0x1f, "s", b\'b\']\n',
    'if x:\n\ty = (1,\n\t     2)\nelse:\n    z = {1: 2}\n',
    'class C:\n    """doc\n    more"""\n    x = 1e5j\n', 'while 1:\n  pass  # c\n',
    'print(rb"\\d" \'a\\\nb\')\n', 'x = 0o17 + 0b101 + 1_000 + .5\n',
]
MUTATION_ALPHABET = list('\'"#\\\n\t ()[]{}0123456789._xobeJjrRbB€\xa0:=;$!') + ['\r\n', '  ']


@pytest.mark.parametrize('seed', range(4))
def test_mutated_snippets_first_error_matches_compile(seed):
    """Random edits of small programs: whenever compile() fails with a tokenizer message, the
    lexer's first diagnostic is that message at that place; when it compiles, no diagnostics."""
    rng = random.Random(seed)
    checked = 0
    for _ in range(2500):
        chars = list(rng.choice(MUTATION_SEEDS))
        for _ in range(rng.randrange(1, 4)):
            i = rng.randrange(len(chars) + 1)
            op = rng.randrange(3)
            if op == 0 and i < len(chars):
                del chars[i]
            elif op == 1:
                chars.insert(i, rng.choice(MUTATION_ALPHABET))
            elif i < len(chars):
                chars[i] = rng.choice(MUTATION_ALPHABET)
        src = ''.join(chars)
        exc = compile_error(src)
        _, diags = lex(src)
        if exc is None:
            assert not diags, src
            continue
        if not exc.msg.startswith(LEXICAL_MESSAGES):
            continue
        checked += 1
        assert diags, (src, exc.msg)
        first = diags[0]
        assert (first.message, first.lineno, first.offset) == (exc.msg, exc.lineno, exc.offset), src
    assert checked > 500


# --- fuzzing --------------------------------------------------------------------------------------

def line_offsets(src: str) -> list[int]:
    """Start offset of each line, splitting at CRLF, CR and LF as CPython does."""
    starts = [0, 0]
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == '\r' and i + 1 < n and src[i + 1] == '\n':
            i += 1
        if c in '\r\n':
            starts.append(i + 1)
        i += 1
    return starts


def check_invariants(src: str, trivia: bool = True) -> None:
    start = time.perf_counter()
    toks, diags = lex(src, trivia=trivia)
    assert time.perf_counter() - start < 2.0, 'lexing took too long'
    assert toks and toks[-1].kind == ENDMARKER
    assert all(t.kind != ENDMARKER for t in toks[:-1])
    starts = line_offsets(src.removeprefix('\ufeff'))
    body = src.removeprefix('\ufeff')
    previous = (1, 0)
    for t in toks:
        assert (t.lineno, t.col) >= previous, (t, previous)
        assert (t.end_lineno, t.end_col) >= (t.lineno, t.col)
        previous = (t.lineno, t.col)
        if t.string and t.kind not in (DEDENT, ENDMARKER):
            a = starts[t.lineno] + t.col
            b = starts[t.end_lineno] + t.end_col
            assert body[a:b] == t.string, (t, body[a:b])
    for d in diags:
        assert d.lineno >= 1 and d.message


def test_fuzz_random_bytes():
    rng = random.Random(1234)
    for _ in range(3000):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(60)))
        check_invariants(data.decode('latin-1'))


def test_fuzz_mutated_stdlib():
    rng = random.Random(99)
    alphabet = '\'"#\\\n\r\t\f ()[]{}0123456789._xobjeJrRbBfFu€\xa0\x00\u3000:=;'
    files = stdlib_files()
    for _ in range(300):
        src = read_source(rng.choice(files)) or ''
        if len(src) > 20000:
            a = rng.randrange(len(src) - 20000)
            src = src[a:a + 20000]
        chars = list(src)
        for _ in range(rng.randrange(1, 20)):
            if not chars:
                break
            i = rng.randrange(len(chars))
            op = rng.randrange(3)
            if op == 0:
                del chars[i]
            elif op == 1:
                chars.insert(i, rng.choice(alphabet))
            else:
                chars[i] = rng.choice(alphabet)
        check_invariants(''.join(chars), trivia=rng.random() < 0.5)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list('\'"#\\\n\r\t\f ()[]{}01789._xobjeJrRbBfFu€ a:=')),
               max_size=80))
def test_fuzz_hypothesis_python_like_text(src):
    check_invariants(src)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fuzz_hypothesis_any_text(src):
    check_invariants(src)


def test_pathological_inputs_are_linear():
    for src in ['"' + 'a' * 200_000, "'''" + 'a' * 200_000, '(' * 200_000, '\\' * 100_000,
                "'" * 100_001, '"\\' * 100_000, '1' * 200_000 + 'x', '0' * 100_000 + '9',
                '€' * 100_000, ' ' * 100_000 + 'x', '#' * 200_000, 'x' * 200_000 + "'",
                '\t' * 50_000 + 'x\n' + ' ' * 3 + 'y\n', 'rb' * 50_000 + "'"]:
        check_invariants(src)


def test_never_raises_on_surrogates_and_odd_characters():
    for src in ['\ud800', 'x = "\udcff"', '\U0010ffff', '\x85x', '\u2028', '\x1b[31m', 'a\u0300']:
        check_invariants(src)


if __name__ == '__main__':  # pragma: no cover
    sys.exit(pytest.main([__file__, '-q']))
