"""The one door to host modules until the bridge lands: `host_module` and the import it backs."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import types

from ..bridge.sys_functions import SYS_FUNCTIONS

__all__ = ['SysOverlay', 'host_module', 'import_host_module', 'sys_overlay']


def _is_compiled(name: str) -> bool:
    if name in sys.builtin_module_names:
        return True
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    if spec is None or spec.origin is None:
        return False
    return spec.origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


class SysOverlay(types.ModuleType):
    """`sys` as interpreted code sees it: the host's, with Memphis's frame-aware parts.

    Attributes not overlaid are read from and written to the host's `sys`, so assigning
    `sys.stdout` redirects `print` as in CPython.
    """

    def __getattr__(self, name: str):
        return getattr(sys, name)

    def __setattr__(self, name: str, value) -> None:
        if name in _SYS_OVERLAID:
            types.ModuleType.__setattr__(self, name, value)
        else:
            setattr(sys, name, value)

    def __delattr__(self, name: str) -> None:
        if name in _SYS_OVERLAID:
            types.ModuleType.__delattr__(self, name)
        else:
            delattr(sys, name)

    def __dir__(self):
        return sorted(set(dir(sys)) | set(_SYS_OVERLAID))


_SYS_OVERLAID = SYS_FUNCTIONS
_sys_overlay = None


def sys_overlay() -> SysOverlay:
    global _sys_overlay
    if _sys_overlay is None:
        module = SysOverlay('sys', sys.__doc__)
        for name, function in _SYS_OVERLAID.items():
            function.__module__ = 'sys'
            types.ModuleType.__setattr__(module, name, function)
        _sys_overlay = module
    return _sys_overlay


def host_module(name: str):
    """The host's module `name` if it is builtin or an extension module (the bridge's job later).

    Modules written in Python are refused: they must be interpreted, which the import system
    (next milestone) will do.
    """
    if name == 'sys':
        return sys_overlay()
    top = name.partition('.')[0]
    if not _is_compiled(top):
        raise ModuleNotFoundError(f"No module named '{name}'", name=name)
    __import__(name)
    return sys.modules[name]


def import_host_module(name, globals=None, locals=None, fromlist=(), level=0):
    """`__import__` for interpreted code, over `host_module`."""
    if level:
        raise ImportError('attempted relative import with no known parent package')
    module = host_module(name)
    if fromlist or '.' not in name:
        return module
    return host_module(name.partition('.')[0])
