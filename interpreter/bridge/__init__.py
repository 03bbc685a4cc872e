"""The CPython bridge: host (C) modules, the `sys` and `builtins` overlays, foreign objects.

`CrossingWarning`, `describe`, `is_native`, `is_foreign` and `mark_native_module` are loaded
on first use (the `sys` overlay imports this package while the runtime is still loading).
"""

from __future__ import annotations

__all__ = ['CrossingWarning', 'describe', 'is_foreign', 'is_native', 'mark_native_module']

_HOMES = {'CrossingWarning': 'crossing', 'describe': 'foreign', 'is_foreign': 'foreign',
          'is_native': 'foreign', 'mark_native_module': 'foreign'}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f'{__name__}.{home}'), name)
