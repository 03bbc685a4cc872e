"""Symbol flag bits and scope codes, with the values CPython 3.11's `_symtable` module uses."""

from __future__ import annotations

__all__ = [
    'CELL',
    'DEF_ANNOT',
    'DEF_BOUND',
    'DEF_COMP_ITER',
    'DEF_FREE',
    'DEF_FREE_CLASS',
    'DEF_GLOBAL',
    'DEF_IMPORT',
    'DEF_LOCAL',
    'DEF_NONLOCAL',
    'DEF_PARAM',
    'FREE',
    'GLOBAL_EXPLICIT',
    'GLOBAL_IMPLICIT',
    'LOCAL',
    'SCOPE_MASK',
    'SCOPE_OFF',
    'USE',
]

# Same numbers as CPython so raw flags can be compared with `_symtable` bit for bit.
DEF_GLOBAL = 1
DEF_LOCAL = 2
DEF_PARAM = 4
DEF_NONLOCAL = 8
USE = 16
DEF_FREE = 32
DEF_FREE_CLASS = 64
DEF_IMPORT = 128
DEF_ANNOT = 256
DEF_COMP_ITER = 512
DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT

SCOPE_OFF = 11
SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL

LOCAL = 1
GLOBAL_EXPLICIT = 2
GLOBAL_IMPLICIT = 3
FREE = 4
CELL = 5
