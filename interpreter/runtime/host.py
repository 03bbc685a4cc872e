"""`sys` as interpreted code sees it: the host's, with Memphis's import state and frame functions."""

from __future__ import annotations

import importlib.machinery
import sys
import types

from ..bridge.sys_functions import SYS_FUNCTIONS

__all__ = ['IMPORT_STATE_NAMES', 'ProgramStream', 'install_import_state', 'memphis_input',
           'program_stream', 'sys_attribute', 'sys_overlay']

# The `sys` attributes that are Memphis's own data, read from the import state.
IMPORT_STATE_NAMES = ('modules', 'path', 'meta_path', 'path_hooks', 'path_importer_cache',
                      'argv')


_sys_overlay: types.ModuleType | None = None


def sys_overlay() -> types.ModuleType:
    """The one `sys` module object interpreted code sees.

    A plain module, so `type(sys)` is the module type as in CPython (importlib and
    `types.ModuleType` rely on it). It holds Memphis's functions and import state and, for
    every other attribute, the host's `sys` value when the overlay is made (a copy of the
    namespace, not a PEP 562 `__getattr__`, so `vars(sys)` and `dir(sys)` are complete and
    hold no hook CPython's `sys` lacks). The standard streams are the program's own from the start,
    and the host's `sys` forwards to them (ProgramStream), so the host's `print` follows.
    """
    global _sys_overlay
    if _sys_overlay is None:
        module = types.ModuleType('sys', sys.__doc__)
        # a spec as the builtin finder gives, so repr(sys) is "<module 'sys' (built-in)>"
        from ..imports.machinery import BridgeLoader

        module.__spec__ = importlib.machinery.ModuleSpec('sys', BridgeLoader('sys', None),
                                                         origin='built-in')
        module.__loader__ = module.__spec__.loader
        module.__package__ = sys.__package__
        for name, value in vars(sys).items():
            module.__dict__.setdefault(name, value)
        for name, function in SYS_FUNCTIONS.items():
            function.__module__ = 'sys'
            setattr(module, name, function)
        _sys_overlay = module
        _route_host_streams(module)
        from ..imports.system import import_state

        import_state()
    return _sys_overlay


_STREAMS = ('stdin', 'stdout', 'stderr')


class ProgramStream:
    """What the host's `sys.stdout` (stdin, stderr) is while Memphis runs: it forwards to the
    program's `sys.stdout`, so the host's own `print` and `input` follow a program that
    reassigns it (CPython has one `sys`; Memphis has two)."""

    __slots__ = ('_name',)

    def __init__(self, name: str) -> None:
        object.__setattr__(self, '_name', name)

    def _target(self):
        return _sys_overlay.__dict__.get(self._name)

    def write(self, text):
        target = self._target()
        if target is None:  # CPython's print does nothing when sys.stdout is None
            return len(text)
        return target.write(text)

    def flush(self):
        target = self._target()
        if target is not None:
            return target.flush()
        return None

    def __getattr__(self, name: str):
        return getattr(self._target(), name)

    def __setattr__(self, name: str, value) -> None:
        setattr(self._target(), name, value)

    def __iter__(self):
        return iter(self._target())

    def __repr__(self) -> str:
        return repr(self._target())


def program_stream(name: str):
    """The program's `sys.<name>` stream ('stdin', 'stdout', 'stderr'); None if it deleted
    it or set it to None."""
    if _sys_overlay is None:
        return getattr(sys, name, None)
    return _sys_overlay.__dict__.get(name)


def memphis_input(*args, **kwargs):
    """`input()`: CPython's checks of the program's streams (the host's `input` sees the
    ProgramStreams, which are never lost), then the host's `input`, which reads and writes
    through them (line editing included on a terminal)."""
    if kwargs:
        raise TypeError('input() takes no keyword arguments')
    if len(args) > 1:
        raise TypeError(f'input expected at most 1 argument, got {len(args)}')
    for name in _STREAMS:
        if program_stream(name) is None:
            raise RuntimeError(f'input(): lost sys.{name}')
    return _host_input(*args)


_host_input = input


def _route_host_streams(module: types.ModuleType) -> None:
    """The program's `sys.stdin/stdout/stderr` start as the host's streams; the host's `sys`
    then reads them through the program's (see ProgramStream)."""
    for name in _STREAMS:
        current = getattr(sys, name)
        if isinstance(current, ProgramStream):
            current = current._target()
        module.__dict__[name] = current
        setattr(sys, name, ProgramStream(name))


def sys_attribute(name: str):
    """`sys.<name>` as interpreted code would read it (None if neither has it)."""
    overlay = _sys_overlay
    if overlay is not None:
        value = overlay.__dict__.get(name, _MISSING)
        if value is not _MISSING:
            return value
    return getattr(sys, name, None)


_MISSING = object()


def install_import_state(state) -> None:
    """Point the overlay's `sys.modules`, `sys.path`, ... at `state` (an ImportState)."""
    global _installed_state
    module = sys_overlay() if _sys_overlay is None else _sys_overlay
    for name in IMPORT_STATE_NAMES:
        setattr(module, name, getattr(state, name))
    # from now on the state reads its search lists from `sys` (imports.system._read_from_sys)
    if _installed_state is not None and _installed_state is not state:
        _installed_state.installed_in = None
    state.installed_in = module
    _installed_state = state


_installed_state = None
