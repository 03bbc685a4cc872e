"""The interactive interpreter: `memphis` with no program, or `memphis -i`, read-eval-print.

Input is read a line at a time with `sys.ps1`/`sys.ps2` prompts; a statement runs as soon as it
is complete (a compound statement ends with an empty line), in `__main__`'s namespace, with
expression statements shown by `sys.displayhook` and errors reported as CPython's REPL does.
"""

from __future__ import annotations

import sys

__all__ = ['input_state', 'interact', 'run_input']

COMPLETE, INCOMPLETE, INVALID = 'complete', 'incomplete', 'invalid'

# what the parser says when input ran out inside a bracket, string or continuation line
_CUT_OFF_MESSAGES = ('was never closed', 'unterminated triple-quoted string literal',
                     'unexpected EOF while parsing')
# ... and, reported on the last line, when a block statement still needs its next part
_OPEN_BLOCK_MESSAGES = ('expected an indented block', "expected 'except' or 'finally' block")


def input_state(lines: list[str]) -> str:
    """COMPLETE, INCOMPLETE (read another line) or INVALID (report the error now) for `lines`.

    As CPython's REPL: a statement with an indented block needs an empty line after it; one
    cut off at the end of input (open bracket, string, decorator, `try` without handler) waits.
    """
    from .parser import parse

    source = '\n'.join(lines) + '\n'
    last = lines[-1]
    ended_by_blank = len(lines) > 1 and not last.strip()
    result = parse(source, '<stdin>', 'single')
    if not result.errors:
        if not ended_by_blank and _has_compound_statement(result.tree):
            return INCOMPLETE
        return INVALID if _compile_errors(result.tree, source) else COMPLETE
    error = result.errors[0]
    text_lines = source.count('\n')
    if error.lineno > text_lines or any(part in error.message for part in _CUT_OFF_MESSAGES):
        return INCOMPLETE
    if ended_by_blank:
        return INVALID
    at_end = error.lineno == text_lines and error.col_offset >= len(last.rstrip())
    if at_end and any(part in error.message for part in _OPEN_BLOCK_MESSAGES):
        return INCOMPLETE
    return INVALID


def _compile_errors(tree, source: str) -> list:
    from .scopes import build_symtable

    return build_symtable(tree, '<stdin>', source=source)[1]


_COMPOUND = frozenset({'If', 'For', 'AsyncFor', 'While', 'Try', 'TryStar', 'With', 'AsyncWith',
                       'FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Match'})


def _has_compound_statement(tree) -> bool:
    return any(type(statement).__name__ in _COMPOUND for statement in tree.body)


def _banner() -> str:
    from . import __version__

    return (f'Memphis {__version__} (Python {sys.version.split()[0]} host) on {sys.platform}\n'
            'Type "help", "copyright", "credits" or "license" for more information.\n')


def _prompt(name: str, default: str) -> str:
    from .runtime.host import sys_overlay

    value = getattr(sys_overlay(), name, default)
    return str(value)


def _read_line(prompt: str) -> str:
    """One line of input without its newline; EOFError at the end of input."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        _enable_line_editing()
        return input(prompt)
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.removesuffix('\n')


_line_editing = False


def _enable_line_editing() -> None:
    """On a terminal, `input` edits lines and keeps history through readline, as CPython's REPL."""
    global _line_editing
    if not _line_editing:
        _line_editing = True
        try:
            import readline  # noqa: F401 - importing it is what turns line editing on
        except ImportError:
            pass


def run_input(source: str, namespace: dict) -> int | None:
    """Compile and run one complete input; an exit status if it raised SystemExit, else None."""
    from .compiler import compile_source
    from .runtime.builtins import run_code
    from .runtime.entry import exit_status, flush_stdout
    from .runtime.stack import call_with_room
    from .runtime.startup import optimize_level
    from .runtime.tracebacks import print_exception

    try:
        code = compile_source(source, '<stdin>', 'single', optimize=optimize_level())
    except SyntaxError as error:
        print_exception(error)
        return None
    try:
        call_with_room(run_code, code, namespace, None, None)
    except SystemExit as error:
        return exit_status(error)
    except BaseException as error:  # noqa: BLE001 - Ctrl-C included: reported, back to >>>
        flush_stdout()
        print_exception(error)
    flush_stdout()
    return None


def interact(namespace: dict, *, banner: bool = True) -> int:
    """Run the read-eval-print loop in `namespace` until end of input; return the exit status."""
    if banner:
        sys.stderr.write(_banner())
    lines: list[str] = []
    while True:
        try:
            prompt = _prompt('ps2', '... ') if lines else _prompt('ps1', '>>> ')
            try:
                line = _read_line(prompt)
            except EOFError:
                sys.stderr.write('\n')
                return 0
            if not lines and not line.strip():
                continue
            lines.append(line)
            state = input_state(lines)
            if state == INCOMPLETE:
                continue
            source = '\n'.join(lines) + '\n'
            lines = []
            status = run_input(source, namespace)
            if status is not None:
                return status
        except KeyboardInterrupt:
            sys.stderr.write('\nKeyboardInterrupt\n')
            lines = []
