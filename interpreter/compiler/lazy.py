"""Function bodies compiled on their first call instead of when their module is compiled.

Most functions of an imported module never run; compiling their bodies to closures was most of a
warm import's time. Only modules whose tree was compiled whole before (an import cache hit) get
lazy bodies, so every compile-time error was already raised once and cannot move to a call.
"""

from __future__ import annotations

import gc
import threading

from ..runtime.frames import Code, code_observers

__all__ = ['compiled_body', 'defer_body']

# One lock for every first compilation: two threads calling a function for the first time
# compile it once. Reentrant because compiling a body never needs another lazy body, but an
# observer or a signal handler running interpreted code might.
_lock = threading.RLock()


def defer_body(code: Code, pending) -> None:
    """Give `code` a body that compiles the real one on its first call: `pending` (see
    compiler.functions._BodyCompilation), whose `compile()` returns (body, nested code
    objects) and runs once, under the lock, and which stands in as the body meanwhile."""
    pending.code = code
    code.lazy = pending
    code.body = pending


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
            made = pending.compiled = _compile_without_collector(pending)
        body, children = pending.compiled
        code.children = children
        current = code.body
        if current is pending:
            code.body = body
        elif getattr(current, 'plain', None) is pending:
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


def _compile_without_collector(pending):
    """`pending.compile()` with the cyclic collector off: loading and compiling allocate, and
    a finalizer the collector ran then (asyncio's Task.__del__) could call the function being
    compiled, whose body would be compiled a second time from symbol tables the first
    compilation is consuming."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pending.compile()
    finally:
        if enabled:
            gc.enable()
