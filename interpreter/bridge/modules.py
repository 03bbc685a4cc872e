"""The one place a host C module (builtin or extension) is handed to Memphis, and the refusals.

A refused module is reported to interpreted code exactly like a missing one, so stdlib
fallbacks such as `try: from _pickle import *` / `except ImportError:` run the pure Python.
"""

from __future__ import annotations

import gc
import importlib
import importlib.machinery
import importlib.util
import marshal
import sys
import types

from ..runtime.tracebacks import thread_excepthook
from .lsprof import Profiler as LsprofProfiler

__all__ = ['CORRECTED', 'REFUSED', 'SHARED', 'SUBSTITUTED', 'WITHHELD', 'bridged_module',
           'is_refused', 'share_host_objects', 'warnings_substitute']

# module -> why letting interpreted code use it would let host code see through Memphis.
REFUSED: dict[str, str] = {
    '_pickle': "pickles and unpickles through the host's sys.modules and import system "
               '(find_class, whichmodule), so Memphis classes and modules would be looked up in '
               'the wrong world; pickle.py has the pure-Python implementation',
    '_warnings': "walks host frames for the warning's location and registry, and reads the "
                 "host's sys.modules['warnings']; warnings.py has the pure-Python "
                 'implementation',
    '_asyncio': "imports asyncio's Python modules (asyncio.events, asyncio.base_futures, ...) "
                'through the host import system; asyncio falls back to its Python Future/Task',
    '_elementtree': 'imports xml.etree.ElementPath and copy through the host import system; '
                    'xml.etree.ElementTree falls back to its Python implementation',
    '_datetime': "imports _strptime (pure Python) through the host import system for strptime; "
                 'datetime.py has the pure-Python implementation',
    '_decimal': 'imports numbers and collections through the host import system and registers '
                "Decimal with the host's numbers.Number; decimal falls back to _pydecimal",
    '_zoneinfo': 'imports zoneinfo._common and zoneinfo._tzpath through the host import system; '
                 'zoneinfo falls back to zoneinfo._zoneinfo',
}


# module -> (names withheld from interpreted code, why): the rest of the module is bridged.
WITHHELD: dict[str, tuple[tuple[str, ...], str]] = {
    '_json': (('scanstring', 'make_scanner'),
              ("their errors are raised by looking up json.decoder in the host's sys.modules "
               '(absent there: SystemError); json falls back to its Python scanner, and keeps '
               'the C encoder, which only calls back what it is given')),
}


def _interpreted_strptime(string, format='%a %b %d %H:%M:%S %Y', /):
    """time.strptime(string, format) -> struct_time, parsed by the interpreted `_strptime`
    (what the C function does, but through Memphis's import system)."""
    from ..imports.system import memphis_import

    return memphis_import('_strptime')._strptime_time(string, format)


def _not_frozen(name, /) -> bool:
    """Memphis has no frozen modules: the host's are interpreted from their source."""
    return False


def _find_no_frozen(name, /, *, withdata=False) -> None:
    """Memphis has no frozen modules: the host's are interpreted from their source."""


def _create_builtin(spec, /):
    """_imp.create_builtin(spec): the module Memphis bridges for that name (the program's own
    `sys` and `builtins`), as importing it gives."""
    from ..imports.system import import_state

    if spec.name in ('sys', 'builtins'):
        own = import_state().modules.get(spec.name)
        if own is not None:
            return own
    return bridged_module(spec.name)


_NO_FROZEN = ("the host's frozen modules (os, runpy, importlib._bootstrap, ...) are interpreted "
              "from source in Memphis; if _imp said they were frozen, importlib's _setup would "
              'treat the interpreted modules in sys.modules as frozen ones and fail')


# module -> {name: (replacement, why)}: host functions that would reach the host's import
# system, replaced by functions doing the same through Memphis's; the rest is bridged.
SUBSTITUTED: dict[str, dict[str, tuple[object, str]]] = {
    'time': {'strptime': (_interpreted_strptime,
                          ('the C function imports the pure-Python _strptime through the host '
                           'import system (a host copy of _strptime, locale and re); the '
                           'replacement calls the interpreted _strptime._strptime_time'))},
    '_imp': {'is_frozen': (_not_frozen, _NO_FROZEN), 'find_frozen': (_find_no_frozen, _NO_FROZEN),
             'create_builtin': (_create_builtin,
                                ("importlib's _setup and BuiltinImporter create builtin modules "
                                 "with it: the host's C function gives the host's module, "
                                 "without the bridge's substitutions (_thread's _excepthook)"))},
    '_thread': {'_excepthook': (thread_excepthook,
                                ("threading.excepthook's default: the C function prints the "
                                 "exception's host traceback (Memphis's own frames); the "
                                 'replacement prints the same report from the Memphis one'))},
}


def _without_unbound(objects: list) -> list:
    from ..runtime.frames import UNBOUND

    return [obj for obj in objects if obj is not UNBOUND]


def _gc_get_objects(generation=None):
    """gc.get_objects(generation=None): the host's list without Memphis's unbound-slot marker."""
    return _without_unbound(gc.get_objects(generation))


def _gc_get_referrers(*objs):
    """gc.get_referrers(*objs): the host's list without Memphis's unbound-slot marker."""
    return _without_unbound(gc.get_referrers(*objs))


def _gc_get_referents(*objs):
    """gc.get_referents(*objs): the host's list without Memphis's unbound-slot marker."""
    return _without_unbound(gc.get_referents(*objs))


_UNBOUND_LEAKS = ("the host's list includes Memphis's marker of an unassigned local (every "
                  'frame refers to it): a variable bound to it by interpreted code reads as '
                  "unbound (Werkzeug's Rule leak test loops over gc.get_objects()); the "
                  'replacement leaves it out')
SUBSTITUTED['_lsprof'] = {'Profiler': (
    LsprofProfiler, ("cProfile's profiler: the C one profiles the host thread, Memphis's own "
                     'functions; the replacement keeps the same statistics from the profile '
                     'events of interpreted code (no entries for host functions)'))}
SUBSTITUTED['gc'] = {'get_objects': (_gc_get_objects, _UNBOUND_LEAKS),
                     'get_referrers': (_gc_get_referrers, _UNBOUND_LEAKS),
                     'get_referents': (_gc_get_referents, _UNBOUND_LEAKS)}


def _marshalled(value):
    from ..runtime.host_code import marshal_payload

    payload = marshal_payload(value)
    return value if payload is None else payload


def _marshal_dumps(value, version=marshal.version, /):
    """marshal.dumps(value, version): a Memphis module code object is written as the host's
    code object for its source, with the source among its constants (see runtime.host_code)."""
    return marshal.dumps(_marshalled(value), version)


def _marshal_dump(value, file, version=marshal.version, /):
    """marshal.dump(value, file, version): see marshal.dumps."""
    return marshal.dump(_marshalled(value), file, version)


def _marshal_loads(data, /):
    """marshal.loads(data): a code object marshal.dumps wrote for Memphis code compiles again."""
    from ..runtime.host_code import unmarshalled_code

    return unmarshalled_code(marshal.loads(data))


def _marshal_load(file, /):
    """marshal.load(file): see marshal.loads."""
    from ..runtime.host_code import unmarshalled_code

    return unmarshalled_code(marshal.load(file))


_NO_BYTECODE = ("a Memphis code object has no bytecode to marshal (Jinja2's bytecode cache "
                "marshals a template's module code): the replacement writes the host compiler's "
                'code for the same source with the source appended to its constants (CPython '
                'runs it as is), and reads it back by compiling that source')
SUBSTITUTED['marshal'] = {'dumps': (_marshal_dumps, _NO_BYTECODE),
                          'dump': (_marshal_dump, _NO_BYTECODE),
                          'loads': (_marshal_loads, _NO_BYTECODE),
                          'load': (_marshal_load, _NO_BYTECODE)}


def _fault_dumps():
    from . import fault_dumps

    why = ("the C function walks the host's frames: it shows Memphis's evaluator, not the "
           'interpreted stack; the replacement writes the Memphis frames of each thread in '
           "the C function's format")
    return {'dump_traceback': (fault_dumps.dump_traceback, why),
            'dump_traceback_later': (fault_dumps.dump_traceback_later, why),
            'cancel_dump_traceback_later': (
                fault_dumps.cancel_dump_traceback_later,
                'cancels the replacement dump_traceback_later')}


SUBSTITUTED['faulthandler'] = _fault_dumps()


def _capi_printers():
    from . import capi_printers

    why = ("the C functions print the exception's host traceback (Memphis's own frames); the "
           'replacements print the Memphis traceback as the C printers do (PyErr_Display, '
           "PyTraceBack_Print), on the program's sys.stderr (test_traceback's C reports)")
    from . import capi_tracer

    recorder = ("its C-level trace function records the host's frames (Memphis's evaluator); "
                "the replacement records the interpreted frames' events, as sys.settrace "
                '(test_sys_settrace compares them)')
    return {'exception_print': (capi_printers.exception_print, why),
            'traceback_print': (capi_printers.traceback_print, why),
            'settrace_to_record': (capi_tracer.settrace_to_record, recorder)}


SUBSTITUTED['_testcapi'] = _capi_printers()


# pure-Python module -> {name: why}: objects of the interpreted module replaced, once it has run,
# by the host module's own, because host C code hands the host's out to interpreted code.
_NEWOBJ = ("object.__reduce_ex__(2 or more) returns the host copyreg's __newobj__ or "
           "__newobj_ex__: copy.py and pickle.py compare it with sys.modules['copyreg']'s "
           '(`is`); it only calls cls.__new__')
SHARED: dict[str, dict[str, str]] = {
    'copyreg': {
        '_reconstructor': (
            "object.__reduce_ex__(0 or 1) is C that returns the host copyreg's _reconstructor, "
            "and pickle.py saves it by name only if it is the one in sys.modules['copyreg']: "
            "Memphis's own would fail the check (Can't pickle ...: not the same object). It "
            'only calls C: base.__new__ and base.__init__ of the nearest C base class'),
        '__newobj__': _NEWOBJ,
        '__newobj_ex__': _NEWOBJ,
    },
    're._constants': {
        'error': ("_sre (C) compiles a replacement template by calling the host's re module, "
                  "which raises the host's re.error: the program's `except re.error` must "
                  'catch it'),
    },
}


def _warnings_as_c(module: types.ModuleType) -> None:
    """The pure-Python `warn` and `warn_explicit` stand for the C ones (no traceback entry
    when a filter makes the warning an error). And 3.11's `warn_explicit` passes `source` to
    `WarningMessage` as its `file` (the C one does not): its call is given the source as
    source."""
    from ..runtime.c_stand_ins import stand_in_for_c
    from ..runtime.frames import current_state
    from ..runtime.functions import memphis_code_of

    stand_in_for_c(module.warn)
    stand_in_for_c(module.warn_explicit)
    message_class = module.WarningMessage
    warn_explicit = memphis_code_of(module.warn_explicit)

    class WarningMessage(message_class):
        __doc__ = message_class.__doc__

        def __init__(self, message, category, filename, lineno, file=None, line=None,
                     source=None):
            if file is not None and current_state().frame.f_code is warn_explicit:
                file, source = None, file
            super().__init__(message, category, filename, lineno, file, line, source)

    WarningMessage.__module__ = message_class.__module__
    module.WarningMessage = WarningMessage


def _types_coroutine_for_interpreted(module: types.ModuleType) -> None:
    """`types.coroutine` of an interpreted function: as CPython's (the function itself,
    flagged), not the wrapper its `getattr(func, '__code__')` check chooses (the host code)."""
    from ..runtime.functions import make_iterable_coroutine, memphis_code_of

    original = module.coroutine

    def coroutine(func):
        code = memphis_code_of(func) if type(func) is types.FunctionType else None
        if code is not None:
            # CO_COROUTINE; CO_ITERABLE_COROUTINE on this function's own code (a function
            # made again of a code flagged before is not: the decorator in a function body)
            if code.co_flags & 0x80 or func.__code__.co_flags & 0x100:
                return func
            if make_iterable_coroutine(func):
                return func
        return original(func)

    for attribute in ('__module__', '__name__', '__qualname__', '__doc__'):
        setattr(coroutine, attribute, getattr(original, attribute))
    module.coroutine = coroutine


def _asyncio_stand_ins(module: types.ModuleType) -> None:
    """The pure-Python Future or Task of asyncio stands for the C one of `_asyncio`."""
    from ..runtime.c_stand_ins import stand_in_for_c

    for name in ('_PyFuture', '_PyTask'):
        cls = getattr(module, name, None)
        if isinstance(cls, type):
            stand_in_for_c(cls)


# interpreted stdlib module -> (what corrects it once it has run, why)
CORRECTED: dict[str, tuple[object, str]] = {
    'asyncio.futures': (_asyncio_stand_ins,
                        ('_asyncio is withheld: the frames of the pure-Python Future, whose '
                         'methods are C code in CPython, are left out of tracebacks')),
    'asyncio.tasks': (_asyncio_stand_ins,
                      ('_asyncio is withheld: the frames of the pure-Python Task (its __step '
                       'runs every coroutine), C code in CPython, are left out of tracebacks')),
    'types': (_types_coroutine_for_interpreted,
              ("types.coroutine recognises a Python function by `getattr(func, '__code__')`, "
               "which gives interpreted code the host's trampoline code: a generator function "
               'was wrapped (its generators not awaitable as such, isinstance Awaitable), not '
               'flagged')),
    'warnings': (_warnings_as_c,
                 ('_warnings is refused: the frames of the pure-Python warn and warn_explicit '
                  '(C code in CPython) are left out of tracebacks, and a warning with a source '
                  "(an unawaited coroutine's, a ResourceWarning) would be written to the "
                  "source object as if it were a file: CPython's C warn_explicit is right, the "
                  'Python one Memphis runs is not')),
}


def share_host_objects(module: types.ModuleType) -> None:
    """Give the interpreted stdlib module `module` the host's objects listed in SHARED, and
    apply its CORRECTED entry (once it has run)."""
    name = module.__name__
    if name not in SHARED and name not in CORRECTED:
        return
    host = sys.modules.get(name) or importlib.import_module(name)
    if getattr(host, '__file__', None) != getattr(module, '__file__', None):
        return  # a program's own module of that name
    if name in CORRECTED:
        CORRECTED[name][0](module)
    for attribute in SHARED.get(name, ()):
        setattr(module, attribute, getattr(host, attribute))


def is_refused(name: str) -> bool:
    """True if interpreted code must not see the host module `name` (see REFUSED)."""
    return name in REFUSED


def bridged_module(name: str, origin: str | None = None) -> types.ModuleType:
    """The host's builtin module `name`, or its extension module loaded from `origin`.

    Raises ModuleNotFoundError for a refused module. An extension inside a package is loaded
    from its file without importing its (interpreted) parent package into the host.
    """
    if name in REFUSED:
        raise ModuleNotFoundError(f"No module named '{name}'", name=name)
    module = _host_module(name, origin)
    if name in _ON_BRIDGING:
        _ON_BRIDGING[name](module)
    if name in WITHHELD or name in SUBSTITUTED:
        return _altered(module, WITHHELD.get(name, ((), ''))[0], SUBSTITUTED.get(name, {}))
    return module


def _array_registered(module: types.ModuleType) -> None:
    """CPython's array module registers `array` as a MutableSequence of the collections.abc
    it imports: the host's; the program's (interpreted) collections.abc is another module."""
    from ..imports.system import memphis_import

    memphis_import('collections.abc', None, None, ('MutableSequence',), 0) \
        .MutableSequence.register(module.array)


# bridged C module -> what its initialization does to the program's modules, each import
_ON_BRIDGING = {'array': _array_registered}


_partial_modules: dict[str, types.ModuleType] = {}
# Modules Memphis's own code never uses, altered in place rather than copied: their C
# functions' __self__ is the module the program imported (test_call's `_testcapi.meth_*`
# return it). A replaced function keeps the host's as `memphis_original`.
_ALTERED_IN_PLACE = frozenset({'_testcapi'})


def _altered(module: types.ModuleType, withheld: tuple[str, ...],
             substituted: dict) -> types.ModuleType:
    if module.__name__ in _ALTERED_IN_PLACE:
        for key, (replacement, _why) in substituted.items():
            if getattr(module, key, None) is not replacement:
                replacement.memphis_original = getattr(module, key, None)
                replacement.__module__ = module.__name__
                replacement.__name__ = replacement.__qualname__ = key
                setattr(module, key, replacement)
        return module
    # One altered copy per module, so repeated imports give the same object.
    partial = _partial_modules.get(module.__name__)
    if partial is None:
        partial = types.ModuleType(module.__name__, module.__doc__)
        partial.__dict__.update((key, value) for key, value in module.__dict__.items()
                                if key not in withheld)
        for key, (replacement, _why) in substituted.items():
            replacement.__module__ = module.__name__
            replacement.__name__ = replacement.__qualname__ = key
            partial.__dict__[key] = replacement
        _partial_modules[module.__name__] = partial
    return partial


def _host_module(name: str, origin: str | None) -> types.ModuleType:
    module = sys.modules.get(name)
    if module is not None:
        return module
    if origin is None:
        return importlib.import_module(name)
    # Loaded from the file Memphis's path search found, which the host's sys.path may not reach.
    loader = importlib.machinery.ExtensionFileLoader(name, origin)
    spec = importlib.util.spec_from_file_location(name, origin, loader=loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    if '.' not in name:
        sys.modules[name] = module
    return module


def warnings_substitute() -> types.ModuleType:
    """Memphis's `_warnings`: in sys.modules from the start, as in CPython, because
    importlib/_bootstrap_external.py imports it; it only forwards `warn` and `warn_explicit`
    to the interpreted `warnings` module. It lacks `filters`, so warnings.py's
    `from _warnings import (filters, ...)` fails and its Python implementation runs."""
    module = types.ModuleType('_warnings', 'Memphis stand-in for the refused host _warnings.')

    def _interpreted_warnings():
        from ..imports.system import memphis_import

        return memphis_import('warnings')

    def warn(message, category=None, stacklevel=1, source=None):
        return _interpreted_warnings().warn(message, category, stacklevel, source)

    def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                      module_globals=None, source=None):
        return _interpreted_warnings().warn_explicit(message, category, filename, lineno,
                                                     module, registry, module_globals, source)

    for function in (warn, warn_explicit):
        function.__module__ = '_warnings'
        module.__dict__[function.__name__] = function
    return module
