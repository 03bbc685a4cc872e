"""Exception matching and special-method lookup, with CPython's rules and messages."""

from __future__ import annotations

import sys

__all__ = ['exception_being_handled', 'exception_matches', 'special_method',
           'with_protocol_error']

_NOT_EXCEPTION = 'catching classes that do not inherit from BaseException is not allowed'


def _check_catchable(cls) -> None:
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        raise TypeError(_NOT_EXCEPTION)


def exception_matches(error: BaseException, spec) -> bool:
    """`except spec:` matching: a class or a tuple of classes, by the exception's MRO."""
    mro = type(error).__mro__
    if isinstance(spec, tuple):
        for cls in spec:
            _check_catchable(cls)
        return any(cls in mro for cls in spec)
    _check_catchable(spec)
    return spec in mro


def special_method(obj, name: str):
    """The bound special method `name` looked up on `type(obj)` (never the instance), or None."""
    cls = type(obj)
    for klass in cls.__mro__:
        attr = klass.__dict__.get(name)
        if attr is not None or name in klass.__dict__:
            getter = getattr(type(attr), '__get__', None)
            return getter(attr, obj, cls) if getter is not None else attr
    return None


def with_protocol_error(obj, has_enter: bool, asynchronous: bool) -> TypeError:
    name = type(obj).__name__
    if asynchronous:
        missing = '' if not has_enter else ' (missed __aexit__ method)'
        return TypeError(f"'{name}' object does not support the asynchronous context manager "
                         f'protocol{missing}')
    missing = '' if not has_enter else ' (missed __exit__ method)'
    return TypeError(f"'{name}' object does not support the context manager protocol{missing}")


def exception_being_handled(frame) -> BaseException | None:
    """What a bare `raise` re-raises and `sys.exception()` gives, seen from `frame`.

    The host's answer, unless it lost it: when throw() is delegated through the nested host
    generators of a generator body, the host does not restore the exception state of the outer
    ones, so a handler there falls back on the exception its frame records as being handled.
    """
    error = sys.exception()
    while error is None and frame is not None:
        error = getattr(frame, 'handled', None)
        frame = frame.f_back
    return error
