"""Where an object cannot cross between interpreted and host code faithfully: `CrossingWarning`.

`CROSSINGS` is the one table of host APIs that would see Memphis's machinery instead of the
program (host frames, trampoline code objects, the evaluator's own references). Each entry
names the API, says why, and decides from the arguments whether a call crosses badly; the
bridged module's function is then wrapped (`guard_module`) to warn, once per call site (the
interpreted file and line that made the call), and call the host function as before.
Where Memphis can do the crossing faithfully, the bridged module gets a replacement instead
(`_signal.signal`: handlers receive the interrupted Memphis frame).
Warnings go through the interpreted `warnings` module when the program has imported it (so
its filters apply: `warnings.simplefilter('error', memphis.CrossingWarning)`), else straight
to stderr in CPython's format.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import NamedTuple

from ..runtime.frames import Code, current_state
from ..runtime.functions import registered_code

__all__ = [
    'CROSSINGS',
    'FINE',
    'Crossing',
    'CrossingWarning',
    'guard_module',
    'memphis_module',
    'warn_at_caller',
    'warn_crossing',
]


class CrossingWarning(Warning):
    """An object crossed between interpreted code and host (C) code without its full meaning."""


CrossingWarning.__module__ = 'memphis'


class Crossing(NamedTuple):
    """One host API that cannot take or give Memphis objects faithfully.

    `offending(args, kwargs)` returns the object that crosses badly (or FINE: this call
    crosses faithfully); `reason` completes the message "<api>() given <object>: <reason>".
    """

    module: str
    name: str
    reason: str
    offending: Callable[[tuple, dict], object]

    @property
    def api(self) -> str:
        return f'{self.module}.{self.name}'


FINE = object()
"""What an entry's `offending` returns for a call that crosses faithfully."""


def _is_memphis_code(value) -> bool:
    if isinstance(value, Code):
        return True
    return registered_code(value) is not None


def _memphis_code_inside(value, depth: int = 0):
    """A Memphis code object (or a trampoline's host code) in `value` or its containers."""
    if _is_memphis_code(value):
        return value
    if depth < 4 and isinstance(value, (tuple, list, set, frozenset, dict)):
        items = value.items() if isinstance(value, dict) else value
        for item in items:
            for part in item if isinstance(value, dict) else (item,):
                found = _memphis_code_inside(part, depth + 1)
                if found is not None:
                    return found
    return None


def _first_argument_code(args: tuple, kwargs: dict):
    from ..runtime.host_code import marshal_payload

    value = args[0] if args else kwargs.get('value')
    if marshal_payload(value) is not None:
        return FINE  # a module's code: marshalled with its source (bridge.modules.SUBSTITUTED)
    found = _memphis_code_inside(value)
    return FINE if found is None else found


def _the_interpreted_stack(args: tuple, kwargs: dict):
    return _StackDescription()


def _native_argument(args: tuple, kwargs: dict):
    from .foreign import describe

    for value in (*args, *kwargs.values()):
        if describe(value).kind == 'native':
            return value
    return FINE


def _any_argument(args: tuple, kwargs: dict):
    return args[0] if args else _StackDescription()


class _StackDescription:
    """Stands for 'the interpreted stack' in a warning's message."""

    __slots__ = ()

    def __repr__(self) -> str:
        return 'the interpreted stack'


_WALKS_HOST_FRAMES = ("walks the host's frames: it shows Memphis's evaluator, not the "
                      'interpreted stack')

_UNMARSHALLABLE = ('a Memphis code object has no bytecode: a module\'s code is marshalled as the '
                   "host's code for its source, with the source; any other (a function's, or "
                   "code from an ast tree) only as a trampoline's code, which does not run it")

CROSSINGS: tuple[Crossing, ...] = (
    # (dump_traceback and dump_traceback_later are replaced by dumps of the interpreted stack,
    # bridge.modules.SUBSTITUTED; `enable` is not here: it changes nothing until the process
    # dies of a fatal error, and then the host's stack is the truthful report of what crashed)
    Crossing('faulthandler', 'register', _WALKS_HOST_FRAMES, _the_interpreted_stack),
    Crossing('marshal', 'dumps', _UNMARSHALLABLE, _first_argument_code),
    Crossing('marshal', 'dump', _UNMARSHALLABLE, _first_argument_code),
    Crossing('gc', 'get_referrers', "the host's referrers include Memphis's own frames, slot "
             'lists and closures, which CPython does not have', _any_argument),
    Crossing('gc', 'get_referents', "an interpreted object's referents are Memphis's "
             'trampolines, cells and slot lists, not what CPython would show', _native_argument),
    Crossing('sys', 'getrefcount', "the count includes the evaluator's own references (slot "
             "lists, frames), so it differs from CPython's", _native_argument),
)

_by_module: dict[str, dict[str, Crossing]] = {}
for _crossing in CROSSINGS:
    _by_module.setdefault(_crossing.module, {})[_crossing.name] = _crossing


# warnings, once per site

_warned_sites: set[tuple] = set()


def _interpreted_warnings():
    try:
        from ..imports.system import import_state
    except ImportError:
        return None
    module = import_state().modules.get('warnings')
    return module if hasattr(module, 'warn_explicit') else None


def _caller_site(frame=None):
    """(frame, filename, line) of `frame`, by default the innermost interpreted frame of this
    thread."""
    if frame is None:
        frame = current_state().frame
    if frame is None:
        return None, 'sys', 1
    return frame, frame.f_code.co_filename, frame.f_lineno


def warn_at_caller(message: str | Warning, category: type[Warning] = CrossingWarning, *,
                   once: bool = False, frame=None, source=None) -> None:
    """Warn as CPython's C code does, at the interpreted line that called it (stacklevel 1),
    or at `frame`'s line.

    `once`: at most once per (site, message) even when no `warnings` module applies filters.
    """
    frame, filename, lineno = _caller_site(frame)
    warnings = _interpreted_warnings()
    if warnings is not None and frame is not None:
        module_globals = frame.f_globals
        registry = module_globals.setdefault('__warningregistry__', {})
        warnings.warn_explicit(message, category, filename, lineno,
                               module=module_globals.get('__name__'), registry=registry,
                               module_globals=module_globals, source=source)
        return
    if isinstance(message, Warning):
        category = type(message)
    key = (filename, lineno, category, str(message))
    if once and key in _warned_sites:
        return
    _warned_sites.add(key)
    text = f'{filename}:{lineno}: {category.__name__}: {message}\n'
    import linecache  # on the first warning: not every start-up

    line = linecache.getline(filename, lineno,
                             frame.f_globals if frame is not None else None).strip()
    if line:
        text += f'  {line}\n'
    stderr = sys.stderr
    if stderr is not None:
        stderr.write(text)


def _name_of(obj) -> str:
    """The object as a warning names it: its kind and name, stable for one call site."""
    if isinstance(obj, _StackDescription):
        return repr(obj)
    kind = type(obj).__name__
    if isinstance(obj, type):
        kind = 'class'
    elif kind == 'function' or kind == 'code' or isinstance(obj, types.ModuleType):
        kind = f'{kind} object' if kind == 'code' else kind
    else:
        return f'{kind} object'
    name = getattr(obj, '__qualname__', None) or getattr(obj, 'co_qualname', None) \
        or getattr(obj, '__name__', None)
    return f'{kind} {name!r}' if isinstance(name, str) else kind


def warn_crossing(api: str, obj, reason: str) -> None:
    """Say that `obj` cannot cross to (or from) the host API `api`, once per call site.

    The message names the object by kind and name (not by repr), so that the warnings
    registry's once-per-location rule applies to a call site seeing new objects each time.
    """
    warn_at_caller(f'{api}() given {_name_of(obj)}: {reason}', CrossingWarning, once=True)


# guarded bridged modules

def _guarded(crossing: Crossing, function):
    def guarded(*args, **kwargs):
        obj = crossing.offending(args, kwargs)
        if obj is not FINE:
            warn_crossing(crossing.api, obj, crossing.reason)
        return function(*args, **kwargs)

    guarded.__name__ = getattr(function, '__name__', crossing.name)
    guarded.__qualname__ = getattr(function, '__qualname__', crossing.name)
    guarded.__doc__ = getattr(function, '__doc__', None)
    guarded.__module__ = crossing.module
    guarded.__wrapped__ = function
    return guarded


# Host functions whose Memphis replacement crosses faithfully (no warning needed).

def _signal_functions(host_signal) -> dict:
    """`signal.signal` whose handlers receive the interrupted Memphis frame, not a host one;
    `signal.getsignal` and the previous handler it returns are the program's own functions."""
    installed: dict = {}  # host wrapper -> the program's handler

    def program_handler(handler):
        return installed.get(handler, handler) if callable(handler) else handler

    def signal(signalnum, handler, /):
        if callable(handler):
            def host_handler(signum, frame):
                return handler(signum, current_state().frame)

            installed[host_handler] = handler
            previous = host_signal.signal(signalnum, host_handler)
        else:
            previous = host_signal.signal(signalnum, handler)
        return program_handler(previous)

    def getsignal(signalnum, /):
        return program_handler(host_signal.getsignal(signalnum))

    for function, host in ((signal, host_signal.signal), (getsignal, host_signal.getsignal)):
        function.__doc__ = host.__doc__
        function.__module__ = '_signal'
    return {'signal': signal, 'getsignal': getsignal}


_REPLACEMENTS: dict[str, Callable[[types.ModuleType], dict]] = {
    '_signal': _signal_functions,
}

_guarded_modules: dict[str, types.ModuleType] = {}


def guarded_functions(module_name: str, lookup: Callable[[str], object]) -> dict:
    """The warning wrappers of a module's table entries, over the functions `lookup` gives."""
    return {name: _guarded(crossing, lookup(name))
            for name, crossing in _by_module.get(module_name, {}).items()}


def guard_module(name: str, module: types.ModuleType) -> types.ModuleType:
    """The module interpreted code gets for the host module `name`: itself, or, when the table
    has entries for it, a copy whose entries warn, and whose functions with a faithful Memphis
    replacement are replaced (one copy per module, so imports agree)."""
    if (name not in _by_module and name not in _REPLACEMENTS) or name == 'sys':
        return module
    guarded = _guarded_modules.get(name)
    if guarded is None:
        guarded = types.ModuleType(name, module.__doc__)
        guarded.__dict__.update(module.__dict__)
        if name in _REPLACEMENTS:
            guarded.__dict__.update(_REPLACEMENTS[name](module))
        guarded.__dict__.update(guarded_functions(name, lambda attr: getattr(module, attr)))
        _guarded_modules[name] = guarded
    return guarded


_memphis_module: types.ModuleType | None = None


def memphis_module() -> types.ModuleType:
    """`import memphis` in interpreted code: the bridge's warning class and object model."""
    global _memphis_module
    if _memphis_module is None:
        from .foreign import describe, is_foreign, is_native

        module = types.ModuleType('memphis', 'Memphis, seen from the programs it runs: the '
                                  'foreign-object model and the crossing warning.')
        module.CrossingWarning = CrossingWarning
        module.describe = describe
        module.is_native = is_native
        module.is_foreign = is_foreign
        _memphis_module = module
    return _memphis_module
