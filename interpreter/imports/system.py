"""Memphis's import system: its own `sys.modules`, `sys.path`, `sys.meta_path` and `__import__`.

The algorithm is CPython's importlib._bootstrap (`__import__`, `_gcd_import`, `_find_and_load`,
`_handle_fromlist`) with the same messages, over Memphis's state instead of the host's.
"""

from __future__ import annotations

import _imp
import os
import sys
import threading
import types

from .collector import freeze_loaded, importing
from .machinery import (
    AliasLoader,
    BuiltinFinder,
    FileFinder,
    FrozenFinder,
    PathFinder,
    zip_path_hook,
)

__all__ = ['ImportState', 'current_import_state', 'import_from', 'import_module',
           'import_state', 'memphis_import', 'report', 'reset_import_state']

_NEEDS_LOADING = object()


def default_path(script_directory: str) -> list[str]:
    """`sys.path` as CPython computes it: the script's folder ('' for -c), PYTHONPATH, then the
    host's standard library zip, standard library, lib-dynload and site-packages (as the
    command line's options leave them: runtime.startup)."""
    from ..runtime.startup import program_path

    zip_name = f'python{sys.version_info[0]}{sys.version_info[1]}.zip'
    tail = [entry for index, entry in enumerate(sys.path)
            if index > 0 and any(e.endswith(zip_name) for e in sys.path[1:index + 1])]
    if not tail:
        import sysconfig

        stdlib = sysconfig.get_paths()['stdlib']
        tail = [stdlib, os.path.join(stdlib, 'lib-dynload'), *sys.path[1:]]
    return program_path(script_directory, tail)


def _read_from_sys(name: str) -> property:
    """An import state list the import system reads from the program's `sys` once it is
    installed there, at each use, as importlib reads `sys.path`, `sys.meta_path`, ...: a
    program may rebind them (None if it deleted one)."""
    private = '_' + name

    def get(self):
        installed = self.installed_in
        if installed is not None:
            return installed.__dict__.get(name)
        return getattr(self, private)

    def set_(self, value) -> None:
        setattr(self, private, value)
        if self.installed_in is not None:
            self.installed_in.__dict__[name] = value

    return property(get, set_, doc=f'sys.{name}, as the program sees it')


class ImportState:
    """Everything interpreted code sees as the import state of `sys`.

    `modules` is the import system's own, as CPython's interpreter-level dict (rebinding
    sys.modules changes nothing); the search lists are read from `sys` at each import."""

    path = _read_from_sys('path')
    path_hooks = _read_from_sys('path_hooks')
    path_importer_cache = _read_from_sys('path_importer_cache')
    meta_path = _read_from_sys('meta_path')

    def __init__(self, script_directory: str = '') -> None:
        self.installed_in = None  # the `sys` module it was installed in (runtime.host)
        from ..bridge.crossing import memphis_module
        from ..bridge.modules import warnings_substitute
        from ..runtime.builtins import builtins_module
        from ..runtime.host import sys_overlay

        self.modules: dict = {'sys': sys_overlay(), 'builtins': builtins_module,
                              '_warnings': warnings_substitute(), 'memphis': memphis_module()}
        self.path: list = default_path(script_directory)
        self.path_hooks: list = [zip_path_hook, FileFinder.path_hook]
        self.path_importer_cache: dict = {}
        self.meta_path: list = [BuiltinFinder, FrozenFinder, PathFinder(self)]
        self.argv: list = ['']
        # `memphis -v`: one line on stderr per import (see `report`)
        self.verbose = False
        # `-X importtime`: an ImportTimer
        self.import_time = None
        self._locks: dict[str, ModuleLock] = {}
        self._locks_guard = threading.Lock()

    def module_lock(self, name: str) -> ModuleLock:
        """The per-module import lock: threads importing the same module wait for each other."""
        with self._locks_guard:
            lock = self._locks.get(name)
            if lock is None:
                lock = self._locks[name] = ModuleLock(name)
            return lock


class DeadlockError(RuntimeError):
    """Acquiring a module lock would wait forever (importlib's _DeadlockError)."""


_blocking_on: dict[int, ModuleLock] = {}  # thread id -> the module lock it waits for


class ModuleLock:
    """A module's import lock, as importlib's _ModuleLock: re-entrant (a circular import in
    one thread finds its partial module); a thread that would wait for a lock whose owner
    waits, directly or through others, for a lock this thread holds (a circular import
    across threads) gets a DeadlockError instead."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.changed = threading.Condition(threading.Lock())
        self.owner: int | None = None
        self.count = 0

    def __repr__(self) -> str:
        return f'_ModuleLock({self.name!r}) at {id(self)}'

    def _deadlocked(self, me: int) -> bool:
        owner, seen = self.owner, set()
        while owner is not None and owner not in seen:
            if owner == me:
                return True
            seen.add(owner)
            waited = _blocking_on.get(owner)
            owner = waited.owner if waited is not None else None
        return False

    def acquire(self) -> None:
        me = threading.get_ident()
        _blocking_on[me] = self
        try:
            with self.changed:
                while self.count and self.owner != me:
                    if self._deadlocked(me):
                        raise DeadlockError(f'deadlock detected by {self!r}')
                    self.changed.wait()
                self.owner = me
                self.count += 1
        finally:
            del _blocking_on[me]

    def release(self) -> None:
        with self.changed:
            if self.owner != threading.get_ident():
                raise RuntimeError('cannot release un-acquired lock')
            self.count -= 1
            if not self.count:
                self.owner = None
                self.changed.notify_all()

    def __enter__(self) -> None:
        self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


_state: ImportState | None = None
# (a debugger's thread may ask for the state while the program's thread replaces it: one
# creates or replaces it at a time, and a state created by default never replaces the
# program's)
_state_lock = threading.RLock()


def import_state() -> ImportState:
    """The process's Memphis import state (created on first use)."""
    global _state
    state = _state
    if state is None:
        with _state_lock:
            if _state is None:
                _state = ImportState()
                _install_sys(_state)
            state = _state
    return state


def current_import_state() -> ImportState | None:
    """The import state if there is one, without creating it."""
    return _state


def reset_import_state(script_directory: str, argv: list[str], *,
                       verbose: bool = False) -> ImportState:
    """A fresh import state for running a program from `script_directory` with `argv`."""
    global _state
    with _state_lock:
        _state = ImportState(script_directory)
        _state.argv = list(argv)
        _state.verbose = verbose
        from ..runtime.startup import import_time_asked

        if import_time_asked():
            _state.import_time = ImportTimer()
        _install_sys(_state)
    from ..runtime.host import sys_attribute

    if sys_attribute('warnoptions'):
        # as CPython's start-up: -W and PYTHONWARNINGS take effect (and a bad one is reported)
        # before the program runs
        import_module('warnings')
    return _state


def _install_sys(state: ImportState) -> None:
    from ..runtime.host import install_import_state

    install_import_state(state)


class ImportTimer:
    """`-X importtime`: for each module loaded, CPython's line on the C stderr with the
    microseconds it took, its own and with what it imported, indented by nesting."""

    def __init__(self) -> None:
        self.level = 0
        self.accumulated = 0
        self.header_written = False

    def timed(self, load, state, name: str):
        import time

        stream = sys.__stderr__
        if not self.header_written:
            self.header_written = True
            stream.write('import time: self [us] | cumulative | imported package\n')
        self.level += 1
        outer_accumulated, self.accumulated = self.accumulated, 0
        start = time.perf_counter_ns()
        try:
            return load(state, name)
        finally:
            elapsed = -(-(time.perf_counter_ns() - start) // 1000)
            self.level -= 1
            stream.write(f'import time: {elapsed - self.accumulated:9d} | {elapsed:10d} | '
                         f'{" " * (self.level * 2)}{name}\n')
            stream.flush()
            self.accumulated = outer_accumulated + elapsed


def _sanity_check(name, package, level: int) -> None:
    if not isinstance(name, str):
        raise TypeError(f'module name must be str, not {type(name).__name__}')
    if level < 0:
        raise ValueError('level must be >= 0')
    if level > 0:
        if not isinstance(package, str):
            raise TypeError('__package__ not set to a string')
        if not package:
            raise ImportError('attempted relative import with no known parent package')
    if not name and level == 0:
        raise ValueError('Empty module name')


def _resolve_name(name: str, package: str, level: int) -> str:
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return f'{base}.{name}' if name else base


def _package_of(globals_) -> str:
    """The package a relative import starts from, with the C `__import__`'s errors."""
    if globals_ is None:
        raise KeyError("'__name__' not in globals")
    if not isinstance(globals_, dict):
        raise TypeError('globals must be a dict')
    package = globals_.get('__package__')
    spec = globals_.get('__spec__')
    if package is not None:
        if not isinstance(package, str):
            raise TypeError('package must be a string')
        if spec is not None and package != spec.parent:
            from ..bridge.host_warnings import warn_as_c

            warn_as_c('__package__ != __spec__.parent', ImportWarning)
    elif spec is not None:
        package = spec.parent
        if not isinstance(package, str):
            raise TypeError('__spec__.parent must be a string')
    else:
        from ..bridge.host_warnings import warn_as_c

        warn_as_c("can't resolve package from __spec__ or __package__, falling back on "
                  '__name__ and __path__', ImportWarning)
        try:
            package = globals_['__name__']
        except KeyError:
            raise KeyError("'__name__' not in globals") from None
        if not isinstance(package, str):
            raise TypeError('__name__ must be a string')
        if '__path__' not in globals_:
            package = package.rpartition('.')[0]
    if not package:
        raise ImportError('attempted relative import with no known parent package')
    return package


def _find_spec(state: ImportState, name: str, path):
    meta_path = state.meta_path
    if meta_path is None:
        raise ImportError('sys.meta_path is None, Python is likely shutting down')
    for finder in list(meta_path):
        # each finder runs with the global import lock held, as importlib's _find_spec
        # (finders need not be thread-safe; _imp.lock_held() is True in them)
        _imp.acquire_lock()
        try:
            find_spec = getattr(finder, 'find_spec', None)
            if find_spec is None:
                continue
            spec = find_spec(name, path, None)
        finally:
            _imp.release_lock()
        if spec is not None:
            return spec
    return None


def report(message: str) -> None:
    """Write one `memphis -v` line to stderr, if the run is verbose."""
    if _state is not None and _state.verbose:
        sys.stderr.write(message + '\n')


def _how_loaded(spec) -> str:
    """The `memphis -v` description of where a loaded module came from."""
    from .machinery import BridgeLoader, SourceLoader

    loader = spec.loader
    if isinstance(loader, BridgeLoader):
        return f'bridged from {loader.path}' if loader.path else 'bridged built-in'
    if isinstance(loader, SourceLoader):
        cached = loader.cached.describe() if loader.cached is not None else 'not compiled'
        return f'interpreted from {loader.path} ({cached})'
    if isinstance(loader, AliasLoader):
        return f'the same module as {loader.target!r}'
    if loader is None or type(loader).__name__ == 'NamespaceLoader':
        return 'namespace package ' + ', '.join(spec.submodule_search_locations or ())
    return f'loaded by {loader!r}'


def _load_unlocked(state: ImportState, spec) -> types.ModuleType:
    import importlib.util

    from .machinery import BridgeLoader

    if isinstance(spec.loader, (BridgeLoader, AliasLoader)):
        module = spec.loader.create_module(spec)
        state.modules[spec.name] = module
        if state.verbose:
            report(f'import {spec.name!r} # {_how_loaded(spec)}')
        return module
    if spec.loader is not None and not hasattr(spec.loader, 'exec_module'):
        raise ImportError('missing loader', name=spec.name)
    module = importlib.util.module_from_spec(spec)  # gives a namespace package its loader
    spec._initializing = True
    try:
        state.modules[spec.name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            state.modules.pop(spec.name, None)
            raise
        # The module may have replaced itself in sys.modules while it ran.
        module = state.modules.pop(spec.name)
        state.modules[spec.name] = module
    finally:
        spec._initializing = False
    freeze_loaded()
    if state.verbose:
        report(f'import {spec.name!r} # {_how_loaded(spec)}')
    return module


def _find_and_load_unlocked(state: ImportState, name: str) -> types.ModuleType:
    path = None
    parent, _, child = name.rpartition('.')
    parent_module = None
    if parent:
        if parent not in state.modules:
            _gcd_import(state, parent)
        if name in state.modules:
            return state.modules[name]
        parent_module = state.modules[parent]
        try:
            path = parent_module.__path__
        except AttributeError:
            message = f"No module named '{name}'; '{parent}' is not a package"
            raise ModuleNotFoundError(message, name=name) from None
    spec = _find_spec(state, name, path)
    if spec is None:
        raise ModuleNotFoundError(f"No module named '{name}'", name=name)
    module = _load_unlocked(state, spec)
    if parent_module is not None:
        try:
            setattr(parent_module, child, module)
        except AttributeError:
            pass
    return module


def _find_and_load(state: ImportState, name: str) -> types.ModuleType:
    module = state.modules.get(name, _NEEDS_LOADING)
    if module is _NEEDS_LOADING:
        with state.module_lock(name):
            module = state.modules.get(name, _NEEDS_LOADING)
            if module is _NEEDS_LOADING:
                with importing():
                    if state.import_time is not None:
                        return state.import_time.timed(_find_and_load_unlocked, state, name)
                    return _find_and_load_unlocked(state, name)
    if _initializing(module):
        _wait_for_initialization(state, name)
    if module is None:
        raise ModuleNotFoundError(f'import of {name} halted; None in sys.modules', name=name)
    return module


def _wait_for_initialization(state: ImportState, name: str) -> None:
    """Wait until the thread initializing module `name` is done with it, unless that thread
    waits for this one (importlib's _lock_unlock_module): a circular import across threads
    then gets the partial module, as in CPython."""
    lock = state.module_lock(name)
    try:
        lock.acquire()
    except DeadlockError:
        return
    lock.release()


def _initializing(module) -> bool:
    spec = getattr(module, '__spec__', None)
    return bool(getattr(spec, '_initializing', False))


def _gcd_import(state: ImportState, name: str, package=None, level: int = 0):
    _sanity_check(name, package, level)
    if level > 0:
        name = _resolve_name(name, package, level)
    return _find_and_load(state, name)


def import_module(name: str, package: str | None = None) -> types.ModuleType:
    """`importlib.import_module` over Memphis's import state."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative import "
                            f'for {name!r}')
        level = len(name) - len(name.lstrip('.'))
    return _gcd_import(import_state(), name[level:], package, level)


def _handle_fromlist(state: ImportState, module, fromlist, recursive: bool = False):
    for item in fromlist:
        if not isinstance(item, str):
            where = module.__name__ + '.__all__' if recursive else "``from list''"
            raise TypeError(f'Item in {where} must be str, not {type(item).__name__}')
        if item == '*':
            if not recursive and hasattr(module, '__all__'):
                _handle_fromlist(state, module, module.__all__, True)
        elif not hasattr(module, item):
            from_name = f'{module.__name__}.{item}'
            try:
                _gcd_import(state, from_name)
            except ModuleNotFoundError as error:
                if (error.name == from_name
                        and state.modules.get(from_name, _NEEDS_LOADING) is not None):
                    continue
                raise
    return module


def memphis_import(name, globals=None, locals=None, fromlist=(), level=0):
    """`__import__` for interpreted code: CPython's semantics over Memphis's import state."""
    state = import_state()
    # The checks of CPython's C `__import__` (PyImport_ImportModuleLevelObject), in its order.
    if not isinstance(name, str):
        raise TypeError('module name must be a string')
    if level < 0:
        raise ValueError('level must be >= 0')
    if level == 0:
        if not name:
            raise ValueError('Empty module name')
        module = _gcd_import(state, name)
    else:
        module = _gcd_import(state, name, _package_of(globals), level)
    if not fromlist:
        if level == 0:
            return _gcd_import(state, name.partition('.')[0])
        if not name:
            return module
        cut_off = len(name) - len(name.partition('.')[0])
        return state.modules[module.__name__[:len(module.__name__) - cut_off]]
    if hasattr(module, '__path__'):
        return _handle_fromlist(state, module, fromlist)
    return module


def import_from(module, name: str):
    """`from module import name` for one name: the attribute, else the submodule in Memphis's
    sys.modules, else CPython's ImportError (naming a circular import when it is one)."""
    try:
        return getattr(module, name)
    except AttributeError:
        pass
    package_name = getattr(module, '__name__', None)
    if isinstance(package_name, str):
        found = import_state().modules.get(f'{package_name}.{name}')
        if found is not None:
            return found
        shown = package_name
    else:
        package_name = None
        shown = '<unknown module name>'
    path = None
    if isinstance(module, types.ModuleType):
        path = module.__dict__.get('__file__')
    where = path if isinstance(path, str) else 'unknown location'
    if _initializing(module):
        message = (f'cannot import name {name!r} from partially initialized module {shown!r} '
                   f'(most likely due to a circular import) ({where})')
    else:
        message = f'cannot import name {name!r} from {shown!r} ({where})'
    return _raise_import_error(message, package_name, path if isinstance(path, str) else None)


def _raise_import_error(message: str, name, path):
    raise ImportError(message, name=name, path=path)
