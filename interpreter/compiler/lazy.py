"""Function bodies compiled on their first call instead of when their module is compiled.

Most functions of an imported module never run; compiling their bodies to closures was most of a
warm import's time. Only modules whose tree was compiled whole before (an import cache hit) get
lazy bodies, so every compile-time error was already raised once and cannot move to a call.
"""

from __future__ import annotations

import threading

from ..runtime.frames import Code, code_observers

__all__ = ['compiled_body', 'defer_body']

# One lock for every first compilation: two threads calling a function for the first time
# compile it once. Reentrant because compiling a body never needs another lazy body, but an
# observer or a signal handler running interpreted code might.
_lock = threading.RLock()

_GENERATOR_KINDS = frozenset({'generator', 'coroutine', 'asyncgen'})


class _Pending:
    """A body waiting for its first call: how to compile it, the stand-in body, and the
    result once compiled (shared by the copies `Code.replace` makes, so it compiles once)."""

    __slots__ = ('compile', 'compiled', 'first_call')

    def __init__(self, compile_body, first_call) -> None:
        self.compile = compile_body
        self.first_call = first_call
        self.compiled = None


def defer_body(code: Code, compile_body) -> None:
    """Give `code` a body that compiles the real one on its first call.

    `compile_body()` returns (body, nested code objects); it runs once, under the lock."""
    if code.kind in _GENERATOR_KINDS:
        def first_call(f):
            return (yield from compiled_body(code)(f))

        first_call.memphis_gen = True
    else:
        def first_call(f):
            return compiled_body(code)(f)

    code.lazy = _Pending(compile_body, first_call)
    code.body = first_call


def compiled_body(code: Code):
    """The plain (uninstrumented) body of `code`, compiling it now if it waits for its first
    call; the code objects nested in it are then announced to the code observers."""
    if code.lazy is None:
        body = code.body
        return getattr(body, 'plain', body)
    made = None
    with _lock:
        pending = code.lazy
        if pending is None:
            body = code.body
            return getattr(body, 'plain', body)
        if pending.compiled is None:
            made = pending.compiled = pending.compile()
        body, children = pending.compiled
        code.children = children
        current = code.body
        if current is pending.first_call:
            code.body = body
        elif getattr(current, 'plain', None) is pending.first_call:
            # the step hooks swapped their own body in: theirs falls back to this one
            current.plain = body
        code.lazy = None
    # outside the lock: an observer (the debugger) takes its own lock, and may compile a body
    # while holding it
    if made is not None and code_observers and children:
        for observer in list(code_observers):
            for child in list(children.values()):
                observer(child)
    return body
