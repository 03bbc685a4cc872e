"""Memphis: a Python 3.11 interpreter written in Python.

The public API of the front end. Stages are imported on first use so that `import interpreter`
stays cheap (start-up time matters for `memphis prog.py`).
"""

from __future__ import annotations

__all__ = ['__version__', 'parse', 'symtable', 'to_ast']

__version__ = '0.1.0'


def parse(source, filename: str = '<unknown>', mode: str = 'exec'):
    """Parse `source` (str or bytes); return a result with `.tree` and `.errors`. Never raises."""
    from .parser import parse as parse_source

    return parse_source(source, filename, mode)


def to_ast(node):
    """Convert a Memphis syntax tree to the host's `ast` classes."""
    from .nodes import to_ast as convert

    return convert(node)


def symtable(source: str, filename: str, compile_type: str):
    """Symbol tables for `source`, with the API of the stdlib `symtable` module."""
    from .scopes import symtable as build

    return build(source, filename, compile_type)
