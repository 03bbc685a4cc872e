"""`type(name, bases, ns)` called from interpreted code names the caller's module, as in CPython.

The host's `type.__new__` takes `__module__` from the globals of the innermost host frame, which
for interpreted code is a call template's (no `__name__`), so classes made by calling `type` (or
`type.__new__` from a metaclass) would get no `__module__` at all.
"""

from __future__ import annotations

from .templates import instantiate

__all__ = ['TYPE_CREATORS', 'may_create_type', 'module_naming']

# what a call template compares its callee with before the call (identity: no hashing)
TYPE_CREATORS = (type, type.__new__)

# A template, so that the host call runs in globals without `__name__`: a caller whose globals
# have none gets a class without `__module__`, as in CPython.
_NAMING = '''\
def module_naming(f, function):
    position = 2 if function is type else 3

    def create(*args, **kwargs):
        if len(args) == position + 1:
            namespace = args[position]
            globals_ = f.f_globals
            if (isinstance(namespace, dict) and '__module__' not in namespace
                    and '__name__' in globals_):
                namespace = dict(namespace)
                namespace['__module__'] = globals_['__name__']
                args = (*args[:position], namespace)
        return function(*args, **kwargs)

    return create
'''


def may_create_type(positional: int, unpacked: bool) -> bool:
    """Whether a call with this many positional arguments (or any `*`/`**`) can be one of
    `type(name, bases, ns)` and `type.__new__(metatype, name, bases, ns)`."""
    return unpacked or positional in (3, 4)


def module_naming(f, function):
    """`function` (`type` or `type.__new__`) putting the calling frame's `__name__` in the
    namespace as `__module__` when it has none, as CPython's type_new does."""
    return instantiate(_NAMING, 'module_naming')(f, function)
