"""What CPython's compiler makes of a Memphis code object's source: `co_consts`, `co_names`.

A Memphis code object runs compiled closures, not bytecode, but programs read fields CPython's
compiler fills: Werkzeug's debugger console looks for nested code objects in `co_consts`,
Jinja2's bytecode cache marshals the code of a template. The constants and names are facts of
the source, so they are the host compiler's for the same source (compiled, never run), with
each nested host code object replaced by the Memphis one it corresponds to: `co_consts` hands
out code objects Memphis can run. The bytecode itself (`co_code`, `co_linetable`, ...) is not
exposed: Memphis's instructions are the entries of `co_positions()`, which `f_lasti`,
`tb_lasti` and `co_lines()` count, and the host's bytecode offsets would contradict them.

The source is the text given to `compile()`/`exec()` (kept on every code object it made, see
`remember_source`) or, for a module imported from a file, that file.
"""

from __future__ import annotations

import functools
import types

from .frames import SOURCE_FIELDS, Code

__all__ = ['SOURCE_FIELDS', 'host_code_of', 'marshal_payload', 'remember_source',
           'source_field', 'unmarshalled_code']


def remember_source(root: Code, text: str, mode: str, optimize: int = 0) -> None:
    """Note on `root` and every code object nested in it the source text they were compiled
    from (compile() of a string: nothing on disk has it), and how (compile()'s mode and
    optimization level)."""
    origin = (text, mode, optimize)
    pending = [root]
    while pending:
        code = pending.pop()
        code.origin = origin
        pending.extend(code.children.values())


def _source_of(code: Code) -> tuple[str, str, int] | None:
    """(source text, compile mode, optimization level) of `code`; a module's file is imported
    at the level of the command line's -O options."""
    if code.origin is not None:
        return code.origin
    filename = code.co_filename
    if not filename or filename.startswith('<'):
        return None
    from ..source import decode_source
    from .startup import optimize_level

    try:
        with open(filename, 'rb') as handle:
            return decode_source(handle.read(), filename), 'exec', optimize_level()
    except (OSError, SyntaxError, ValueError):
        return None


@functools.lru_cache(maxsize=16)
def _host_compile(text: str, filename: str, mode: str, optimize: int):
    try:
        return compile(text, filename, mode, dont_inherit=True, optimize=optimize)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def _nested(host_code):
    for const in host_code.co_consts:
        if isinstance(const, types.CodeType):
            yield const
            yield from _nested(const)


def host_code_of(code: Code):
    """The host's code object for the same source as `code`, or None (no source, or the
    source changed on disk so that no code object of that name starts on that line)."""
    source = _source_of(code)
    if source is None:
        return None
    root = _host_compile(source[0], code.co_filename, source[1], source[2])
    if root is None or code.kind == 'module':
        return root
    for candidate in _nested(root):
        if (candidate.co_firstlineno == code.co_firstlineno
                and candidate.co_qualname == code.co_qualname):
            return candidate
    return None


def _children(code: Code) -> list[Code]:
    if code.lazy is not None:
        from ..compiler.lazy import compiled_body

        compiled_body(code)  # a body waiting for its first call has no nested codes yet
    return list(code.children.values())


def _memphis_consts(code: Code, host_code) -> tuple:
    children = _children(code)

    def counterpart(const):
        if isinstance(const, types.CodeType):
            for child in children:
                if (child.co_firstlineno == const.co_firstlineno
                        and child.co_qualname == const.co_qualname):
                    children.remove(child)
                    return child
        return const

    return tuple(counterpart(const) for const in host_code.co_consts)


def source_field(code: Code, name: str):
    """`code.<name>` for a name in SOURCE_FIELDS. Without the source (compiled from an ast
    tree, or its file gone), `co_consts` is the docstring (or None) and the nested code objects,
    `co_names` empty."""
    host_code = host_code_of(code)
    if host_code is None:
        return (code.docstring, *_children(code)) if name == 'co_consts' else ()
    if name == 'co_consts':
        return _memphis_consts(code, host_code)
    return getattr(host_code, name)


# Marshal: the host's code object for the module's source, with the source, the compile mode
# and the optimization level appended to its constants (unused by the bytecode: CPython runs
# the data as usual), so that marshal.loads in Memphis compiles the source again.
_MARKER = '\x00memphis:source'


def marshal_payload(value):
    """The host code object marshal writes for the Memphis code `value`, or None when it has
    none (a nested code object, or no source)."""
    if not isinstance(value, Code) or value.kind != 'module':
        return None
    source = _source_of(value)
    host_code = host_code_of(value)
    if source is None or host_code is None:
        return None
    text, mode, level = source
    # the lowest level compiling to the same code: levels that change nothing marshal alike,
    # as CPython's (compileall links identical .pyc files of several levels)
    for lower in range(level):
        if _host_compile(text, value.co_filename, mode, lower) == host_code:
            level = lower
            break
    return host_code.replace(co_consts=(*host_code.co_consts, _MARKER, text, mode, level))


def unmarshalled_code(value):
    """The Memphis code object for a host code object `marshal_payload` made; else `value`."""
    if isinstance(value, types.CodeType):
        consts = value.co_consts
        from ..compiler import compile_source

        if len(consts) >= 4 and consts[-4] == _MARKER:
            return compile_source(consts[-3], value.co_filename, consts[-2],
                                  optimize=consts[-1])
        if len(consts) >= 3 and consts[-3] == _MARKER:  # written before the level was kept
            return compile_source(consts[-2], value.co_filename, consts[-1])
    return value
