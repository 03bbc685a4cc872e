"""Parser work grows linearly on pathological inputs, and recovery resynchronises after a header.

Work is counted in parser steps (tokens advanced over plus atoms attempted), never in time.
"""

from __future__ import annotations

import ast
import warnings
from itertools import pairwise

import pytest

from interpreter import nodes as n
from interpreter.parser import Parser, parse
from interpreter.parser.core import ByteColumns, ParserCore, to_byte_columns

# Unclosed or mismatched shapes repeated n times; some used to cost 2**n.
SHAPES = {
    'assign-paren': lambda k: 'x = (' * k,
    'list': lambda k: '[' * k,
    'call': lambda k: 'f(' * k,
    'brace': lambda k: '{' * k,
    'binary-operand': lambda k: 'x = (1 +' * k,
    'dict-value': lambda k: 'd = {1: (x = ' * k,
    'lambda': lambda k: 'x = (lambda: ' * k,
    'comprehension': lambda k: '[x for x in ' * k,
    'keyword-argument': lambda k: 'f(a=(b = ' * k,
    'string-in-brackets': lambda k: '(' * k + '"abc',
    'mismatched': lambda k: '(x = [' * k + ')',
    'if-header': lambda k: 'if (x = (' * k + ':\n    pass\n',
}


class StepCounter:
    """Counts tokens advanced over and atoms attempted by every parser while installed."""

    def __init__(self, monkeypatch):
        self.steps = 0
        advance, atom = ParserCore.advance, Parser.atom

        def counted_advance(parser):
            self.steps += 1
            return advance(parser)

        def counted_atom(parser):
            self.steps += 1
            return atom(parser)

        monkeypatch.setattr(ParserCore, 'advance', counted_advance)
        monkeypatch.setattr(Parser, 'atom', counted_atom)

    def of(self, source: str) -> int:
        self.steps = 0
        result = parse(source)
        assert not any(e.message.startswith('internal parser error') for e in result.errors)
        return self.steps


def _compile_error(source):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            compile(source, '<unknown>', 'exec', ast.PyCF_ONLY_AST, dont_inherit=True)
        except SyntaxError as exc:
            return exc.msg, exc.lineno, exc.offset
    return None


def _first_error(source):
    error = parse(source).error
    return None if error is None else (error.message, error.lineno, error.offset)


@pytest.mark.parametrize('shape', SHAPES)
def test_steps_double_at_most_when_nesting_doubles(shape, monkeypatch):
    # Below the nesting limit (200 brackets; some shapes open two per repetition):
    # exponential work multiplied by 4 per doubling, quadratic work by 4 too; linear work by
    # about 2 (plus a constant for the parse's start and end). Near the limit the work is
    # bounded by the limit squared (see interpreter.parser.memo).
    counter = StepCounter(monkeypatch)
    steps = [counter.of(SHAPES[shape](k)) for k in (12, 25, 50)]
    for smaller, larger in pairwise(steps):
        assert larger <= 2.5 * smaller + 100, steps


@pytest.mark.parametrize('shape', SHAPES)
def test_steps_grow_linearly_up_to_5000_repetitions(shape, monkeypatch):
    counter = StepCounter(monkeypatch)
    at_1000, at_5000 = counter.of(SHAPES[shape](1000)), counter.of(SHAPES[shape](5000))
    assert at_5000 <= 6 * at_1000, (at_1000, at_5000)


@pytest.mark.parametrize('shape', SHAPES)
@pytest.mark.parametrize('count', [1, 2, 3, 7, 30, 300, 5000])
def test_pathological_shapes_give_cpythons_first_error(shape, count):
    source = SHAPES[shape](count)
    assert _first_error(source) == _compile_error(source)


def test_deep_if_nesting_with_errors_is_linear(monkeypatch):
    def nested(k):
        return ''.join(' ' * i + 'if x(:\n' for i in range(k)) + ' ' * k + 'pass\n'
    counter = StepCounter(monkeypatch)
    steps = [counter.of(nested(k)) for k in (25, 50, 100, 200)]
    for smaller, larger in pairwise(steps):
        assert larger <= 2.5 * smaller + 100, steps
    assert _first_error(nested(60)) == _compile_error(nested(60))


# -- a huge line ------------------------------------------------------------------------------

def test_byte_columns_match_encoding_the_prefix():
    line = 'aé€😀\udcff b' * 7
    columns = ByteColumns(line)
    for col in [5, 0, len(line), 3, 17, 17, 1]:
        assert columns.at(col) == len(line[:col].encode('utf-8', 'surrogatepass'))


def test_long_non_ascii_line_converts_in_linear_steps(monkeypatch):
    # Every token on a one-line program of 30000 elements: slicing the line per token made
    # this quadratic; now each conversion encodes only the text since the previous one.
    from interpreter.lexer import lex
    source = 'x = ["é", ' + ', '.join(str(i) for i in range(30000)) + ', "€"]\n'
    tokens, errors = lex(source)
    assert not errors
    converted = to_byte_columns(source, tokens)
    line = source.encode('utf-8')
    for tok, byte_tok in zip(tokens, converted):
        assert line[byte_tok.col:byte_tok.end_col].decode('utf-8') == tok.string or \
            tok.kind != 1  # NAME/NUMBER/OP tokens: their bytes are their text
    result = parse(source)
    assert result.errors == []
    tree = result.tree
    assert tree.body[0].value.elts[-1].col_offset == len(line) - len('"€"]\n'.encode())


# -- recovery after an unclosed bracket in a block header -------------------------------------

HEADERS = [
    'def f(:', 'def f(a, b:', 'class C(:', 'if f(x:', 'while (x:', 'for x in range(3:',
    'with open("f" as g:', 'def f((:', 'def f([:', 'def f(:  # comment', 'async def f(:',
    'elif g(:',
]


@pytest.mark.parametrize('header', HEADERS)
def test_statements_after_a_broken_header_parse(header):
    prefix = 'if x:\n    pass\n' if header.startswith('elif') else ''
    source = prefix + header + '\n    pass\n\nprint(json)\ny = 1\n'
    result = parse(source)
    assert _first_error(source) == _compile_error(source)
    body = result.tree.body
    assert type(body[-2]) is n.Expr and type(body[-1]) is n.Assign
    assert body[-2].value.args[0].id == 'json'
    assert body[-1].lineno == source.count('\n')


FSTRINGS = [
    'x = f"' + '{a}é{b!r}' * 300 + '"\n',
    'x = f"""é{a}\n  ü{b:>{w}}\n{c}"""  + f"{d}"\n',
    'y = ("é", f"{a} {é} {b}")\n',
    "f'''\n{ a }\n é{\nb}'''\n",
]


@pytest.mark.parametrize('source', FSTRINGS)
def test_field_positions_on_long_and_non_ascii_fstrings_match_ast(source):
    # Fields are placed from positions computed incrementally along the token's text.
    def names(tree, module):
        return [(node.id, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
                for node in module.walk(tree) if type(node).__name__ == 'Name']
    result = parse(source)
    assert result.errors == []
    assert names(result.tree, n) == names(ast.parse(source), ast)


def test_names_below_a_broken_def_header_are_diagnosed():
    # Issue 5: the language server reports undefined names below a syntax error.
    from interpreter.analysis.diagnostics import module_findings
    from interpreter.analysis.module import analyse_module
    findings = module_findings(analyse_module('def f(:\n    pass\n\nprint(json)\n', 'm.py'))
    assert [(f.message, f.lineno) for f in findings] == [
        ('invalid syntax', 1), ("undefined name 'json'", 4)]
