"""The builtins interpreted code sees: the host's, with frame-aware functions replaced.

`globals`, `locals`, `vars`, `dir`, `eval`, `exec`, `compile`, `__import__` and
`__build_class__` must answer for the Memphis frame that calls them, not for the host's.
"""

from __future__ import annotations
import __future__

import builtins as host_builtins
import functools
import operator
import os
import types

from ..imports.system import memphis_import
from .frames import Code, Frame, current_state, switched_frames
from .host import memphis_input
from .module_functions import CO_COROUTINE, module_coroutine
from .startup import optimize_level
from .tracebacks import MEMPHIS_ATTRIBUTES, leave_frame, memphis_attribute_value

__all__ = ['builtins_dict', 'builtins_module', 'new_module_globals', 'run_code']

_MISSING = object()


def _caller() -> Frame:
    frame = current_state().frame
    if frame is None:
        raise SystemError('no current Memphis frame')
    return frame


def run_code(code: Code, globals_: dict, names=None, back: Frame | None = _MISSING):
    """Execute a module-kind `Code` with `globals_` (and `names` as its local namespace); a
    module that awaits (compiled with PyCF_ALLOW_TOP_LEVEL_AWAIT) gives its coroutine."""
    builtins = globals_.get('__builtins__', builtins_module)
    if isinstance(builtins, types.ModuleType):
        builtins = builtins.__dict__
    if code.co_flags & CO_COROUTINE:
        return module_coroutine(code, globals_, builtins, globals_ if names is None else names)
    state = current_state()
    previous = state.frame
    frame = Frame(code, globals_, builtins, globals_ if names is None else names, [],
                  previous if back is _MISSING else back)
    if frame.depth > 1 and frame.depth > _recursion_limit():
        raise RecursionError('maximum recursion depth exceeded')
    state.frame = frame
    try:
        code.body(frame)
        if switched_frames and frame in switched_frames:  # found running by sys.settrace
            from .tracing import switched_frame_left

            switched_frame_left(frame)
        return frame.ret
    except BaseException as error:
        leave_frame(frame, error)
        raise
    finally:
        state.frame = previous


def _recursion_limit() -> int:
    from .frames import recursion_limit

    return recursion_limit.value


def _is_mapping(value) -> bool:
    """PyMapping_Check: the type can be subscripted."""
    return hasattr(type(value), '__getitem__')


def _namespaces(globals_, locals_, function: str):
    # (CPython's checks and messages, in its order: eval looks at locals first)
    if function == 'eval':
        if locals_ is not None and not _is_mapping(locals_):
            raise TypeError('locals must be a mapping')
        if globals_ is not None and not isinstance(globals_, dict):
            raise TypeError('globals must be a real dict; try eval(expr, {}, mapping)'
                            if _is_mapping(globals_) else 'globals must be a dict')
    else:
        if globals_ is not None and not isinstance(globals_, dict):
            raise TypeError(f'exec() globals must be a dict, not {type(globals_).__name__}')
        if locals_ is not None and not _is_mapping(locals_):
            raise TypeError(f'locals must be a mapping or None, not {type(locals_).__name__}')
    if globals_ is None:
        caller = _caller()
        globals_ = caller.f_globals
        if locals_ is None:
            locals_ = caller.f_locals
    elif locals_ is None:
        locals_ = globals_
    if '__builtins__' not in globals_:
        globals_['__builtins__'] = builtins_module
    return globals_, locals_


def _source_code(source, mode: str, function: str) -> Code:
    from ..compiler import compile_source

    if isinstance(source, Code):
        return source
    source = _source_text(source, function, 'string, bytes or code')
    if mode == 'eval':
        source = source.lstrip(b' \t' if isinstance(source, bytes) else ' \t')
    return compile_source(source, '<string>', mode, future=_inherited_future(),
                          optimize=optimize_level())


def _source_text(source, function: str, what: str) -> str | bytes:
    """_Py_SourceAsString: a str (encodable as UTF-8), or the bytes of a bytes-like object
    (the parser decodes them as CPython does: BOM, PEP 263 cookie), without NUL."""
    if isinstance(source, str):
        source.encode('utf-8')  # CPython's UnicodeEncodeError for a lone surrogate
        text = source
        null = '\0'
    else:
        if isinstance(source, (bytes, bytearray)):
            text = bytes(source)
        else:
            try:
                text = memoryview(source).tobytes()
            except TypeError:
                raise TypeError(f'{function}() arg 1 must be a {what} object') from None
        null = b'\0'
    if null in text:
        raise SyntaxError('source code string cannot contain null bytes')
    return text


def _inherited_future() -> frozenset:
    """The `__future__` features of the calling code, which compile(), exec() and eval() of
    a string inherit (PyEval_MergeCompilerFlags)."""
    frame = current_state().frame
    scope = getattr(frame.f_code, 'scope', None) if frame is not None else None
    while scope is not None and scope.parent is not None:
        scope = scope.parent
    return getattr(scope, 'future', None) or frozenset()


def memphis_eval(source, globals=None, locals=None, /):
    globals_, locals_ = _namespaces(globals, locals, 'eval')
    if isinstance(source, Code) and source.co_freevars:
        raise TypeError('code object passed to eval() may not contain free variables')
    code = _source_code(source, 'eval', 'eval')
    return _run_code_object(code, globals_, locals_, ())


def memphis_exec(source, globals=None, locals=None, /, *, closure=None):
    globals_, locals_ = _namespaces(globals, locals, 'exec')
    if closure is not None and not isinstance(source, Code):
        raise TypeError('closure can only be used when source is a code object')
    code = _source_code(source, 'exec', 'exec')
    free = len(code.co_freevars)
    if not free:
        if closure is not None:
            raise TypeError('cannot use a closure with this code object')
    elif (type(closure) is not tuple or len(closure) != free
          or any(type(cell) is not types.CellType for cell in closure)):
        raise TypeError(f'code object requires a closure of exactly length {free}')
    _run_code_object(code, globals_, locals_, closure or ())


def _run_code_object(code: Code, globals_: dict, locals_, closure: tuple):
    """PyEval_EvalCodeEx without arguments: a module-kind code runs with the namespaces; the
    code of a function (its `__code__`) runs as a call of a function made of it with no
    arguments and no defaults (CPython's TypeError for a missing one; a generator or
    coroutine code makes its object, not run), with `closure` as its free variables."""
    if code.trampoline is None:
        return run_code(code, globals_, locals_)
    from .functions import make_function
    from .type_creation import builtins_of

    function = make_function(code, globals_, builtins_of(globals_), None, None, closure,
                             None, code.docstring)
    return function()


# compile()'s flags: the __future__ features (PyCF_MASK, CO_NESTED among them) and
# PyCF_COMPILE_MASK (DONT_IMPLY_DEDENT, ONLY_AST, TYPE_COMMENTS, ALLOW_TOP_LEVEL_AWAIT,
# ALLOW_INCOMPLETE_INPUT)
_FUTURE_FLAGS = {name: getattr(__future__, name).compiler_flag
                 for name in __future__.all_feature_names}
_ONLY_AST, _TYPE_COMMENTS, _ALLOW_TOP_LEVEL_AWAIT = 0x400, 0x1000, 0x2000
_ACCEPTED_FLAGS = functools.reduce(operator.or_, _FUTURE_FLAGS.values()) | 0x7600


def _fs_decoded(filename) -> str:
    """PyUnicode_FSDecoder, as compile() reads its filename: a str, bytes or path-like, or
    (deprecated) any bytes-like object."""
    if not isinstance(filename, (str, bytes)) and not hasattr(type(filename), '__fspath__'):
        try:
            data = memoryview(filename).tobytes()
        except TypeError:
            raise TypeError('expected str, bytes or os.PathLike object, not '
                            f'{type(filename).__name__}') from None
        from ..bridge.host_warnings import warn_as_c

        warn_as_c('path should be string, bytes, or os.PathLike, not '
                  f'{type(filename).__name__}', DeprecationWarning)
        filename = data
    return os.fsdecode(filename)


def memphis_compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *,
                    _feature_version=-1):
    import ast

    from ..compiler import compile_source, compile_tree, parse_tree

    filename = _fs_decoded(filename)
    if not isinstance(mode, str):
        raise TypeError(f"compile() argument 'mode' must be str, not {type(mode).__name__}")
    flags, optimize = operator.index(flags), operator.index(optimize)
    if flags & ~_ACCEPTED_FLAGS:
        raise ValueError('compile(): unrecognised flags')
    if not -1 <= optimize <= 2:
        raise ValueError('compile(): invalid optimize value')
    if optimize == -1:
        optimize = optimize_level()
    future = frozenset(name for name, flag in _FUTURE_FLAGS.items() if flags & flag)
    if not dont_inherit:
        future |= _inherited_future()
    only_ast = flags & _ONLY_AST
    if mode == 'func_type' and not only_ast:
        raise ValueError("compile() mode 'func_type' requires flag PyCF_ONLY_AST")
    if mode not in ('exec', 'eval', 'single', 'func_type'):
        raise ValueError("compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                         if only_ast else "compile() mode must be 'exec', 'eval' or 'single'")
    if isinstance(source, ast.AST):
        if only_ast:
            return source
        from ..compiler.host_trees import from_host_tree
        from ..scopes import build_symtable

        tree = from_host_tree(source, filename, mode)
        table, diagnostics = build_symtable(tree, filename,
                                            top_level_await=bool(flags & _ALLOW_TOP_LEVEL_AWAIT))
        if diagnostics:
            raise diagnostics[0].to_exception(filename, None)
        return compile_tree(tree, table, filename, mode, future=future, optimize=optimize)
    source = _source_text(source, 'compile', 'string, bytes or AST')
    top_level_await = bool(flags & _ALLOW_TOP_LEVEL_AWAIT)
    if only_ast:
        if mode == 'func_type' or flags & _TYPE_COMMENTS or _feature_version >= 0:
            # what Memphis's parser does not read (type comments, function type signatures,
            # older grammars) is the host's parser's: the same `ast` classes
            return host_builtins.compile(source, filename, mode, flags, True, optimize,
                                         _feature_version=_feature_version)
        from ..nodes import AST, to_ast

        if flags & _ALLOW_INCOMPLETE_INPUT:
            tree = _complete_or_raise(parse_tree, source, filename, mode, flags)
        else:
            tree = parse_tree(source, filename, mode)
        return to_ast(tree) if isinstance(tree, AST) else tree
    if flags & _ALLOW_INCOMPLETE_INPUT:
        return _complete_or_raise(
            lambda *args: compile_source(*args, future=future, optimize=optimize,
                                         top_level_await=top_level_await),
            source, filename, mode, flags)
    return compile_source(source, filename, mode, future=future, optimize=optimize,
                          top_level_await=top_level_await)


_ALLOW_INCOMPLETE_INPUT, _DONT_IMPLY_DEDENT = 0x4000, 0x200
# a parse that failed on these ran out of input (codeop asks for another line)
_CUT_OFF = ('was never closed', 'unterminated triple-quoted string literal',
            'unexpected EOF while parsing')


def _complete_or_raise(compile_, source: str, filename: str, mode: str, flags: int):
    """`compile_(source, filename, mode)` under PyCF_ALLOW_INCOMPLETE_INPUT (codeop's): a source
    that fails only because it ends too early raises SyntaxError('incomplete input') instead,
    as CPython's parser does when it fails at the end of input (`_is_end_of_source`): inside a
    bracket, a triple-quoted string or a continuation line, an error at the end of the last
    line (`if x:`, `1 +`), and in 'single' mode with PyCF_DONT_IMPLY_DEDENT a compound
    statement without the newline after it (its block may go on)."""
    text = source.replace('\r\n', '\n').replace('\r', '\n')
    ends_line = text.endswith('\n')
    lines = (text[:-1] if ends_line else text).split('\n')
    # exec mode reads a missing last newline; single and eval end at the last character
    end = len(lines[-1]) + (1 if ends_line or mode == 'exec' else 0)
    incomplete = SyntaxError('incomplete input', (filename, len(lines), end,
                                                  lines[-1] + '\n' if ends_line else lines[-1],
                                                  len(lines), -1))
    try:
        compiled = compile_(source, filename, mode)
    except SyntaxError as error:
        if error.msg == 'unexpected EOF while parsing' and not ends_line and mode != 'exec' \
                and lines[-1].endswith('\\'):
            # the tokenizer reads past the backslash for the next line's first character
            raise SyntaxError('unexpected character after line continuation character',
                              (filename, len(lines), len(lines[-1]), lines[-1], len(lines),
                               0)) from None
        if not _ends_too_early(error, lines, ends_line, mode):
            raise
        if 'string literal' in error.msg:  # reported at the string's start
            incomplete.lineno, incomplete.offset = error.lineno, error.offset
            incomplete.text = error.text
        raise incomplete from None
    if mode == 'single' and flags & _DONT_IMPLY_DEDENT and not ends_line \
            and _ends_with_compound_statement(source, filename):
        raise incomplete
    return compiled


def _ends_too_early(error: SyntaxError, lines: list[str], ends_line: bool, mode: str) -> bool:
    message = error.msg or ''
    if message.startswith('unterminated string literal'):
        # runs to the end of input only when no newline ends it (exec mode adds one)
        return not ends_line and mode != 'exec' and error.lineno == len(lines)
    if any(part in message for part in _CUT_OFF):
        return True
    if error.lineno is None or message.startswith('unindent does not match'):
        return False
    if message == 'invalid syntax' and error.offset == 0 and error.lineno == len(lines):
        # 'single' mode's compound statement that used the last NEWLINE, or blanks at the
        # level of an open block (the parser wanted a NEWLINE at the end of input)
        return True
    if error.lineno > len(lines):
        return True
    if error.lineno != len(lines) or (error.offset or 0) - 1 < len(lines[-1].rstrip()):
        return False
    # at the end of the last line: the parser failed on the newline there, which is the end
    # of input only when the source has none (exec mode adds one), unless it wanted what
    # comes after (a block)
    return (not ends_line and mode != 'exec') or any(part in message
                                                     for part in _BLOCK_EXPECTED)


_BLOCK_EXPECTED = ('expected an indented block', "expected 'except' or 'finally' block")


def _ends_with_compound_statement(source: str, filename: str) -> bool:
    from ..compiler import parse_tree

    body = getattr(parse_tree(source, filename, 'single'), 'body', None)
    return bool(body) and type(body[-1]).__name__ in _COMPOUND_STATEMENTS


_COMPOUND_STATEMENTS = frozenset({'If', 'For', 'AsyncFor', 'While', 'Try', 'TryStar', 'With',
                                  'AsyncWith', 'FunctionDef', 'AsyncFunctionDef', 'ClassDef',
                                  'Match'})


def memphis_globals():
    return _caller().f_globals


def memphis_locals():
    return _caller().f_locals


def memphis_vars(*args):
    if not args:
        return _caller().f_locals
    if len(args) > 1:
        raise TypeError(f'vars expected at most 1 argument, got {len(args)}')
    try:
        return args[0].__dict__
    except AttributeError:
        raise TypeError('vars() argument must have __dict__ attribute') from None


def memphis_dir(*args):
    if not args:
        # CPython's PyMapping_Keys: a mapping other than an exact dict answers by its keys()
        namespace = _caller().f_locals
        return sorted(namespace if type(namespace) is dict else list(namespace.keys()))
    return host_builtins.dir(*args)


def memphis_build_class(func, name, /, *bases, **keywords):
    """`__build_class__` called directly: `func` must be a function taking no arguments."""
    import types as host_types

    original_bases = bases
    resolved = host_types.resolve_bases(bases)
    meta, namespace, keywords = host_types.prepare_class(name, resolved, keywords)
    from .functions import memphis_code_of

    code = memphis_code_of(func)
    if code is None:
        result = func()
    else:
        raise TypeError('__build_class__ of an interpreted function is not supported yet')
    del result
    if resolved is not original_bases:
        namespace['__orig_bases__'] = original_bases
    return meta(name, resolved, namespace, **keywords)


_host_getattr = host_builtins.getattr


def memphis_getattr(*args, **keywords):
    """getattr(): the names interpreted code sees through Memphis (a function's `__code__`, an
    exception's `__traceback__`, a generator's frame and code: MEMPHIS_ATTRIBUTES) as an
    attribute load gives them; any other call is the host's (its errors too)."""
    if 2 <= len(args) <= 3 and not keywords and type(args[1]) is str \
            and args[1] in MEMPHIS_ATTRIBUTES:
        try:
            return memphis_attribute_value(args[0], args[1])
        except AttributeError:
            if len(args) == 2:
                raise
            return args[2]
    return _host_getattr(*args, **keywords)


def _make_builtins() -> types.ModuleType:
    from ..bridge.breakpoints import breakpoint_builtin
    from .c_calls import stand_in_modules

    module = types.ModuleType('builtins', host_builtins.__doc__)
    namespace = module.__dict__
    namespace.update(host_builtins.__dict__)
    overlay = {
        'globals': memphis_globals, 'locals': memphis_locals, 'vars': memphis_vars,
        'dir': memphis_dir, 'eval': memphis_eval, 'exec': memphis_exec,
        'compile': memphis_compile, '__import__': memphis_import,
        '__build_class__': memphis_build_class, 'breakpoint': breakpoint_builtin,
        'input': memphis_input, 'getattr': memphis_getattr,
    }
    for name, function in overlay.items():
        host = getattr(host_builtins, name)
        function.__name__ = host.__name__
        function.__qualname__ = host.__name__
        function.__doc__ = host.__doc__
        function.__module__ = 'builtins'
        namespace[name] = function
        stand_in_modules[function] = 'builtins'
    return module


builtins_module = _make_builtins()
builtins_dict = builtins_module.__dict__


def new_module_globals(name: str, filename: str | None = None) -> dict:
    namespace = {'__name__': name, '__doc__': None, '__package__': None, '__loader__': None,
                 '__spec__': None, '__builtins__': builtins_module}
    if filename is not None:
        namespace['__file__'] = filename
        namespace['__cached__'] = None
    return namespace
