"""interpreter.compiler's warnings: the SyntaxWarnings CPython 3.11's compiler gives, as diagnostics.

The oracle is the host's `compile()` with every warning recorded: same messages, same lines,
same order (a `finally` body warns once per path that compiles it, a `while` test twice).
"""

from __future__ import annotations

import warnings

import pytest

from interpreter.compiler import warnings_of

SNIPPETS = {
    'is_literals': 'x = 1\nx is 1\nx is not "a"\n() is x\nx is -1\nx is None\nx is ...\n',
    'is_folded_constants': 'x = 0\nx is 2 ** 3\nx is (1, 2)\nx is (x, 1)\nx is []\n',
    'assert_tuple': 'x = 1\nassert (x, "m")\nassert ()\nassert (1, 2)\n',
    'not_callable': '(1, 2)(3)\n[1](2)\n"s"(1)\nf"{1}"(2)\n{1: 2}(3)\n(x for x in y)(1)\n5(1)\n',
    'not_subscriptable': '{1}[0]\n5[0]\nNone[0]\n(lambda: 0)[0]\n1.5[0]\n',
    'wrong_index_type': '[1][1.0]\n"s"["t"]\n(1, 2)[None]\n[x for x in y]["k"]\n{}[1.0]\n',
    'finally_paths': ('def f(x):\n    try:\n        if x:\n            return 1\n'
                      '    finally:\n        x is 1\n'
                      'for i in []:\n    try:\n        break\n    finally:\n        i is 2\n'),
    'while_test_twice': 'x = 0\nwhile x is 3:\n    pass\n',
    'class_body_before_bases': 'class C(1 is 1):\n    z = 2 is 2\n',
    'comprehension_first_iterable_last': '[a is 1 for a in 2 is 2 if a is 3 for b in a is 4]\n',
    'annotations': ('from __future__ import annotations\nx: 1 is 1 = 2\n'
                    'def f(a: (1, 2)(3)): pass\n'),
    'annotations_evaluated': 'x: (1, 2)[1.5] = 2\ndef f():\n    y: (1, 2)[1.5] = 1\n',
    'chained_in_tests': 'x = y = 0\nif (y and\n        0 < x is 2):\n    pass\n',
    'bool_and_set_not_subscriptable': '[True [0]]\nx = -False[1]\n',
    'generator_and_function_index': '[[1, 2] [(i for i in x)]]\n(1, 2)[lambda: 0]\n',
    # the tokenizer's: a number glued to a keyword
    'numbers_glued_to_keywords': ('x = y = 0\n1or x\n0xfor x\n[0x1for x in ()]\n'
                                  '1if x else y\n0b1and x\n0o7in y\n1jor x\n1.is x\n'
                                  '1e3not in y\nx if 1else y\n'),
}


def cpython_warnings(source: str) -> list[tuple[int, str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        compile(source, '<test>', 'exec', dont_inherit=True)
    return [(w.lineno, str(w.message)) for w in caught if w.category is SyntaxWarning]


@pytest.mark.parametrize('name', sorted(SNIPPETS))
def test_syntax_warnings_match_cpython(name: str) -> None:
    source = SNIPPETS[name]
    found = [(d.lineno, d.message) for d in warnings_of(source, '<test>')
             if d.kind == 'SyntaxWarning']
    assert found == cpython_warnings(source)


def test_invalid_escapes_are_deprecation_warnings() -> None:
    found = warnings_of('a = "\\d"\nb = 1 is 1\n', '<test>')
    assert [(d.kind, d.lineno) for d in found] == [('DeprecationWarning', 1),
                                                   ('SyntaxWarning', 2)]
    assert found[0].message == "invalid escape sequence '\\d'"


def test_broken_code_gives_only_the_parsers_warnings() -> None:
    assert [d.kind for d in warnings_of('x = "\\q"\nx is 1\ndef f(:\n', '<test>')] == \
        ['DeprecationWarning']


def test_warning_columns_count_characters() -> None:
    (found,) = warnings_of('s = "é"; x = "é" is 1\n', '<test>')
    assert (found.col_offset, found.end_col_offset) == (13, 21)
    assert found.offset == 15  # CPython's SyntaxError offset counts UTF-8 bytes
