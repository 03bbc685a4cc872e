"""String atoms (concatenation, f-strings): differential tests against 3.11's ast and compile()."""

from __future__ import annotations

import ast
import itertools
import pathlib
import random
import re
import sys
import sysconfig
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interpreter.nodes import to_ast
from interpreter.parser import parse

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 11),
                                reason='the reference is CPython 3.11')


def expected(source: str):
    """What CPython gives: the dumped tree, or ('error', message, lineno, offset)."""
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            tree = ast.parse(source)
        except SyntaxError as exc:
            return ('error', exc.msg, exc.lineno, exc.offset)
    return ast.dump(tree, include_attributes=True)


def actual(source: str):
    """What Memphis gives, in the same form as `expected`."""
    result = parse(source)
    if result.errors:
        err = result.errors[0]
        return ('error', err.message, err.lineno, err.offset)
    return ast.dump(to_ast(result.tree), include_attributes=True)


def check(source: str) -> None:
    assert actual(source) == expected(source), source


# -- hand-picked cases -------------------------------------------------------------------------

VALID = [
    "'a'", '"a"', "'''a'''", '""""""', "''", "u'a'", "U'a'", "'a' u'b'", "u'a' 'b'",
    "b'a' b'c'", "rb'\\d' Br'x'", "'a\\n' 'b'", "r'\\n'", "'\\N{DIGIT ONE}'", "'\\x41\\u00e4'",
    "f''", "f'' ''", "'' f''", "'' f'{x}'", "f'{x}' ''", "f'a' 'b'", "u'a' f'{x}' 'b'",
    "f'{x}'", "f'{x!r}'", "f'{x!s}'", "f'{x!a}'", "f'{x:>10}'", "f'{x:}'", "f'{x!r:}'",
    "f'{x=}'", "f'{x = }'", "f'{x=!s}'", "f'{x=:>4}'", "f'{x=  !r:>{y}}'", "f'a{x=}b'",
    "f'{x:{y}.{z}}'", "f'{x:a{y}b}'", "u'a' f'{x:a{y}b}' 'c'", "f'{{}}'", "f'{x:{{}}}'",
    "f'{{x}}'", "f'a{{b{x}c}}d'", "f'{x}{x}'", "f'{x,y}{*a,}{x for x in y}'",
    "f'{(a, b)}'", "f'{a if b else c}'", "f'{d[\"k\"]}'", "f\"{d['k']}\"", "f'{f\"{y}\"}'",
    "f'{x:%Y-%m-%d %H:%M}'", "f'{(lambda: 1)()}'", "f'{x:=1}'",
    "f'{(x:=1)}'", "f'{a:=}'", "f'{a!=b}'", "f'{a==b}'", "f'{a<b}'", "f'{a>=b}'", "f'{a<=b}'",
    "f'{a>b}'", "f'{ x }'", "f'{\"a\"}'", "f'{yield}'",
    "f'{await x}'", "f'{[1, 2][0]}'", "f'{ {1: 2}[1] }'", "f'{x!r:^{w}.{p}f}'",
    "rf'\\d{x}\\d'", "fr'{x}\\{{'", "Rf'{x}\\n'", "F'{x}'", "f'\\{{x}}'", "f'\\{x}'",
    "f'\\N{DIGIT ONE}{x}'", "f'\\x41{x}\\u00e4'", "f'ä{ä}ü{ö!r:ä{ö}}'", "'ä' f'ä{ä}'",
    "ä = f'{ä}'", "x = ('a'\n     'b'\n     f'{c}')", "x = (f'{a}'\n     f'{b}')",
    "f'''\n{x}\n'''", "f'''a\n  {x} {x}'''", "y = f'''a\n{x}'''", "f'''{\nx}'''",
    "f'''{\nx,y}'''", "ab=f'''ab{x\n+y}'''", "f'''{x:\n>10}'''",
    'zz = f\'\'\'{"""a\nb""" + x}\'\'\'', 'zz = f\'\'\'{ f"""{y}\n""" }\'\'\'',
    'zz = f\'\'\'{ f"""{y}\n""" + f"{y}" + (q,\nw)}\'\'\'',
    "def f():\n    return f'{a}' \\\n        f'{b}'\n", "x = 'a' \\\n 'b'", "f'{x!r}' 'ä' f'{y}'",
    "f'{3.14:.2f}' f'{0x10:#x}'", "f'{x.y.z(1, k=2)}'", "f'{a[1:2, ::3]}'",
    "f'{{{x}}}'", "f'}}{{'", "f'{x}}}'", "f'{{{{x'", "f'{\"}\"}'", "f'{\"{\"}'",
    "x = f'''a\r\n{x}'''\r\n", "x = f'{a}'\r\ny = f'''\r\n  {b!r}\r\n'''\r\n",
    "x = f'''{\r\nx}'''", "x = f'''\r{x}'''", "x = b'''a\r\nb'''", "x = '''a\r\nb'''",
    "x = f'{\fx}'", "if 1:\n\tx = f'\t{x}'", "x = 'a\\\nb' f'{c}'", "x = f'a\\\n{c}'",
    "f'{(lambda x: x)(1)}'", "f'{x:{y:}}'", "rf'\\N{x}'", "x = f'\\\\\\{x}'",
    "f'{x:\"}'", "def f():\n    x = f'''\n    {a!r}\n        {b:>{c}}\n    '''",
    "async def f():\n    x = f'{await a}'", "x = f'{a}' \\\n    f'{b}'",
]

INVALID = [
    "x = f'{}'", "x = f'{}' + 1", "x = (f'{}'\n)", "x = f'{ }' 'a'", "x = f'{a b}'",
    "x = 'ab' f'{a b}'", "xyz = f'{a b}' + 1", "x = f'{a!x}'", "x = f'{a!}'", "x = f'{a!'",
    "x = f'{a'", "x = f'{a:'", "x = f'}'", "x = f'{#}'", "x = f'{\\n}'", "x = f'{a)}'",
    "x = f'{(a}'", "x = f'{(a]}'", "x = f'{a:{b:{c}}}'", "x = f'{\"a}'", "x = f'{!r}'",
    "x = f'{=}'", "x = f'{:x}'", "x = b'a' 'b'", "x = 'a' b'b' 'c'", "x = f'{a=!}'",
    "x = f'{a}}'", "x = f'{a}' f'}'", "x = f'{a:{b}}}'", "x = f'{a!r '", "x = f'{a!rr}'",
    "x = 1\ny = f'{a b}'", "x = 1\ny = f'''\n{a b}'''", "y = f'''abc\n  {a b}'''",
    "y = f'{a +}'", "y = f'{*a}'", "y = f'{lambda x: 1}'", "y = f'{(}'", "y = f'{'a'}'",
    "y = f'{\"a\" \"b\" 1}'", "y = f'{1 if}'", "y = f'ä{a b}'", "y = f'{ä b}'",
    "y = f'''{a\nb c}'''", "y = f'{a = b}'", "y = f'{def}'", "y = f'{a.}'",
    "y = f'{f\"}\"}'", "y = f'{f\"{}\"}'", "y = f'{b\"a\" \"c\"}'", "y = f'{\"a\" b\"c\"}'",
    "y = f'{x:{\"a\" b\"c\"}}'", "y = f'{x:{a b}}'", "y = f'{x:{}}'", "y = f'{x!r=}'",
    "y = f'{x:}}'", "y = f'\\N{x}'", "y = f'\\Nx{x}'", "y = f'\\N'", "y = f'\\N}'",
    "y = f'{f\"{a b}\"}'", "f'{a<'", "f'{a b<'", "f'{x!r:{{}}'", "f'{x}' f'{'",
    "f'{x:{y:{z}}}'", "y =     f'''{a\n b c}'''", "x = 'a\\N{foo}b' + 1",
    "x = b'a' u'\\N{foo}'", "f'{x!r:{y!r:{z}}}'", "f'{{}'", "f'{a:{b}'", "f'{x!}'",
    "f'{x:{{}'", "f'{)}'", "f'{]}'", "f'{x!é}'", "f'{a b}' + f'{c d}'",
    "x = (\n  f'{a b}'\n)", "f'{\"\"\"a}'", "x = f'{}' # ä", "f'{'#'", "ä = 1; y = f'{ä b}'",
    "éé(a, f'{DIGIT TWO}')", "ä = b'''\n'''  'c'", "éé = (b'''\n''', 'c' 'ä' b'')",
    "ä = 'a' \\\n   b'c'", "ä = ('a' \\\n   b'c')", "ä = '''\n''' \\\n   b'c'",
    "x = f'''a\r\n{x b}'''\r\n", "f'{x:\\{}'", "f'{x:a}}b}'", "f'{x!r:{y!r:{z}}}' + 1\n",
    # an error in a field nested in a multi-line field: its line moves by where each
    # enclosing field's text starts (test_exceptions.testSyntaxErrorOffset)
    'f"""\n    {\n    f\'\'\'\n    {\n    (123_a)\n    }\n    \'\'\'\n    }"""',
    'f"""{\nf\'{1_a}\'}"""', 'f"""{\nf\'{x y}\'}"""', "f'''\n{f'''\n{f'''\n{1_a}'''}'''}'''",
]


@pytest.mark.parametrize('source', VALID)
def test_valid(source):
    assert not isinstance(expected(source), tuple), 'the case should be valid'
    check(source)


@pytest.mark.parametrize('source', INVALID)
def test_invalid(source):
    assert isinstance(expected(source), tuple), 'the case should be an error'
    check(source)


def test_conversion_codes_and_debug_text():
    tree = to_ast(parse("f'{a!r}{b!s}{c!a}{d}{e=}{g=:>3}{h = !s}'").tree)
    values = tree.body[0].value.values
    formatted = [v for v in values if isinstance(v, ast.FormattedValue)]
    assert [v.conversion for v in formatted] == [114, 115, 97, -1, 114, -1, 115]
    texts = [v.value for v in values if isinstance(v, ast.Constant)]
    assert texts == ['e=', 'g=', 'h = ']


def test_errors_become_error_nodes():
    from interpreter.nodes import ErrorExpr, walk

    result = parse("x = f'{a!x}'\ny = 1\n")
    assert [e.message for e in result.errors] == [
        "f-string: invalid conversion character: expected 's', 'r', or 'a'"]
    assert any(isinstance(node, ErrorExpr) for node in walk(result.tree))
    assert len(result.tree.body) == 2


def test_never_raises_without_a_full_parser():
    from interpreter.nodes import ErrorExpr
    from interpreter.parser.strings import build_string_atom
    from interpreter.tokens import STRING, Token

    class Bare:
        def __init__(self):
            self.errors = []

    parser = Bare()
    node = build_string_atom(parser, [Token(STRING, "f'{x}'", 1, 0, 1, 6)])
    assert isinstance(node, ErrorExpr)
    assert parser.errors
    node = build_string_atom(Bare(), [Token(STRING, "'a'", 1, 0, 1, 3)])
    assert node.value == 'a'


# -- a generated corpus ------------------------------------------------------------------------

PREFIXES = ['', 'r', 'u', 'R', 'U', 'b', 'br', 'Rb', 'f', 'rf', 'Fr', 'F', 'fR']
QUOTES = ["'", '"', "'''", '"""']
PLAIN_BODIES = ['', 'a', 'ä€', '\\n', '\\x41', '\\u00e4', '\\N{DIGIT ONE}', '\\q', '{}', '{{',
                '}', 'a b', '\\\\', '\\t\\0', '\\777', '\\\n']
FIELD_BODIES = [
    '{x}', '{x!r}', '{x!s:>10}', '{x=}', '{ x = }', '{x=:>{w}}', '{x:{y}.{z}}', '{{}}',
    '{x:{{}}}', 'a{x}b{y}c', '{(a, b)}', '{a, b}', '{x for x in y}', '{ä}ü{ö}',
    '{a if b else c}', '{x:%Y-%m-%d}', '{x!a}', '{x:}', '{0:{1}}', '{x}{x}', '\\n{x}\\t',
    '{a!=b}', '{ä!r:ä{ö}}', '{x}}}', '{{{x}}}', '{x:{y!r}}', '{x=!r:^20}', '{[x, y][0]}',
    '{x:.{p}f}', '{ {1: 2}[1] }', '{x!r:{{}}}', '{a:=1}', '\\{{x}}', '{x}\\N{DIGIT TWO}',
]
MULTILINE_BODIES = ['\n{x}\n', 'a\n  {x +\n y}', '{\nx}', '{x:\n>3}', 'ä\n ö{ä}\n{ö}',
                    '{x}\n  {y!r}', '{\n  x\n}', '  {(a,\n b)}', '{f(\n1)}{g(2,\n)}']
CONTEXTS = ['{}', 'x = {}', 'ä = {}', 'print({})', 'x = ({})', 'def f():\n    return {}\n',
            'x = [\n    {},\n]', 'éé(a, {})']


def _token(prefix: str, quote: str, body: str) -> str | None:
    if '\n' in body and len(quote) == 1:
        return None
    if 'b' in prefix.lower() and not body.isascii():
        return None
    inner = {"'": '"', '"': "'"}[quote[0]]
    return prefix + quote + body.replace('"', inner).replace("'", inner) + quote


def _corpus(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        tokens = []
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            prefix = rng.choice(PREFIXES)
            quote = rng.choice(QUOTES)
            if 'f' in prefix.lower():
                pool = FIELD_BODIES + (MULTILINE_BODIES if len(quote) == 3 else [])
            else:
                pool = PLAIN_BODIES
            body = rng.choice(pool)
            if rng.random() < 0.3:
                body = body + rng.choice(pool)
            tok = _token(prefix, quote, body)
            if tok is not None:
                tokens.append(tok)
        if not tokens:
            continue
        joiner = rng.choice((' ', '', '\n    ' if len(tokens) > 1 else ' '))
        run = joiner.join(tokens)
        context = rng.choice(CONTEXTS)
        if '\n' in joiner and not context.startswith('x = ('):
            run = '(' + run + ')'
        out.append(context.format(run) if '{}' in context else context)
    return out


@pytest.mark.parametrize('chunk', range(8))
def test_generated_corpus(chunk):
    failures = [s for s in _corpus(chunk, 250) if actual(s) != expected(s)]
    assert not failures, failures[:5]


def test_prefix_quote_products():
    sources = []
    for prefix, quote, body in itertools.product(PREFIXES, QUOTES, PLAIN_BODIES + FIELD_BODIES):
        if 'f' not in prefix.lower() and body in FIELD_BODIES:
            continue
        tok = _token(prefix, quote, body)
        if tok is not None:
            sources.append('x = ' + tok)
    failures = [s for s in sources if actual(s) != expected(s)]
    assert not failures, failures[:5]


# -- fuzzing the f-string scanner, errors included -----------------------------------------------

_ALPHABET = list('{}!:=<>()[]#"\' xyrsä.,\\N0') + ['\n', '{x}', '!r', ':>', '{{', '}}']


@settings(max_examples=1500, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(body=st.lists(st.sampled_from(_ALPHABET), max_size=12).map(''.join),
       prefix=st.sampled_from(['f', 'rf', 'f', 'F']),
       quote=st.sampled_from(["'", '"', "'''"]),
       lead=st.sampled_from(['', 'ä = ', 'x = "a" ', '(\n ']))
def test_fuzz_fstrings(body, prefix, quote, lead):
    if len(quote) == 1:
        body = body.replace('\n', ' ')
    # Keep the token whole: what a body that closes the string early does is the lexer's and the
    # statement parser's business.
    body = body.replace(quote[0], {'"': "'", "'": '"'}[quote[0]])
    source = lead + prefix + quote + body + quote + (')' if lead.startswith('(') else '')
    want = expected(source)
    got = actual(source)
    if isinstance(want, tuple) and not want[1].startswith(('f-string', '(unicode error)')):
        # A trailing backslash escaping the closing quote: the lexer's error, not ours.
        assert isinstance(got, tuple), source
        return
    if isinstance(want, tuple) and not _SCANNER_ERROR.match(want[1]):
        # An error of the expression parser inside a field: its wording and position are the
        # expression parser's (tested in test_parser.py); the hand-picked cases above pin down
        # how this module prefixes and places such errors.
        assert isinstance(got, tuple) and got[1].startswith('f-string'), source
        return
    assert got == want, source


_SCANNER_ERROR = re.compile(
    r"(f-string: )*(\(unicode error\)|cannot mix|f-string expression part|f-string: (empty "
    r"expression|expression required|expecting '}'|single '}'|unmatched|closing parenthesis|"
    r"invalid conversion|expressions nested|unterminated string|too many nested|unexpected end))")


# -- the standard library ----------------------------------------------------------------------

def _string_nodes(tree) -> list[str]:
    """Dumps of every outermost string atom (Constant str/bytes or JoinedStr) in the tree."""
    out = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.JoinedStr) or (
                isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes))):
            out.append(ast.dump(node, include_attributes=True))
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))
    return out


def _stdlib_files() -> list[pathlib.Path]:
    root = pathlib.Path(sysconfig.get_paths()['stdlib'])
    return sorted(p for p in root.rglob('*.py') if 'site-packages' not in p.parts)


def _compare_file(path: pathlib.Path) -> str | None:
    data = path.read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            reference = ast.parse(data)
        except (SyntaxError, ValueError):
            return None
    result = parse(data)
    if result.errors:
        return f'{path}: {result.errors[0]!r}'
    ours = _string_nodes(to_ast(result.tree))
    theirs = _string_nodes(reference)
    if ours != theirs:
        for a, b in zip(ours, theirs):
            if a != b:
                return f'{path}:\n  ours   {a[:300]}\n  theirs {b[:300]}'
        return f'{path}: {len(ours)} string atoms, expected {len(theirs)}'
    return None


FSTRING_HEAVY = ['string.py', 'dataclasses.py', 'argparse.py', 'ast.py', 'inspect.py',
                 'typing.py', 'enum.py', 'pprint.py', 'traceback.py', 'unittest/mock.py',
                 'test/test_fstring.py', 'test/test_string_literals.py', 'test/test_unparse.py']


@pytest.mark.parametrize('name', FSTRING_HEAVY)
def test_fstring_heavy_stdlib_files(name):
    path = pathlib.Path(sysconfig.get_paths()['stdlib']) / name
    assert _compare_file(path) is None


@pytest.mark.slow
def test_every_string_in_the_stdlib():
    failures = []
    for path in _stdlib_files():
        problem = _compare_file(path)
        if problem:
            failures.append(problem)
    assert not failures, f'{len(failures)} files differ; first: {failures[:3]}'


# -- the replacement-field callback and what it passes back -------------------------------------

FIELD_ERRORS = [
    "y = f'{ä b}'", "ä = 1; y = f'{ä b}'", "y = f'ä{a b}'", "y = f'''ä\n{ä b}'''",
    "y = f'{x:{ä b}}'", "y = f'{ää(1 2)}'", "éé = f'{a}' f'{ü ö}'", "y = f'{\"ä\" b}'",
]


@pytest.mark.parametrize('source', FIELD_ERRORS)
def test_field_errors_use_the_fields_own_text(source):
    # The nested parser reads the text it is given; non-ASCII fields show whether its
    # character columns refer to that text (no borrowing of `parser.source`).
    check(source)


def test_field_callback_never_touches_parser_source():
    from interpreter.lexer import lex
    from interpreter.parser import Parser
    from interpreter.parser.core import to_byte_columns

    class Watched(Parser):
        def __setattr__(self, name, value):
            if name == 'source' and hasattr(self, 'source'):
                raise AssertionError('parser.source reassigned')
            super().__setattr__(name, value)

    source = "ä = f'{ä b}' + f'{x!r:>{ü}}'\n"
    tokens, _ = lex(source)
    parser = Watched(source, to_byte_columns(source, tokens))
    parser.file()
    # A reassignment would surface as an 'internal error' diagnostic (strings.py never raises).
    assert parser.errors and not any('internal' in e.message for e in parser.errors)


WARNING_SOURCES = [
    "f'{x:\\d}'", "f'{x:{y}\\d}'", "f'''{x:\n\\d}'''", "x = 1\ny = f'{x:\\d}'",
    "f'{x!r:{\"a\":\\d}}'", "y = (f'{x}'\n  f'{x:\\q}')", "y = f'''{x}\n{x!r:\\q{'b'}\n\\w}'''",
    "y = f'{x:{z}\\d}' f'''\n{x!r:\\q}'''", "f'{x}' '\\d'", "f'\\{x}'",
]


@pytest.mark.parametrize('source', WARNING_SOURCES)
def test_field_warnings_match_compile(source):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        compile(source, '<unknown>', 'exec', dont_inherit=True)
    expected = [(str(w.message), w.lineno) for w in caught
                if issubclass(w.category, DeprecationWarning)]
    assert expected, 'the case should warn'
    assert parse(source).warnings == expected
