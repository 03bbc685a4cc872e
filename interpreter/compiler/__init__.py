"""The compiler: syntax tree + symbol tables -> `Code` objects whose bodies are closures.

`compile_source(source, filename, mode)` is the entry point; one `Compiler` per code block
combines the family mixins (expressions, targets, statements, functions, classes,
comprehensions, patterns, generator mode).
"""

from __future__ import annotations

from ..runtime.frames import Code
from .classes import ClassCompiler
from .comprehensions import ComprehensionCompiler
from .core import CompileError, CompilerCore, ModuleBodies
from .expressions import ExpressionCompiler
from .functions import FunctionCompiler
from .generators import GeneratorCompiler
from .patterns import PatternCompiler
from .scope import Scope, build_module_scope
from .statements import StatementCompiler
from .targets import TargetCompiler

__all__ = ['CompileError', 'Compiler', 'compile_source', 'compile_tree', 'parse_source']


class Compiler(ExpressionCompiler, TargetCompiler, StatementCompiler, FunctionCompiler,
               ClassCompiler, ComprehensionCompiler, PatternCompiler, GeneratorCompiler,
               ModuleBodies, CompilerCore):
    """Compiles one code block; nested blocks get their own `Compiler`."""

    def __init__(self, scope: Scope, filename: str, *, kind: str = 'module',
                 body: list | None = None, future: frozenset = frozenset(),
                 reuse: dict | None = None, instrument: bool = False) -> None:
        super().__init__(scope, filename, kind=kind, body=body)
        self.future = future
        # compiling a block again (instrumented): nested codes are reused, never recompiled
        self.reuse = reuse
        self.instrument = instrument


def parse_source(source: str | bytes, filename: str, mode: str = 'exec'):
    """(tree, symbol table) from the front end; SyntaxError for the first syntax error."""
    from ..parser import parse
    from ..scopes import build_symtable

    result = parse(source, filename, mode)
    if result.errors:
        raise _syntax_error(result.errors[0], source, filename)
    table, diagnostics = build_symtable(result.tree, filename)
    if diagnostics:
        raise _syntax_error(diagnostics[0], source, filename)
    return result.tree, table


def _syntax_error(diagnostic, source, filename: str) -> SyntaxError:
    """The host exception for a diagnostic, with the offending line as CPython gives it."""
    text = source.decode('utf-8', 'replace') if isinstance(source, bytes) else source
    lines = text.splitlines(keepends=True)
    line = lines[diagnostic.lineno - 1] if 0 < diagnostic.lineno <= len(lines) else None
    return diagnostic.to_exception(filename, line)


def _future_features(body: list) -> frozenset:
    found = set()
    for statement in body:
        if type(statement).__name__ == 'ImportFrom' and statement.module == '__future__':
            found.update(alias.name for alias in statement.names)
        elif not (type(statement).__name__ == 'Expr'
                  and type(statement.value).__name__ == 'Constant'):
            break
    return frozenset(found)


def compile_tree(tree, table, filename: str, mode: str = 'exec') -> Code:
    """Compile a module (or an `eval` expression) to a `Code` run with a namespace frame."""
    scope = build_module_scope(table)
    scope.layout([])
    kind_name = type(tree).__name__
    body = tree.body if kind_name != 'Expression' else []
    compiler = Compiler(scope, filename, kind='module', body=body,
                        future=_future_features(body))
    code = Code('<module>', '<module>', filename, 1)
    code.kind = 'module'
    code.scope = scope
    code.node = tree
    if kind_name == 'Expression':
        value = compiler.expr(tree.body)

        def evaluate(f):
            f.ret = value(f)

        code.body = evaluate
    else:
        code.body = compiler.module_body(body)
    code.children = compiler.child_codes
    return code


def compile_source(source: str | bytes, filename: str, mode: str = 'exec') -> Code:
    tree, table = parse_source(source, filename, mode)
    return compile_tree(tree, table, filename, mode)
