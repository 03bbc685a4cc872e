"""Interpreted code that stands for C code of CPython (the pure-Python `Future` and `Task` of
asyncio, as `_asyncio` is withheld; `warnings.warn` and `warn_explicit`, as `_warnings` is):
CPython's C functions have no frame, so theirs are left out of tracebacks; a crashing asyncio
program, or a warning turned into an error, prints CPython's traceback."""

from __future__ import annotations

import weakref

__all__ = ['stand_in_codes', 'stand_in_for_c']

# their code objects (a traceback entry of a frame running one is not recorded)
stand_in_codes: weakref.WeakSet = weakref.WeakSet()


def stand_in_for_c(owner) -> None:
    """The interpreted function `owner`, or every method of the interpreted class `owner`
    (properties' too), stands for C code."""
    from .functions import memphis_code_of

    for value in vars(owner).values() if isinstance(owner, type) else (owner,):
        functions = [value]
        if isinstance(value, (staticmethod, classmethod)):
            functions = [value.__func__]
        elif isinstance(value, property):
            functions = [value.fget, value.fset, value.fdel]
        for function in functions:
            code = memphis_code_of(function) if function is not None else None
            if code is not None:
                stand_in_codes.add(code)
