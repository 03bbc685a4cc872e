"""The compiler: syntax tree + symbol tables -> `Code` objects whose bodies are closures.

`compile_source(source, filename, mode)` is the entry point; one `Compiler` per code block
combines the family mixins (expressions, targets, statements, functions, classes,
comprehensions, patterns, generator mode).
"""

from __future__ import annotations

import weakref

from ..parser.messages import Msg
from ..runtime.frames import Code, code_observers
from ..runtime.host_code import remember_source
from ..runtime.module_functions import CO_COROUTINE
from ..source import SourceDecodeError, decode_source, find_cookie
from .classes import ClassCompiler
from .comprehensions import ComprehensionCompiler
from .core import CompileError, CompilerCore, ModuleBodies
from .expressions import ExpressionCompiler
from .functions import FunctionCompiler, docstring_of
from .generator_positions import GeneratorPositionCompiler
from .generators import GeneratorCompiler
from .optimization import optimize_tree
from .patterns import PatternCompiler
from .scope import Scope, build_module_scope
from .statements import StatementCompiler
from .syntax_warnings import emit_warnings, parser_warnings, syntax_warnings
from .targets import TargetCompiler

__all__ = ['CompileError', 'Compiler', 'compile_source', 'compile_tree', 'parse_source',
           'parse_tree', 'string_sources', 'syntax_warnings', 'warnings_of']

_BOM = b'\xef\xbb\xbf'

string_sources: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
"""The text of code compiled from a string (exec, eval: no file) while code observers (a
debugger) watch: every code object of the tree maps to it, so the debugger can show it."""


class Compiler(ExpressionCompiler, TargetCompiler, StatementCompiler, FunctionCompiler,
               ClassCompiler, ComprehensionCompiler, PatternCompiler, GeneratorPositionCompiler,
               GeneratorCompiler, ModuleBodies, CompilerCore):
    """Compiles one code block; nested blocks get their own `Compiler`."""

    def __init__(self, scope: Scope, filename: str, *, kind: str = 'module',
                 body: list | None = None, future: frozenset = frozenset(),
                 reuse: dict | None = None, instrument: bool = False,
                 lazy: bool | None = None) -> None:
        # nothing yields in a module or class body (yield, await, async for/with and async
        # comprehensions there are SyntaxErrors of the front end), so its walk is skipped,
        # but for a module compiled with PyCF_ALLOW_TOP_LEVEL_AWAIT that awaits
        walked = kind not in ('module', 'class') or (
            kind == 'module' and getattr(getattr(scope.table, '_table', None), 'coroutine', False))
        super().__init__(scope, filename, kind=kind, body=body if walked else None)
        self.future = future
        # function bodies compiled on their first call (compiler.lazy): the module's choice,
        # kept on its scope so every nested compiler (class bodies, comprehensions) follows it
        if lazy is None:
            root = scope
            while root.parent is not None:
                root = root.parent
            lazy = getattr(root, 'lazy_bodies', False)
        self.lazy = lazy
        # compiling a block again (instrumented): nested codes are reused, never recompiled
        self.reuse = reuse
        self.instrument = instrument
        # 'single' input shows its top-level expression statements (set for the module only)
        self.interactive = False


def parse_source(source: str | bytes, filename: str, mode: str = 'exec',
                 from_file: bool = False, *, top_level_await: bool = False):
    """(tree, symbol table) from the front end; SyntaxError for the first syntax error,
    positioned as CPython parsing a file does when `from_file` (see SyntaxDiagnostic).
    `top_level_await`: compile()'s PyCF_ALLOW_TOP_LEVEL_AWAIT."""
    from ..scopes import build_symtable

    tree = parse_tree(source, filename, mode, from_file)
    table, diagnostics = build_symtable(tree, filename, top_level_await=top_level_await)
    if diagnostics:
        # CPython's compile stage takes the line from the file named `filename` (none when
        # there is no such file, as for '<string>'), not from the source it compiled.
        error = diagnostics[0].to_exception(filename, _line_of_file(filename, diagnostics[0].lineno))
        raise error
    return tree, table


def parse_tree(source: str | bytes, filename: str, mode: str = 'exec', from_file: bool = False):
    """The parser's tree, as `ast.parse` gives it (no symbol-table or code-generator checks);
    SyntaxError for the first syntax error, after the parser's warnings as CPython's."""
    from ..parser import parse

    if isinstance(source, bytes):
        try:
            decode_source(source, filename)
        except SourceDecodeError as error:
            if error.lineno == 0:
                # an encoding declaration CPython cannot use: no position at all (line 0,
                # offset -1), which a diagnostic cannot hold
                raise SyntaxError(*error.args) from None
    result = parse(source, filename, mode)
    if result.errors:
        if result.error.message == Msg.TOO_COMPLEX:
            # Nesting past what the parser takes: CPython's parser stack overflows there,
            # an empty MemoryError.
            raise MemoryError
        # CPython's tokenizer has warned about what it read before the error: up to the
        # error's line (on it, counted read), everything for a bracket never closed (found
        # at the end of the input, reported at the bracket)
        read = None if result.error.message.endswith('was never closed') \
            else result.error.lineno
        emit_warnings(parser_warnings([warning for warning in result.warnings
                                       if read is None or warning[1] <= read]), filename)
        raise _syntax_error(result.error, source, filename, from_file,
                            result.error_from_tokenizer)
    emit_warnings(parser_warnings(result.warnings), filename)
    return result.tree


def _syntax_error(diagnostic, source, filename: str, from_file: bool = False,
                  from_tokenizer: bool = False) -> SyntaxError:
    """The host exception for a diagnostic, with the offending line as CPython gives it (an
    error of CPython's tokenizer has its line without the line end)."""
    if isinstance(source, bytes):
        try:  # in its declared encoding, as the parser read it
            text = decode_source(source, filename)
        except SyntaxError:
            text = source.decode('utf-8', 'replace')
    else:
        text = source
    lines = text.splitlines(keepends=True)
    line = lines[diagnostic.lineno - 1] if 0 < diagnostic.lineno <= len(lines) else None
    if from_file or line is None:
        return diagnostic.to_exception(filename, line, from_file)
    ranged = diagnostic.has_end and diagnostic.end_lineno > diagnostic.lineno
    if not ranged:
        # CPython's tokenizer buffer holds the whole backslash-continued line
        first = diagnostic.lineno - 1
        while first > 0 and lines[first - 1].rstrip('\r\n').endswith('\\'):
            first -= 1
        line = ''.join(lines[first:diagnostic.lineno])
    text = _line_of_string(line, ranged or from_tokenizer)
    columns = diagnostic.file_columns
    if isinstance(source, bytes) and not source.startswith(_BOM) and find_cookie(source) is None:
        # bytes declaring no encoding: CPython's parser (not its tokenizer) leaves its
        # columns in bytes, as when it parses a file (at the end of the text it does not)
        return diagnostic.to_exception(filename, text, columns is not None and columns[0] >= 0)
    error = diagnostic.to_exception(filename, text)
    if ranged and error.end_offset > len(text) + 1:
        # CPython converts the end column to characters within the text: a range over several
        # lines is marked to the end of its first
        return type(error)(error.msg, (filename, error.lineno, error.offset, text,
                                       error.end_lineno, len(text) + 1))
    return error


def _line_of_string(line: str, tokenizer_past_it: bool) -> str:
    """SyntaxError.text for a compiled string: CPython's tokenizer ends the text with a
    newline; a line it has read past (the error spans several lines) comes from its buffers,
    without one."""
    line = line.rstrip('\r\n')
    return line if tokenizer_past_it else line + '\n'


def _line_of_file(filename: str, lineno: int) -> str | None:
    """Line `lineno` of the file `filename` as PyErr_ProgramTextObject reads it, or None."""
    try:
        with open(filename, 'rb') as file:
            for number, line in enumerate(file, 1):
                if number == lineno:
                    return line.decode('utf-8', 'replace')
    except (OSError, ValueError):
        return None
    return None


def _future_features(body: list) -> frozenset:
    found = set()
    for statement in body:
        if type(statement).__name__ == 'ImportFrom' and statement.module == '__future__':
            found.update(alias.name for alias in statement.names)
        elif not (type(statement).__name__ == 'Expr'
                  and type(statement.value).__name__ == 'Constant'):
            break
    return frozenset(found)


def compile_tree(tree, table, filename: str, mode: str = 'exec', *, warn: bool = True,
                 lazy: bool = False, future: frozenset = frozenset(),
                 optimize: int = 0) -> Code:
    """Compile a module (or an `eval` expression) to a `Code` run with a namespace frame.

    `warn=False` skips the code generator's SyntaxWarnings: a tree from the import cache was
    checked when first compiled, as CPython does not warn again for a cached .pyc. `lazy`
    compiles each function body on its first call (compiler.lazy): only for a tree compiled
    whole before, so no compile-time error can move from here to a call. `future` adds the
    `__future__` features compile() was given (its flags, or inherited from the caller) to
    the source's own; `optimize` is compile()'s level (compiler.optimization: the tree is
    changed in place)."""
    scope = build_module_scope(table)
    scope.layout([])
    scope.lazy_bodies = lazy
    kind_name = type(tree).__name__
    body = tree.body if kind_name != 'Expression' else []
    future = _future_features(body) | future
    # CPython's code generator warns (through the warnings filters) before anything runs
    if warn:
        emit_warnings(syntax_warnings(tree, future=future), filename)
    optimize_tree(tree, optimize)
    scope.future = future  # for the traced compilations of its code (runtime.tracing)
    compiler = Compiler(scope, filename, kind='module',
                        body=body if kind_name != 'Expression' else [tree.body], future=future)
    compiler.interactive = mode == 'single'
    code = Code('<module>', '<module>', filename, 1)
    code.kind = 'module'
    code.scope = scope
    code.node = tree
    if kind_name == 'Expression' and compiler.yields(tree.body):
        # an expression that awaits (PyCF_ALLOW_TOP_LEVEL_AWAIT)
        value, _ = compiler.gen_expr(tree.body)

        def evaluate_awaiting(f):
            f.ret = yield from value(f)

        evaluate_awaiting.memphis_gen = True
        code.body = evaluate_awaiting
    elif kind_name == 'Expression':
        value = compiler.expr(tree.body)

        def evaluate(f):
            f.ret = value(f)

        code.body = evaluate
    else:
        # a module's docstring (not an interactive statement's string) is its `__doc__`
        docstring = docstring_of(body) if mode != 'single' else None
        code.docstring = docstring
        code.body = compiler.module_body(body, docstring)
    if compiler.is_gen(code.body):
        # it awaits: running it makes a coroutine (runtime.module_functions)
        code.co_flags |= CO_COROUTINE
    code.children = compiler.child_codes
    if code_observers:
        for observer in list(code_observers):
            observer(code)
    return code


def compile_source(source: str | bytes, filename: str, mode: str = 'exec',
                   from_file: bool = False, *, future: frozenset = frozenset(),
                   optimize: int = 0, top_level_await: bool = False) -> Code:
    tree, table = parse_source(source, filename, mode, from_file,
                               top_level_await=top_level_await)
    code = compile_tree(tree, table, filename, mode, future=future, optimize=optimize)
    if not from_file:
        text = source if isinstance(source, str) else decode_source(source, filename)
        remember_source(code, text, mode, optimize)
    if code_observers and filename.startswith('<'):
        text = code.origin[0] if code.origin is not None else source
        pending = [code]
        while pending:
            current = pending.pop()
            string_sources[current] = text
            pending.extend(current.children.values())
    return code


def warnings_of(source: str | bytes, filename: str = '<unknown>', mode: str = 'exec') -> list:
    """The warnings compiling `source` gives, as diagnostics, without emitting them: the
    parser's (kind 'DeprecationWarning': invalid escapes) and, when it parses, the code
    generator's (kind 'SyntaxWarning'). Never raises; for tools such as the LSP."""
    from ..parser import parse
    from ..source import decode_source, split_lines

    result = parse(source, filename, mode)
    found = parser_warnings(result.warnings)
    if not result.errors:
        body = result.tree.body if isinstance(result.tree.body, list) else []
        generated = syntax_warnings(result.tree, future=_future_features(body))
        text = decode_source(source, filename) if isinstance(source, bytes) else source
        lines = split_lines(text)
        for diagnostic in generated:
            # the tree's columns are UTF-8 bytes; diagnostics count characters
            diagnostic.use_character_columns(lines)
        found += generated
    return found
