"""Scope analysis: symbol tables with the stdlib `symtable` API, and compile-time errors."""

from __future__ import annotations

from ..diagnostics import SyntaxDiagnostic
from ..source import split_lines
from .api import Class, Function, Symbol, SymbolTable, wrap_block
from .builder import build_blocks

__all__ = ['Class', 'Function', 'Symbol', 'SymbolTable', 'build_symtable', 'symtable']

_MODES = {'exec': 'Module', 'eval': 'Expression', 'single': 'Interactive'}


def build_symtable(tree, filename: str = '<unknown>', *, source: str | None = None,
                   compiler_checks: bool = True,
                   top_level_await: bool = False) -> tuple[SymbolTable, list[SyntaxDiagnostic]]:
    """Symbol tables for a parsed `tree` (Memphis nodes or host `ast`), and every diagnostic.

    Never raises for bad code. Diagnostics are in the order CPython meets them, so the first
    is what `compile()` would raise. `compiler_checks=False` leaves out the errors CPython's
    code generator (not its symtable pass) raises, such as "'return' outside function";
    `top_level_await`, compile()'s PyCF_ALLOW_TOP_LEVEL_AWAIT, lets the module's own
    statements await.
    Tree positions are UTF-8 byte columns; given the `source`, diagnostics get character
    columns like every other stage's (their `offset` stays CPython's byte-based one).
    """
    top, diagnostics = build_blocks(tree, compiler_checks=compiler_checks,
                                    top_level_await=top_level_await)
    if source is not None:
        lines = split_lines(source)
        for diagnostic in diagnostics:
            diagnostic.use_character_columns(lines)
    return wrap_block(top, filename), diagnostics


def _parse(source: str, filename: str, compile_type: str):
    """Parse with Memphis's parser; raise the first syntax error as CPython would."""
    from ..parser import parse

    result = parse(source, filename, compile_type)
    if result.errors:
        raise result.errors[0].to_exception(filename, _line(source, result.errors[0]))
    return result.tree


def _line(source, diagnostic: SyntaxDiagnostic) -> str | None:
    if isinstance(source, bytes):
        return None
    lines = source.splitlines(True)
    if 1 <= diagnostic.lineno <= len(lines):
        return lines[diagnostic.lineno - 1]
    return None


def symtable(source: str, filename: str, compile_type: str) -> SymbolTable:
    """The top `SymbolTable` for `source`, as the stdlib's `symtable.symtable`.

    Raises SyntaxError for the errors the stdlib function raises (parse, future and symtable
    errors); code-generator errors are available from `build_symtable`.
    """
    if compile_type not in _MODES:
        raise ValueError("symtable() arg 3 must be 'exec' or 'eval' or 'single'")
    tree = _parse(source, filename, compile_type)
    text = source if isinstance(source, str) else None
    table, diagnostics = build_symtable(tree, filename, source=text, compiler_checks=False)
    if diagnostics:
        raise diagnostics[0].to_exception(filename, _line(source, diagnostics[0]))
    return table
