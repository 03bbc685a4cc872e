"""Error recovery and error messages of interpreter.parser, differential against CPython."""

from __future__ import annotations

import ast
import random
import signal
import sysconfig
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from interpreter import nodes as n
from interpreter.parser import parse

STDLIB = Path(sysconfig.get_paths()['stdlib'])


@contextmanager
def time_limit(seconds: int):
    """Fail instead of hanging: pytest-timeout may not be installed."""
    def on_alarm(signum, frame):
        raise TimeoutError(f'parse took longer than {seconds}s')
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def checked_parse(source, seconds: int = 10):
    with time_limit(seconds):
        result = parse(source)
    # parse() turns its own bugs into an 'internal parser error' diagnostic; none may occur.
    assert not any(e.message.startswith('internal parser error') for e in result.errors)
    return result


# -- recovery ---------------------------------------------------------------------------------

def test_three_independent_errors_give_three_errors():
    source = 'x = (1 2)\ny = 3\ndef f(:\n    pass\nz = 1 +\nw = 4\n'
    result = checked_parse(source)
    assert [e.lineno for e in result.errors] == [1, 3, 5]


def test_three_errors_in_blocks():
    source = ('def f():\n    return 1 2\n\n'
              'class A:\n    x = = 1\n\n'
              'for i in range(3):\n    print(i +)\n')
    result = checked_parse(source)
    assert [e.lineno for e in result.errors] == [2, 5, 8]


def test_missing_colon_is_one_error():
    source = 'if x\n    y = 1\n    z = 2\nw = 3\n'
    result = checked_parse(source)
    assert [(e.message, e.lineno) for e in result.errors] == [("expected ':'", 1)]
    tree = result.tree
    assert type(tree.body[0]) is n.If and len(tree.body[0].body) == 2
    assert type(tree.body[1]) is n.Assign


@pytest.mark.parametrize('header', ['while x', 'for a in b', 'def f()', 'class A', 'with a',
                                    'elif_ = 1\nif a', 'try:\n    pass\nfinally', 'else_ = 1\nwhile a'])
def test_missing_colon_after_any_header(header):
    source = f'{header}\n    pass\nafter = 1\n'
    result = checked_parse(source)
    assert [e.message for e in result.errors] == ["expected ':'"]
    assert type(result.tree.body[-1]) is n.Assign


def test_unclosed_bracket_reports_once_and_parses_the_rest():
    source = 'x = foo(1,\n    2\n\ndef g():\n    return 1\n\ny = [1, 2]\n'
    result = checked_parse(source)
    assert [(e.message, e.lineno, e.col_offset) for e in result.errors] == [
        ("'(' was never closed", 1, 7)]
    kinds = [type(s) for s in result.tree.body]
    assert kinds[-2:] == [n.FunctionDef, n.Assign]


def test_unclosed_bracket_inside_function():
    source = 'def f():\n    x = [1, 2\n    return x\n\ndef g():\n    pass\n'
    result = checked_parse(source)
    assert [e.message for e in result.errors] == ["'[' was never closed"]
    assert [type(s) for s in result.tree.body] == [n.FunctionDef, n.FunctionDef]


def test_unexpected_indent_keeps_the_block():
    result = checked_parse('x = 1\n    y = 2\nz = 3\n')
    assert [(e.message, e.lineno) for e in result.errors] == [('unexpected indent', 2)]
    assert type(result.tree.body[-1]) is n.Assign


def test_error_nodes_stand_where_code_was_skipped():
    result = checked_parse('x = 1\n1 +* 2\ny = 2\n')
    assert [type(s) for s in result.tree.body] == [n.Assign, n.ErrorStmt, n.Assign]


def test_error_is_cpythons_choice_and_errors_stay_in_source_order():
    # CPython lets a tokenizer error anywhere override its parser's error; `.error` is that
    # choice while `.errors` keeps every error in source order.
    result = checked_parse('x = (1 2)\ny = 3)\n')
    assert [e.lineno for e in result.errors] == [1, 2]
    assert (result.error.message, result.error.lineno) == ("unmatched ')'", 2)


def test_errors_are_in_source_order():
    result = checked_parse('a = (1\nb = 1 2\nc = )\n')
    lines = [e.lineno for e in result.errors]
    assert lines == sorted(lines)


# -- deep nesting and hostile input ------------------------------------------------------------

@pytest.mark.parametrize('source', [
    '(' * 5000 + ')' * 5000,
    '[' * 5000,
    '-' * 10000 + '1',
    'not ' * 10000 + 'x',
    'x' + '+x' * 100000,
    ''.join(' ' * i + 'if x:\n' for i in range(100)) + ' ' * 100 + 'pass\n',
    '2' + '**2' * 5000,
    'f' + '(' * 1000 + ')' * 1000,
    'x' + '.a' * 20000,
    'x' + '[0]' * 5000,
    'lambda: ' * 3000 + 'x',
    'a if b else ' * 3000 + 'c',
], ids=lambda source: f'{source[:12]!r}x{len(source)}')
def test_deep_nesting_never_raises(source):
    result = checked_parse(source, 30)
    assert result.tree is not None
    for error in result.errors:
        assert 'Recursion' not in error.message


def test_deep_brackets_give_cpythons_error():
    result = checked_parse('(' * 300 + ')' * 300)
    assert result.errors[0].message == 'too many nested parentheses'


def test_invalid_bytes_do_not_raise():
    result = parse(b'# coding: no-such-codec\nx = 1\n')
    assert result.errors and type(result.tree).__name__ == 'Module'
    result = parse(b'x = "\xff\xfe"\n')
    assert result.errors


# -- messages: differential against compile() -------------------------------------------------

BROKEN = [
    'if x\n    pass\n', "print 'hello'\n", 'f() = 1\n', '1 = x\n', 'f(a=1, b)\n',
    'def f(a=1, b): pass\n', 'if x = 1:\n    pass\n', 'try:\n    pass\nx = 1\n', 'del f()\n',
    '*a = 1\n', 'def f(*, **k): pass\n', 'x = (1, 2\ny = 3\n', 'x = )\n', 'if x:\npass\n',
    '  x = 1\n', 'a b\n', 'f(a b)\n', '[a b]\n', 'x = 1 +\n', 'for x in y\n    pass\n',
    'while x\n    pass\n', 'def f()\n    pass\n', 'class A\n    pass\n', 'x = [1, 2\n', 'foo(\n',
    'a + = 1\n', 'lambda x=1, y: x\n', 'f(**k, *a)\n', 'f(**k, a)\n', 'x += 1, 2 = 3\n',
    '(a, b) += 1\n', 'import a.b as\n', 'from x import a,\n', 'def f():\n    return\n  x = 1\n',
    'else:\n    pass\n', 'x = 1 if y\n', 'print x\n', "exec 'x'\n", 'True = 1\n', 'None += 1\n',
    'x: int, y: int = 1, 2\n', '[x for x in y] = 1\n', 'f(x for x in y, 1)\n', '{1: }\n',
    "x = {'a': 1 'b': 2}\n", 'try:\n    pass\nexcept A, B:\n    pass\n', 'x = yield = 1\n',
    'a.b: int, c = 1\n', 'del x + 1\n', '(*a) = 1\n', 'if True:\n    pass\n  else:\n    pass\n',
    'def f(**k, a): pass\n', 'f(a for a in b for)\n', 'x = 1 2\n', 'a = 1; b = 2 3; c = 4\n',
    'import\n', 'from . import\n', 'class A(x for x in y): pass\n',
    'for x in range(10):\n    pass\nelse\n    pass\n', 'x = [i for i in range(10) if]\n',
    'f(1,,2)\n', 'a[1:2:3:4]\n', 'def f(x):\n\n', '@dec\nx = 1\n', 'x = 5 + * 3\n',
    'a = b = c = \n', 'if x:\n    pass\nelif:\n    pass\n', 'x := 1\n', '(x.y := 1)\n',
    'def f(x):\n', 'class A:\n', 'with a:\n', 'while x:\n', 'for x in y:\n', 'try:\n',
    'x = (1 +\n', 'f(a, b\nx = 1\n', 'x = [\n', 'x = 1)\n', 'x = ]\n', '}\n', 'a, b += 1\n',
    'f() += 1\n', 'x = lambda: yield\n', 'def f(a, *, b=1, *c): pass\n', 'def f(/): pass\n',
    'def f(a, /, /): pass\n', 'def f(*a, /): pass\n', 'def f(**a=1): pass\n',
    'def f(*a=1): pass\n', 'del *a\n', 'del [a, *b]\n', 'for 1 in x: pass\n',
    'with a as 1: pass\n', 'import a as b.c\n', 'from x import (a\n', 'x = not\n',
    'x = a if b else\n', 'x = [1, 2, 3\nprint(x)\n', 'd = {1: 2, 3}\n', 'async x = 1\n',
    'def f(x y): pass\n', 'class A(B C): pass\n', 'f(x=1, x)\n', 'f(x=)\n', 'f(=1)\n',
    'x = 0777\n', 'x = 1__0\n', 'x = 1.e\n', 'x = $\n', 'match x:\n    case 1:\n    pass\n',
    'match x:\ncase 1: pass\n',
    'try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n',
    'try:\n    pass\nexcept* :\n    pass\n', 'if x:\n    pass\n else:\n    pass\n',
    'def f():\n\tif x:\n        pass\n', 'print(x for x in y, z)\n', 'x = {**a: 1}\n',
    'x = [**a]\n', 'f(**)\n', 'a = 1 = b\n', 'x.y = = 1\n', 'not x = 1\n', 'x < y = 1\n',
    'lambda: 1 = 1\n', '[x, y] : int\n', '(x, y): int\n', "x = 'unterminated\n",
    "x = '''unterminated\n", 'def f[T](): pass\n', 'type X = int\n', 'x = 1 +* 2\n',
    'def f(a, b c): pass\n', 'f(a, b c)\n', 'x = [1 2 3]\n', 'x = (1 2)\n', 'x = {1 2}\n',
    'if x:\n    y = 1\n   z = 2\n', 'class A:\n    def f(self):\n        pass\n  x = 1\n',
    'x = 1\nelse:\n    pass\n', 'try:\n    x\nexcept\n    pass\n', 'with open(f) as g\n    pass\n',
    'for i in range(10)\n    print(i)\n', 'def f(x):\nreturn x\n', 'lambda x: pass\n',
    'x = lambda: 1 = 2\n', 'a = 1 if b\n', "print('a' 'b' c)\n", 'x = a.\n', 'x = a.1\n',
    'import a.\n', 'from .a import\n', 'def f(a, *): pass\n', 'def f(a, **): pass\n',
    'def f(*a, *b): pass\n', 'def f(**a, **b): pass\n', 'async with x:\n    pass\n', 'await = 1\n',
    'def f(): x = yield from\n', 'x = [*]\n', 'x = (*)\n', 'x = {**}\n', 'f(*)\n', 'a[]\n',
    'a[:,:]=1\n', 'x = (yield) = 1\n', 'x = (a, b) = (1, 2) = 3\n', 'f(a)(b) = 1\n', 'a.b() = 1\n',
    'x + 1 = 2\n', '-x = 1\n', 'x and y = 1\n', 'x if y else z = 1\n', '(x for x in y) = 1\n',
    '{a: b} = 1\n', '{a} = 1\n', "'s' = 1\n", "f'{x}' = 1\n", '... = 1\n',
    'for x in y:\n    pass\n    else:\n        pass\n', 'if x:\n    pass\nelif y\n    pass\n',
    'while True:\n    pass\nelse x:\n    pass\n', 'x = 1\n  \n    y = 2\n',
    'def f(x=1, y): pass\n', 'class A(metaclass=M, B): pass\n', 'f(x=1, *a)\n',
    'f(x=1, **k, *a)\n', 'f(a=1, a=2)\n', 'x = 1 +\ny = 2\n', 'x = (1 +\ny = 2\n', 'return\n',
    'x = 10 if 1 else\n', 'match x:\n    case:\n        pass\n',
    'match x:\n    case 1\n        pass\n', 'match x:\n    case a.b(c=1, 2):\n        pass\n',
    "match x:\n    case {**rest, 'a': 1}:\n        pass\n",
    'match x:\n    case f(x):\n        pass\n    case 1 +:\n        pass\n',
    'def f():\n    x = 1\n     y = 2\n', 'x = 5\nif x > 3\n    print(x)\n', "assert(x, 'msg')\n",
    'def f(x):\n    return x +\n', 'x = [1, 2,\n     3\ny = 4\n', "print(f'{x!z}')\n",
    "print(f'{}')\n", 'del (x for x in y)\n', 'del f(x)\n', 'del a + b\n', 'del [a, f()]\n',
    'del (a, 1)\n', 'global x y\n', 'nonlocal\n', 'import a b\n', 'from a import b c\n',
    'raise E from\n', 'try:\n    pass\nelse:\n    pass\n',
    'try:\n    pass\nfinally:\n    pass\nexcept:\n    pass\n', 'with a as b as c:\n    pass\n',
    'x = a b c\n', 'if x y:\n    pass\n', 'while not:\n    pass\n', 'x = ((1, 2)\n',
    'x = [(1, 2]\n', 'x = [1, 2))\n', 'if x:\n    pass\n  pass\n',
    'class A:\n    x = 1\n        y = 2\n', 'for x in y: z = 1 2\n', 'f(**a, b=1, *c)\n',
    'def f(a, /, b, /): pass\n', 'def f(*, a, *, b): pass\n', 'x: int = 1 = 2\n', 'x = y: int\n',
    "print >> sys.stderr, 'x'\n", 'print >>sys.stderr\n', 'exec code in ns\n', 'print 1, 2\n',
    'x = 1 if else 2\n', 'x = yield from\n', 'async def f():\n    await\n', 'a, b: int\n',
    'True: int = 1\n', 'f(): int\n', 'x.y.z += \n', "x = 'a' b'b'\n",
    'def f(a, b=1, /, c): pass\n', "x = {'a' 1}\n", "x = {'a': 1, 'b'}\n", 'x = {1: 2, **}\n',
    'l = [x for x in]\n', 'l = [for x in y]\n', 'l = [x for in y]\n', 'l = [x for x y]\n',
    'g = (x for x in y if)\n', 'x = a[1:2:3:4]\n', 'x = a[::1::]\n', 'x = a[1,:]\n',
    'def f(self, x):\n    return x.\n', 'x = [1, 2, 3,, 4]\n', 'if x == 1\n    pass\n',
    "x = {'a': 1, 'b': 2\nprint(x)\n", 'print("hello"\n', 'for i in range(10):\nprint(i)\n',
    'x = 1 = 2\n', 'def f():\n    pass\n  return\n', 'import os sys\n', 'x = 3 +\n',
    'if x:\n    pass\nelse if y:\n    pass\n', 'class A(object)\n    pass\n',
    'while True print(x)\n', 'x = (1, 2, 3))\n', 'x = [1, 2, 3]]\n',
    'def f(x, y=2, z):\n    pass\n', 'f(x, y=2, z)\n', "x = 'abc' 'def\n", 'x === 1\n', 'x =! 1\n',
    'x = 1 <> 2\n', 'x = a ! b\n', 'def f():\n    yield = 1\n',
    'a = [x for x in range(10) if x > 5 else 0]\n', 'lambda x: x = 1\n',
    'x = (lambda: 1)()\n(x) = 1\n[x] = [1]\ndel x\nx +\n', 'async = 1\n', 'def async(): pass\n',
    'x.True = 1\n', 'x = a.if\n', 'from __future__ import braces\n',
    'try:\n    pass\nexcept Exception as e.x:\n    pass\n', 'except:\n    pass\n',
    'finally:\n    pass\n', 'elif x:\n    pass\n', 'x = 5\n    y = 6\n', 'def f(\n',
    'print(1, 2\nprint(3)\n', "x = {\n'a': 1,\n'b' 2,\n}\n", 'x = [\n1\n2\n]\n', 'f(a,\nb\nc)\n',
    "with open('f') as f, open('g') as g\n    pass\n", 'x = 1 if y else\n', '@\ndef f(): pass\n',
    '@x y\ndef f(): pass\n', 'def f(*): pass\n', 'def f(**): pass\n', 'x = *a, *b\nprint(*)\n',
    'a = 1\nb = 2\nc = (3\nd = 4\n', 'a[1:2 3]\n', 'a(1:2)\n', 'x = not in y\n', 'x = a not b\n',
    'x = a is not not b\n', 'for x in y z:\n    pass\n', 'for x, in y:\n    pass\n',
    'for x y in z:\n    pass\n', 'x = [1 for]\n', "raise E, 'msg'\n", "exec('x') in ns\n",
    'print >> f, x\n', '`x`\n', 'x = 0xg\n', 'x = 1e\n', 'x = 0b2\n', 'x = 1_\n',
    'def f(a, b):\n    nonlocal a\n', 'x: = 1\n', 'x: int =\n', 'global\n', 'assert\n', 'del\n',
    'return x y\n', 'yield x y\n', 'if (x := 1 = 2): pass\n', '[x := 1 for x in y]\n',
    'f(x := 1 = 2)\n', 'def f(x=1, /): pass\ndef g(=1): pass\n', 'class A:\npass\n',
    'match x:\n    case 1:\n        pass\n    case 2\n        pass\n',
    'match x:\n    case [1, 2:\n        pass\n', "x = ''' \n", "x = f'{x'\n", "x = f'{'\n",
    "x = f'}'\n", "x = f'{x!}'\n", "x = f'{x:{y:{z}}}'\n", "x = b'é'\n", "x = 'a' b'b'\n",
    "x = '\\N{foo}'\n",
    # CPython 3.11.7's later error rules
    'print {1:(foo.)}\n', 'if 1:\n    exec {1:(foo.)}\n', 'print {1: foo}\n',
    'def foo(/,a,b=,c):\n    pass\n', 'def foo(a=1,/*,b,c):\n    pass\n',
    'lambda /,a,b,c: None\n', 'lambda a=1,/*,b,c: None\n', 'lambda a=1,d=,c: None\n',
    'lambda a=: 1\n', 'def f(a, / *, b): pass\n',
    'try: pass\nexcept* ValueError: pass\nexcept TypeError: pass\n',
    'for i < (): pass\n', 'for a.b < c: pass\n', 'for a, f() in x: pass\n',
    '{1: *12+1}\n', '{1: 23, 1: *12+1}\n', '{**a, 1: *b, 2: 3}\n',
    'f(**x, *)\n', 'f(a=1, *)\n', 'f(a, **x, *, y)\n',
    'match x:\n    case 42 as 1+2+4:\n        pass\n',
    'match x:\n    case 42 as (a):\n        pass\n',
    'with (blech as something)\n    pass\n', 'with (a, b as c, d)\n    pass\n',
    'with (a as 1)\n    pass\n', 'with (a, b as f()):\n    pass\n',
]


def _cpython_error(source):
    try:
        ast.parse(source)
    except SyntaxError as exc:
        return exc.msg, exc.lineno, exc.offset
    return None


PARSER_ERRORS = [s for s in BROKEN if _cpython_error(s) is not None]


@pytest.mark.parametrize('source', PARSER_ERRORS)
def test_first_error_matches_cpython(source):
    expected = _cpython_error(source)
    result = checked_parse(source)
    assert result.errors, f'no error for {source!r}'
    first = result.error
    assert (first.message, first.lineno) == expected[:2]


def test_message_column_report():
    """Columns should mostly match CPython's; report the ones that do not."""
    same = 0
    differing = []
    for source in PARSER_ERRORS:
        expected = _cpython_error(source)
        result = parse(source)
        if result.errors and (result.error.message, result.error.lineno,
                              result.error.offset) == expected:
            same += 1
        else:
            differing.append(source)
    print(f'\n{same}/{len(PARSER_ERRORS)} first errors match CPython to the column; '
          f'others: {differing}')
    assert same >= len(PARSER_ERRORS) * 0.6


# -- fuzz ---------------------------------------------------------------------------------------

def _mutations(source: str, rng: random.Random):
    from interpreter.lexer import lex
    tokens, _ = lex(source)
    lines = source.splitlines(True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    spans = [(offsets[t.lineno - 1] + t.col, offsets[t.end_lineno - 1] + t.end_col)
             for t in tokens if t.lineno <= len(lines) and t.end_lineno <= len(lines)
             and t.string]
    for _ in range(6):
        if not spans:
            return
        start, end = rng.choice(spans)
        action = rng.randrange(4)
        if action == 0:
            yield source[:start] + source[end:]
        elif action == 1:
            yield source[:end] + source[start:end] + source[end:]
        elif action == 2:
            other_start, other_end = rng.choice(spans)
            if other_start > end:
                yield (source[:start] + source[other_start:other_end] + source[end:other_start]
                       + source[start:end] + source[other_end:])
        else:
            junk = ''.join(rng.choice('()[]{}:;,.=+-*\'"\\\n\t #@!$?ab1') for _ in range(3))
            yield source[:start] + junk + source[start:]


@pytest.mark.parametrize('seed', range(8))
def test_fuzz_mutated_stdlib_files_never_raise_or_hang(seed):
    rng = random.Random(seed)
    files = sorted(p for p in STDLIB.glob('*.py') if p.stat().st_size < 60_000)
    deadline = time.monotonic() + 20
    count = 0
    while time.monotonic() < deadline and count < 40:
        path = rng.choice(files)
        source = path.read_text(encoding='utf-8', errors='replace')
        for mutated in _mutations(source, rng):
            result = checked_parse(mutated, 20)
            assert result.tree is not None
            count += 1


@pytest.mark.parametrize('seed', range(4))
def test_fuzz_random_bytes(seed):
    rng = random.Random(seed)
    for _ in range(100):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(200)))
        checked_parse(data)
        text = ''.join(rng.choice('ab1 ()[]{}:;,.=+-*/\n\t#@"\'\\ifdefclass') for _ in range(200))
        checked_parse(text)


def test_mutated_stdlib_first_error_agrees_with_cpython():
    """Differential on realistic mistakes: one token of a stdlib file deleted, duplicated or
    replaced; the error CPython reports (message and line) must mostly be ours too."""
    import warnings

    from interpreter.lexer import lex
    rng = random.Random(1234)
    files = sorted(p for p in STDLIB.glob('*.py') if p.stat().st_size < 30_000)
    same = total = 0
    misses = []
    for _ in range(300):
        source = rng.choice(files).read_text(encoding='utf-8', errors='replace')
        tokens, _ = lex(source)
        lines = source.splitlines(True)
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line))
        spans = [(offsets[t.lineno - 1] + t.col, offsets[t.end_lineno - 1] + t.end_col)
                 for t in tokens if t.string and t.end_lineno <= len(lines)
                 and t.kind not in (5, 8, 9)]
        start, end = rng.choice(spans)
        action = rng.randrange(3)
        if action == 0:
            mutated = source[:start] + source[end:]
        elif action == 1:
            mutated = source[:end] + source[start:end] + source[end:]
        else:
            other_start, other_end = rng.choice(spans)
            mutated = source[:start] + source[other_start:other_end] + source[end:]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                ast.parse(mutated)
            continue
        except SyntaxError as exc:
            expected = (exc.msg, exc.lineno)
        result = checked_parse(mutated, 20)
        total += 1
        got = (result.error.message, result.error.lineno) if result.errors else None
        if got == expected:
            same += 1
        else:
            misses.append((expected, got))
    print(f'\n{same}/{total} mutated files: first error as CPython; misses: {misses[:10]}')
    assert same >= 0.95 * total


def test_single_mode_rejects_two_statements_like_cpython():
    source = 'x = 1\ny = 2\n'
    with pytest.raises(SyntaxError) as info:
        ast.parse(source, mode='single')
    result = parse(source, mode='single')
    assert (result.error.message, result.error.lineno) == (info.value.msg, info.value.lineno)


# -- the error CPython chooses: differential against compile() ------------------------------

def _compile_error(source, mode='exec'):
    """(msg, lineno, offset) of the SyntaxError compile() raises for `source`, or None."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            compile(source, '<unknown>', mode, ast.PyCF_ONLY_AST, dont_inherit=True)
        except SyntaxError as exc:
            return exc.msg, exc.lineno, exc.offset
    return None


def _chosen_error(source, mode='exec'):
    result = checked_parse(source) if mode == 'exec' else parse(source, mode=mode)
    error = result.error
    return None if error is None else (error.message, error.lineno, error.offset)


CHOSEN = [
    # A tokenizer error CPython raises on the spot replaces an earlier parser error; its
    # indentation errors, the line continuation error and "never closed" do not.
    "x = f'{}'\ny = 1_", 'x = (1 2)\ny = 1_', 'x = (1 2)\ny = 1 \\ 2\n',
    'x = (1 2)\nif x:\n    y\n  z\nw = 1_', "x = (1 2)\n'abc", 'x = (1 2)\ny)', 'x = (1 2)\n(',
    'x = (1 2)\n  y\nz = 1_', 'if x:\n    a\n  b = (1 2)\nc=1_',
    'x = (1 2)\nif x:\n\ty\n        z\nw = 1_', 'x = 1 \\ 2\ny = 1_', 'x = 1\n  y = 2\nz = 1_',
    'x = (1 2)\ny = """abc', 'x = (1 2\ny = 1_', 'x = (1 2\ny = 1 \\ 2',
    "x = (1\ny = 2\nz = 'a", 'x = (1 2)\n$',
    # ... unless the parser tripped over that tokenizer error itself.
    'def f():\n    if x:\n\\return 1\n', 'def _put(self, item)\\ :\n    pass\n',
    'newstats[newfunc\\ = (cc, nc)\n', 'if matches matches:\n \\    break\n',
    # A string's error is raised in CPython's first pass, before any second-pass hint.
    "(1 f'{}')", "x = (1 f'{a b}')", "x = [1 'a' b'c']", "(1 2 f'{}')", "f(a b, f'{}')",
    "x = {1 f'{}'}", "(1 f'{}' 2)", "if x = f'{}':\n  pass\n", "n f'{}' = len(x)\n",
    "selfNone ._protocol f'{}' = protocol\n", "raise E f'{x y}'(\n    'a')\n",
    "'''Doc.'''b'b' { \n", "args = args[1 f'{}':]\n",
    # Side-by-side expressions: CPython's invalid_expression and invalid_legacy_expression.
    '(**)', '(**a)', '(**a for a in b)', '(**a,)', 'x = (c b)', '(c b d)', '(ma 1)',
    '(case 1)', '(_ 1)', "(a 'x' b)", '(c.x b)', '(x{x{}})', '[a.b {x{}}]', '[1 {x{}}]',
    '(a not b)', '(a lambda: 1)', '(a ~b)', '(a ...)', '(a False)', '(a await b)',
    '(c x(a b))', 'c x(a b)', 'd x(a b)', 'd {x{}}', 'x = d {x{}}', 'pass [\n',
    'f(1, print x, 2)', 'fkey = print field\n', 'if print data:\n    pass\n',
    'if not print guess(a)\nelse: 1\n', 'x = print x y\n', 'def_op 1j(name name, op)\n',
    'x = a if b else c d', 'writeback=False False\n', 'self.write_bytes(value ...)\n',
    # CPython's invalid_named_expression inside brackets.
    '( {x=})', '[a.b = 1]', '[a[0] = 1]', '[(a) = 1]', '[[a] = 1]', '[(a,) = 1]', '[f() = 1]',
    '[1 = 2]', '[a = 1 = 2]', '[True = 1]', '[a+b = c]', '{a: b = 1}', '[a = *b]', '[a=]',
    '[a = b := c]', '[-a = b]', '[a = not b]', '[a = lambda: 1]', 'f(a=1 = 2)',
    "softkwlist = [\n    '_'=\n    'case',\n]\n", 'x[node = result = f(node)\n',
    '[a = 1 +]', '[a.b = 1 +]', '[a = (b c)]', "[a = f'{}']", "[a.b = f'{}' = 1]",
    'if x = 1 +:\n pass', 'if x = (a b):\n pass', 'if x = 1 = 2:\n pass', 'if x = not a:\n pass',
    'while x = *a:\n pass',
    # invalid_assignment needs only `target '='`: a broken value does not hide it.
    '1 =', 'f() = 1 +', 'x = f() = 1 +', '1 = *a', '1 = not a', '1 = lambda: 1', '1 = yield',
    'yield = 1 +', 'x = yield = 1 +', '(a, 1) = 2 +', 'x = 1 = 2 +', "'''Doc.'''= \n",
    'cc = nc - subentry =.reccallcount\n',
    # Where CPython's tokenizer stood: '<>' is one token; 'not' looked one token further.
    'x = 1 <> 2', '1 <> 2', 'f(a <> b)', 'a < > b', 'x = a not b', 'a not b', 'a not',
    'if a not b: pass', 'a not not b', 'a is not b not c', 'a not in b not c',
    # A PEG rule matches a prefix: 'x[]' and a broken condition still have an operand.
    'raise NannyNag(start[], msg, line)\n', "raise Error( True'sampling rate')\n", 'f(a + x[])',
    'f(x[:] y)', 'f(c[])', 'f(x[for])', '[x[1 2 +]]', 'def f(fd, when=None TCSAFLUSH): pass\n',
    'def f(x: int str): pass\n', 'def f(x y): pass\n', 'def f(x=c 2): pass\n',
    'lambda x=1 2: 0', "k = i+2 if pat[]i == '!' else i+1\n", 'x = a if b c else d',
    "b'b' if not isinstance(data, (bytes, , bytearray)):\n    data = 1\n", 'x = a if not',
    'case if not hasattr(cls, 1):\n  return cls\n', "x = 's'if a & b:\n pass\n",
    # Comprehension targets and unpacking (invalid_comprehension, invalid_dict_comprehension).
    '[1, 2 for x in y]', '{1, 2 for x in y}', '(1, 2 for x in y)', '[1, 2, for x in y]',
    '[1, 2 for x]', '[*a for x in y]', '(*a for x in y)', '{*a for x in y}', '[*a for x]',
    '{**a for x in y}', '[*a, b for x in y]', '[1, 2 async for x in y]',
    # A tuple followed by more: invalid_assignment's star_named_expressions* and ':'.
    'nc, cc cc, tt, ct = value\n', 'osname, host release, version, machine = os.uname()\n',
    'a, b c: int', 'a, b c = 1 = 2', 'a, b c.d = 1', 'a, b c d', 'a, b c, *d = 1', 'a, b 1 = 2',
    # Reading to the end of the file inside an unclosed bracket reports the bracket.
    'mode[CC//[VMIN] = 1\n', '__all__ = ["Error", "copy", "deepcopy"for\n', 'return True{',
    'is_NullImporter = True{', '( lo = mid + 1\n', 'raise ValueError("a"{\n',
    'errorTab[10110 = "No more"\n', 'x = (1 2\ny = 3\n',
    # Plain invalid syntax is reported at the furthest token CPython's first pass read.
    'S_IRWXO =   # mask for others\n', 'ct = entrytotaltime.    # cumtime\n',
    'try:\n     not dironly or entry.is_dir():\n        pass\nexcept E:\n    pass\n',
    'if isinstance: (pat, bytes):\n    pass\n', 'match ,:\n    pass\n', '(x): ', 'x.y: ',
    "def_op('DELETE_FAST', 126 :=)  # Local\n", "encoded[-6:=] = b'='\n", 'match sys `\n',
    "match ValueError('t')f'{x}' \n", 'del sys, -, _g\n', 'del sys, not, _g\n',
    'del _globals >>, _wraps\n', 'del a.b +', 'del a, b c', 'del a +, b', 'del f(x) + 1',
    # A parser error before the character the lexer failed at is the parser's own.
    'flags!\\ = 0\n', 'return .\\.b""\n', 'x = 1 1_\n', 'x = (1 2) 1_', 'x = 1 0777',
    # On one line the tokenizer reports a bad dedent before anything else.
    'if x:\n    a\n  ("  b\n', 'if x:\n    a\n  ]  b\n', 'if x:\nfoo 1_',
    # An illegal augmented target is named only when a value follows the operator.
    "'''doc'''+= \n", 'result.sort(reverse=True)+= \n', 'f() += 1 +', 'f() += (a b)',
    'f() += yield', 'f() += *a', '1 += not',
    # The end of the file after a backslash is reported by the parser when it meets it.
    'from return import x \\\n', "'''D.'''\n \\", 'x = 1\n  \\\n', 'x = 1\n ]', 'x\n  \\ y',
    'x\n  y 1_', 'x = (1 2) \\',
    # Keywords are no walrus targets, and a mapping pattern's '**' needs a capture name.
    'if not := False:\n  pass\n', '(pass := 1)', '(lambda := 1)', '(await := 1)', '(not := 1)',
    'match x:\n case {**False}:\n  pass\n', 'match x:\n case {**_}:\n  pass\n',
    # Where CPython's NEWLINE token starts: after trailing blanks, or at a comment.
    'try \n', 'if x \n  pass\n', 'if x  # c\n  pass\n', 'try  # c\n  pass\n', 'def f() \n  pass\n',
    'while x\t\n pass\n', 'match x \n case 1: pass\n', 'if x  # c', 'if é \n pass\n',
    # Comma hints: after '*' the pair starts at the expression; in a for target, at its element.
    "print(*args sep='', **)\n", 'f(**a b)', '[*a b]', 'g({k: v for k, v v in d})',
    '[x for a, b c in d]', '[x for (a, b) c in d]', "f(*res f'{x}')", 'f(x for x in y z)',
    # A match subject is a named_expression; a subscript inside brackets may be a list.
    'match fields = {}\n', 'match x = 1 = 2', 'match a, b = 1', 'match a.b = 1', 'match -x = 1',
    'line = self.aliases[args[]]\n', 'print("".join( foo[d.get(c, c) for c in s]))\n',
    'x[a[]]', 'x[]', 'f(x[1 2])', 'f(x[a for])',
    # An error at an INDENT or DEDENT takes the end of the indentation, with no +1.
    'try: 1j\n    f()\nexcept* (A, B) as e\n    pass\n', 'try: x\n  y\n', 'if x:\n  try: x\ny\n',
    'try: x\n        y\n', 'try: x\n  \ty\n', 'try:\n    a\n    continue\n', 'try:\n    a  # c\n',
    'try:\n    a\n\n# c\n', 'if x:\n  try:\n    a\n', 'try: a\n', 'try:\n    a', 'try:\n    a\nb\n',
    # invalid_for_target reads star_expressions where a for target is not one.
    'for group - self.option_groups:\n  pass\n', 'for + host in hosts:\n  pass\n',
    'for x y in z: pass\n', 'for f() in y: pass\n', 'for (a, 1) in x: pass\n', 'for x = 1: pass\n',
    'for not x in y: pass\n', '[x for f() in y]', '[x for a - b in c]', '[x for a - b]',
    '(x for +a in b)', '{x for (a, 1) in b}',
    # A missing block before a DEDENT: the tokenizer's column, with no +1.
    'if x:\n    with a:\nb\n', 'if x:\n    if y:\n        with a:\n    b\n',
    'if x:\n    with a:\n\n# c\nb\n', 'if x:\n    with a:\n', 'if x:\n    with a:',
    'if x:\n    with a:  \n  \n', 'if x:\n    with "é":\n', 'if x:\n    with a:\n# c\n',
    'if x:\n    \n', 'if x:\n# c\n', 'if x:\n\n\n', 'if x:\n  # c', 'class A:\n   \n  \n',
    'if x:\n\t\n', 'if x:\n# é\n', 'while x:\n    \n   # c\n', 'def f():\n\n',
    # A parenthesized lone target is a bitwise_or to invalid_named_expression: "here" for
    # whatever it holds, named after the whole (a tuple or generator expression is no group).
    '(yield bar) = y', 'def f(): (yield bar) = y', '(yield from x) = 1', '((yield)) = 1',
    '(a < b) = 1', '(lambda: 1) = 1', '(a if b else c) = 1', '(a and b) = 1', '(not a) = 1',
    '(True) = 1', '(None) = 1', '(...) = 1', '(1) = 1', '([a, f()]) = 1', '((a, f())) = 1',
    '(x := 1) = 2', '(a, f()) = 1', '(a) < b = 1', 'x = (yield) = 1', '(a < b) = c = 1',
    '(f()) = 1 +', '(a < b) = *',
    # invalid_arguments reads on after `genexp ','`: the end of the text there is the
    # tokenizer's "never closed" (test_exceptions.test_error_offset_continuation_characters)
    'f(1 for c in I,\n', '"\\\n"(1 for c in I,\\\n\\', 'f(1 for c in I,\\\n', 'f(1 for c in I, x)\n',
    'f(1 for c in I,\n x)\n',
    # invalid_kwarg: a keyword argument followed by comprehension clauses, or named by a
    # constant (its range reaches the '=')
    'dict(a = i for i in x)', 'f(b, a = i for i in x if i)', 'f(**k, a = i async for i in x)',
    'f(a = i for)', 'f(a = i for i in)', 'f(a = yield for i in x)', 'f(a = i for i in x)(',
    'class C(a = i for i in x): pass', 'f(True=1)', 'f(None = i for i in x)', 'f(if=1)',
    'f(a = i for i in x\n', 'f(a = lambda: i for i in x)',
    # more digits than sys.get_int_max_str_digits() (4300): CPython's error has no column
    'x = ' + '3' * 5000, 'x = (1,\n ' + '3' * 5000 + ')\n', 'x = 0x' + '3' * 5000 + ' +',
]


@pytest.mark.parametrize('source', CHOSEN)
def test_chosen_error_matches_compile(source):
    expected = _compile_error(source)
    assert expected is not None, 'the case should be an error'
    assert _chosen_error(source) == expected


EVAL_CHOSEN = ['1\n  ', '1\n\t', '1\n  #c', '(1\n  ', '1\n  \n', '  ', '1\n\x0c', '1\n \n  ',
               '"""a\n  ', '1 +\n  ', '1\r\n  ', '1\r  ', '1 2\n  ']


@pytest.mark.parametrize('source', EVAL_CHOSEN)
def test_eval_mode_error_matches_compile(source):
    # compile(..., 'eval') adds no final newline, so trailing blanks are an indented line.
    assert _chosen_error(source, 'eval') == _compile_error(source, 'eval')


# compile(..., 'single') adds no final newline either: a compound statement whose last body is
# on its header line has no NEWLINE left for single_input, trailing blanks are indentation
SINGLE_CHOSEN = ['def f(): pass', 'def f(): pass\n', 'if 1: pass', 'if 1:\n  pass', 'x = 1',
                 'for i in x: pass', 'class C: pass', 'with a: pass', '@d\ndef f(): pass',
                 'if 1: pass\n# c', 'if 1: pass  # c', 'match x:\n  case 1: pass',
                 'if 1: pass\nelse: pass', 'if 1:\n  if 2: pass', 'if 1: x = 1; y = 2',
                 'if 1:\n  pass\nelse: pass', 'try: pass\nfinally: pass', 'if 1: pass\n\n',
                 'async def f(): pass', 'if 1: pass\r', 'x = 1; y = 2', 'if (1): pass',
                 'if 1:  pass;', 'if 1: pass\n   # c', 'x = 1\n  ', 'x = 1\n\t', 'x\n ',
                 'x = 1\n  # c', 'if 1: pass \\\n', 'if 1: pass\n  ', 'if 1:\n    pass\n  ',
                 'if 1: pass\n\t', 'def f():\n  if 1:\n    pass\n  ', 'if 1:\n  pass\n    ',
                 'def f():\n  if 1:\n    pass\n      ', 'if 1:\n  pass\n  ', '  ', ' \t',
                 '\n  ', '# c\n  ', 'if 1: pass\n\n  ', 'if 1:\n  pass\n\n  ']


# -- whole positions (ends included) and the printed form: differential -----------------------

def _full_error(compiler, source, mode='exec', **options):
    """(msg, lineno, offset, end_lineno, end_offset) of the SyntaxError, or None."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            compiler(source, '<unknown>', mode, **options)
        except SyntaxError as exc:
            return exc.msg, exc.lineno, exc.offset, exc.end_lineno, exc.end_offset
    return None


def _host_compile(source, filename, mode):
    return compile(source, filename, mode, dont_inherit=True)


def _memphis_compile(source, filename, mode, from_file=False):
    from interpreter.compiler import compile_source
    return compile_source(source, filename, mode, from_file=from_file)


ALL_ERRORS = [s for s in dict.fromkeys(BROKEN + CHOSEN) if _full_error(_host_compile, s)]


@pytest.mark.parametrize('source', ALL_ERRORS)
def test_whole_error_position_matches_compile(source):
    # The end matters: the caret line under the source is drawn from offset to end_offset.
    assert _full_error(_memphis_compile, source) == _full_error(_host_compile, source)


@pytest.mark.parametrize('source', SINGLE_CHOSEN)
def test_whole_single_error_position_matches_compile(source):
    assert _full_error(_memphis_compile, source, 'single') == \
        _full_error(_host_compile, source, 'single')


@pytest.mark.parametrize('source', EVAL_CHOSEN)
def test_whole_eval_error_position_matches_compile(source):
    assert _full_error(_memphis_compile, source, 'eval') == \
        _full_error(_host_compile, source, 'eval')


# Errors whose position CPython gives differently when it parses a file (`python3 prog.py`):
# at the end of the file (offset 0), on non-ASCII lines (byte columns), plus some that agree.
FILE_ERRORS = [
    'def f(x):\n', 'try:\n    a\n    continue\n', 'if x:\n  try:\n    a\n', 'if x:\n\t\n',
    'x = 1\n  \\\n', 'if é \n pass\n', "x = b'é'\n", 's = "é"; (a not b)\n', 'x = "é" +\n',
    'if x:\n    with "é":\n', '  x = 1\n', 'if x:\n    pass\n  pass\n', 'x = (1, 2\ny = 3\n',
    'if x  # c\n  pass\n', 'from __future__ import braces\n', 'def f():\n\tif x:\n        pass\n',
    'if x:\n    with a:\nb\n', 'x = 1 +', 'é = 1 +\n', "f'{é b}'\n", 'nonlocal x\n',
    # the parser raises "never closed" at the tokenizer's bracket column: bytes in a file
    'x = "é" + (1 +\n', 'é = [1,\n2\n',
]

# Replaces sys.excepthook in the CPython subprocess: prints the SyntaxError's attributes.
_ATTRIBUTE_HOOK = '''import sys
def hook(kind, error, tb):
    print(repr((error.msg, error.lineno, error.offset, error.end_lineno, error.end_offset)),
          file=sys.stderr)
sys.excepthook = hook
'''


def test_file_error_positions_match_cpython_running_the_file(tmp_path):
    import os
    import subprocess
    import sys
    (tmp_path / 'hook').mkdir()
    (tmp_path / 'hook' / 'sitecustomize.py').write_text(_ATTRIBUTE_HOOK)
    env = dict(os.environ, PYTHONPATH=str(tmp_path / 'hook'), PYTHONIOENCODING='utf-8')
    differing = []
    for number, source in enumerate(FILE_ERRORS):
        path = tmp_path / f'prog{number}.py'
        path.write_bytes(source.encode('utf-8'))
        run = subprocess.run([sys.executable, str(path)], capture_output=True, env=env,
                             check=False, timeout=60)
        expected = ast.literal_eval(run.stderr.decode().strip().splitlines()[-1])
        try:
            _memphis_compile(source, str(path), 'exec', from_file=True)
            got = None
        except SyntaxError as exc:
            got = exc.msg, exc.lineno, exc.offset, exc.end_lineno, exc.end_offset
        if got != expected:
            differing.append((source, expected, got))
    assert differing == []


def _host_display(error: SyntaxError) -> str:
    """What CPython's own display (sys.__excepthook__, C code) prints for `error`."""
    import io
    import sys
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        sys.__excepthook__(type(error), error.with_traceback(None), None)
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved


@pytest.mark.parametrize('source', ALL_ERRORS + FILE_ERRORS)
@pytest.mark.parametrize('from_file', [False, True], ids=['string', 'file'])
def test_syntax_error_display_matches_cpythons(source, from_file):
    from interpreter.diagnostics import format_syntax_error
    try:
        _memphis_compile(source, 'prog.py', 'exec', from_file=from_file)
    except SyntaxError as exc:
        error = exc
    else:
        pytest.fail(f'no error for {source!r}')
    assert ''.join(format_syntax_error(error)) == _host_display(error)


@pytest.mark.parametrize('arguments', [
    (1, 10, 'def f(x):\n', 1, -1), (1, 0, 'def f(x):\n', 1, -1), (1, 3, '  x = 1\n', 1, 6),
    (1, 3, 'def f(x):\n', 2, 5), (1, 3, 'def f(x):\n', 1, 40), (1, 11, 'x = "é" +\n', 1, 11),
    (2, 3, 'a\nbcd\n', 2, 4), (1, None, 'x\n', None, None), (1, 2, '\t\fx y\n', 1, 0),
    (1, 2, None, 1, 3), (1, 5, 'x\n', 1, 9),
])
@pytest.mark.parametrize('kind', [SyntaxError, IndentationError])
def test_display_of_any_syntax_error_matches_cpythons(arguments, kind):
    from interpreter.diagnostics import format_syntax_error
    error = kind('msg', ('file.py', *arguments))
    assert ''.join(format_syntax_error(error)) == _host_display(error)


BROKEN_PROGRAMS = [
    'def f(x):\n', 'if x:\n    pass\n  pass\n', 'x = (1, 2\ny = 3\n', 'if x  # c\n  pass\n',
    'print("é"); (a not b)\n', 'x = "é" +\n', 'try:\n    a\n', '[x for a, b c in d]\n',
    'from __future__ import braces\n', 'd = {1: 2, 3}\n',
]


@pytest.mark.parametrize('source', BROKEN_PROGRAMS)
def test_broken_program_stderr_matches_cpython(source, tmp_path):
    import os
    import subprocess
    import sys
    root = Path(__file__).resolve().parent.parent
    path = tmp_path / 'prog.py'
    path.write_bytes(source.encode('utf-8'))
    env = dict(os.environ, PYTHONIOENCODING='utf-8')

    def run(*command):
        return subprocess.run([sys.executable, *command], cwd=root, capture_output=True,
                              env=env, check=False, timeout=120)
    for arguments in ([str(path)], ['-c', source.rstrip('\n')]):
        expected = run(*arguments)
        actual = run('-m', 'interpreter', *arguments)
        assert (actual.stderr.decode(), actual.returncode) == \
            (expected.stderr.decode(), expected.returncode), arguments
