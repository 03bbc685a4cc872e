"""Constants as CPython's compiler makes them: folded tuples, one object per value and unit.

CPython folds a tuple of constants (and `-<number>`) into one constant, and merges equal
constants across a whole compilation unit, so `(1, 2) is (1, 2)`, a function returning a
constant tuple returns the same object on each call, and two equal string literals of a module
are one object. The unit's cache lives on its module scope (`Scope.constants`).
"""

from __future__ import annotations

__all__ = ['NOT_CONSTANT', 'constant_value', 'shared_constant']

NOT_CONSTANT = object()
"""What `constant_value` returns for a node CPython's folding leaves alone."""

_NUMBERS = (int, float, complex)


def constant_value(node):
    """The value CPython's AST optimizer folds `node` to (a constant, a tuple of folded
    values, a negated or plus-signed number), or NOT_CONSTANT."""
    kind = type(node).__name__
    if kind == 'Constant':
        return node.value
    if kind == 'Tuple' and type(node.ctx).__name__ == 'Load':
        values = []
        for element in node.elts:
            value = constant_value(element)
            if value is NOT_CONSTANT:
                return NOT_CONSTANT
            values.append(value)
        return tuple(values)
    if kind == 'UnaryOp' and type(node.operand).__name__ == 'Constant':
        operand = node.operand.value
        op = type(node.op).__name__
        if type(operand) in _NUMBERS and op in ('USub', 'UAdd'):
            return -operand if op == 'USub' else +operand
    return NOT_CONSTANT


def _key(value):
    # as CPython's _PyCode_ConstantKey: equal values of different types (1, 1.0, True) and the
    # two zeros (0.0, -0.0) stay apart
    kind = type(value)
    if kind is tuple:
        return (tuple, tuple(_key(item) for item in value))
    if kind in (float, complex):
        return (kind, repr(value))
    return (kind, value)


def shared_constant(constants: dict, value):
    """The unit's object for `value` (the first one compiled), remembered in `constants`."""
    try:
        key = _key(value)
        return constants.setdefault(key, value)
    except TypeError:  # an unhashable constant (none come from source)
        return value
