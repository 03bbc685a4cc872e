"""Folding ranges: blocks, brackets, strings, imports and comments; broken code; the stdlib."""

import ast
import os
import sysconfig

import pytest

from interpreter.analysis.folding import FoldingRange, folding_ranges, token_folds
from interpreter.analysis.node_ranges import NodeRanges
from interpreter.parser import parse


def folds(source):
    return folding_ranges(parse(source).tree, NodeRanges(source), source)


SAMPLE = '''\
import os
import sys
# one
# two
def f(
    a,
    b,
):
    if a:
        pass
    elif b:
        pass
    else:
        x = 1
    try:
        pass
    except E:
        pass
    finally:
        y = (1,
             2)
    s = """
    """
'''


def test_sample_folds():
    assert folds(SAMPLE) == [
        FoldingRange(1, 2, 'imports'),
        FoldingRange(3, 4, 'comment'),
        FoldingRange(5, 23),   # the def (wider than its parameter list)
        FoldingRange(9, 10),   # if
        FoldingRange(11, 12),  # elif
        FoldingRange(13, 14),  # else
        FoldingRange(15, 16),  # try
        FoldingRange(17, 18),  # except
        FoldingRange(19, 21),  # finally
        FoldingRange(20, 21),  # the bracket
        FoldingRange(22, 23),  # the string
    ]


def test_broken_file_folds_what_it_can():
    source = 'def g(:\n    x = 1\n    return x\nclass C:\n    a = [\n        1,\n    ]\n    b = 2\n'
    got = folds(source)
    assert FoldingRange(1, 3) in got  # the statement the parser skipped
    assert FoldingRange(4, 8) in got
    assert FoldingRange(5, 6) in got


def test_unclosed_bracket_does_not_break_folding():
    source = 'x = (1,\n     2\ndef f():\n    return 1\n'
    assert all(fold.start_line < fold.end_line for fold in folds(source))


STDLIB = sysconfig.get_paths()['stdlib']
CORPUS = sorted(name for name in os.listdir(STDLIB) if name.endswith('.py'))[3::12]


@pytest.mark.parametrize('name', CORPUS)
def test_every_multi_line_definition_folds_at_its_header(name):
    with open(os.path.join(STDLIB, name), encoding='utf-8') as file:
        source = file.read()
    got = folds(source)
    starts = {fold.start_line: fold for fold in got}
    assert len(starts) == len(got)
    line_count = source.count('\n') + 1
    for fold in got:
        assert 1 <= fold.start_line < fold.end_line <= line_count
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and \
                node.end_lineno > node.lineno:
            assert starts[node.lineno].end_line >= node.end_lineno


def _host_token_folds(source):
    """The bracket, string and comment folds computed from the host's `tokenize`."""
    import io
    import tokenize
    folds, stack, comment_run, code_lines = [], [], [], set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        kind, text, (line, _), (end_line, _), _ = token
        if kind not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                        tokenize.DEDENT, tokenize.ENDMARKER):
            code_lines.update(range(line, end_line + 1))
        if kind == tokenize.OP and text in '([{':
            stack.append(line)
        elif kind == tokenize.OP and text in ')]}':
            start = stack.pop()
            if line > start:
                folds.append(FoldingRange(start, line - 1 if line - 1 > start else line))
        elif kind == tokenize.STRING and end_line > line:
            folds.append(FoldingRange(line, end_line))
        elif kind == tokenize.COMMENT and line not in code_lines:
            if comment_run and comment_run[-1] == line - 1:
                comment_run.append(line)
            else:
                if len(comment_run) > 1:
                    folds.append(FoldingRange(comment_run[0], comment_run[-1], 'comment'))
                comment_run = [line]
    if len(comment_run) > 1:
        folds.append(FoldingRange(comment_run[0], comment_run[-1], 'comment'))
    return sorted(folds, key=lambda f: (f.start_line, f.end_line, f.kind))


@pytest.mark.parametrize('name', CORPUS)
def test_bracket_string_and_comment_folds_match_tokenize(name):
    with open(os.path.join(STDLIB, name), encoding='utf-8') as file:
        source = file.read()
    got = []
    token_folds(source, got)
    assert sorted(got, key=lambda f: (f.start_line, f.end_line, f.kind)) == \
        _host_token_folds(source)
