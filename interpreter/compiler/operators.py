"""Operator closures: one host-compiled template per (operator, operand shape).

An operand is a closure (`x`), an always-bound local slot (`l`) or a constant (`c`); the template
applies the host operator directly, so data-model dispatch (`__add__`/`__radd__`, reflected
comparisons, `__contains__`) and its error messages are CPython's own.
"""

from __future__ import annotations

from ..runtime.templates import instantiate

__all__ = [
    'BINARY',
    'COMPARE',
    'NOTE',
    'UNARY',
    'binary_closure',
    'compare_closure',
    'failing_node',
    'operand_text',
    'unary_closure',
]

BINARY = {'Add': '+', 'Sub': '-', 'Mult': '*', 'MatMult': '@', 'Div': '/', 'Mod': '%',
          'Pow': '**', 'LShift': '<<', 'RShift': '>>', 'BitOr': '|', 'BitXor': '^',
          'BitAnd': '&', 'FloorDiv': '//'}
COMPARE = {'Eq': '==', 'NotEq': '!=', 'Lt': '<', 'LtE': '<=', 'Gt': '>', 'GtE': '>=',
           'Is': 'is', 'IsNot': 'is not', 'In': 'in', 'NotIn': 'not in'}
UNARY = {'Invert': '~', 'Not': 'not ', 'UAdd': '+', 'USub': '-'}

NOTE = """\
        except BaseException as e:
            if f.exc is not e:
                f.exc = e
                f.exc_node = node
            raise
"""


def operand_text(shape: str, name: str) -> str:
    """How a template reads an operand passed to its factory as `name`."""
    if shape == 'x':
        return f'{name}(f)'
    if shape == 'l':
        return f'f.fast[{name}]'
    return name


def _two_operand(symbol: str, a, b, node, kind: str):
    (sa, va), (sb, vb) = a, b
    source = (f'def make(A, B, node):\n'
              f'    def {kind}(f, A=A, B=B, node=node):\n'
              f'        try:\n'
              f'            return {operand_text(sa, "A")} {symbol} {operand_text(sb, "B")}\n'
              f'{NOTE}'
              f'    return {kind}\n')
    return instantiate(source, 'make')(va, vb, node)


def binary_closure(op: str, left, right, node):
    """`left op right`; operands are (shape, value) pairs."""
    return _two_operand(BINARY[op], left, right, node, 'binop')


def compare_closure(op: str, left, right, node):
    return _two_operand(COMPARE[op], left, right, node, 'compare')


def unary_closure(op: str, operand, node):
    shape, value = operand
    source = (f'def make(A, node):\n'
              f'    def unary(f, A=A, node=node):\n'
              f'        try:\n'
              f'            return {UNARY[op]}{operand_text(shape, "A")}\n'
              f'{NOTE}'
              f'    return unary\n')
    return instantiate(source, 'make')(value, node)


def failing_node(tree, spans: dict, error: BaseException, column_offset: int):
    """The innermost node of an inlined operator tree that raised, for the traceback position.

    The host recorded which instruction of the template raised; its column range in the
    template's source line is the span of one sub-expression of the generated text, and
    `spans` maps those spans back to nodes. Nothing is evaluated again.
    """
    tb = error.__traceback__
    if tb is None:
        return tree
    for index, position in enumerate(tb.tb_frame.f_code.co_positions()):
        if index == tb.tb_lasti // 2:
            _, _, start, end = position
            if start is None or end is None:
                return tree
            return spans.get((start - column_offset, end - column_offset), tree)
    return tree
