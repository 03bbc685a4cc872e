"""The foreign-object model (decision 7): is an object native (made by interpreted code) or foreign?

`describe(obj)` answers for any object; the REPL, error messages and the debugger's variable
view (which marks foreign objects) use it. Three kinds:

- ``native``: made by interpreted code: interpreted functions (trampolines), classes built by
  interpreted `class` statements and classes derived from them, their instances, Memphis modules
  (run by Memphis, or registered with `mark_native_module`), generators, coroutines and async
  generators of interpreted functions, Memphis frames, code objects and tracebacks.
- ``builtin``: the language's own values, whoever made them: instances of the builtin types
  (int, str, list, dict, tuple, set, bytes, range, exceptions of builtin types, ...), those types
  themselves, the builtins (`len`, `print`, ...) and Memphis's overlaid builtins. A list is a
  list whether the host or the program built it, so these are never marked foreign; they count as
  native for `is_native`.
- ``foreign``: everything else, made by host code: bridged modules (`math`, `sys`, `_sre`, ...),
  host functions (`math.sqrt`), instances of host types (`re.Pattern` from `_sre`,
  `datetime.date` from `_datetime`, `_io.TextIOWrapper`), host classes.
"""

from __future__ import annotations

import builtins as host_builtins
import types
import weakref
from typing import NamedTuple

from ..runtime.classes import native_classes
from ..runtime.frames import Code, Frame
from ..runtime.functions import memphis_code_of, registered_code
from ..runtime.tracebacks import Traceback

__all__ = [
    'ForeignDescription',
    'describe',
    'is_foreign',
    'is_native',
    'mark_native_module',
]

_native_modules: weakref.WeakSet = weakref.WeakSet()


def mark_native_module(module: types.ModuleType) -> None:
    """Register `module` as native: the import system calls this for each module it interprets.

    A module whose globals use Memphis's builtins is recognised as native without it; the
    registration covers a module before its body has run.
    """
    _native_modules.add(module)


class ForeignDescription(NamedTuple):
    """What `describe` says of an object.

    `kind` is 'native', 'builtin' or 'foreign'. For a foreign object, `host_module` is the host
    module that made it (the type's module, or the module itself), `type_name` the qualified
    name of its type, `implementation` 'C' or 'Python' (the host's C code or host Python
    source), and `display_type` what a person reads, like ``re.Pattern (CPython)`` or
    ``fractions.Fraction (host Python)``.
    """

    kind: str
    type_name: str
    display_type: str
    host_module: str | None = None
    implementation: str | None = None

    @property
    def foreign(self) -> bool:
        return self.kind == 'foreign'


# The language's own types: their values are the program's values whoever built them.
_LANGUAGE_TYPES = frozenset(
    value for value in vars(host_builtins).values() if isinstance(value, type)
) | frozenset({
    type(None), type(Ellipsis), type(NotImplemented), types.MethodType, types.CellType,
    type({}.keys()), type({}.values()), type({}.items()), type(iter([])), type(iter(())),
    type(iter('')), type(iter(range(0))), type(iter({})), type(reversed([])),
    types.MappingProxyType, types.SimpleNamespace, types.GenericAlias, types.UnionType,
    types.MethodWrapperType, types.WrapperDescriptorType, types.MethodDescriptorType,
    types.ClassMethodDescriptorType, types.GetSetDescriptorType, types.MemberDescriptorType,
})

_MEMPHIS_TYPES = (Frame, Code, Traceback)


def _memphis_builtins() -> dict:
    from ..runtime.builtins import builtins_dict

    return builtins_dict


def _generator_code(obj):
    for attribute in ('gi_code', 'cr_code', 'ag_code'):
        code = getattr(obj, attribute, None)
        if code is not None:
            return code
    return None


def _is_memphis_host_code(host_code) -> bool:
    return registered_code(host_code) is not None


def _is_native_class(cls: type) -> bool:
    try:
        return any(base in native_classes for base in cls.__mro__)
    except (AttributeError, TypeError):
        return False


def _is_native_module(module: types.ModuleType) -> bool:
    if module in _native_modules:
        return True
    return getattr(module, '__dict__', {}).get('__builtins__') is _builtins_module()


def _builtins_module():
    from ..runtime.builtins import builtins_module

    return builtins_module


def _type_name(cls: type) -> str:
    module = getattr(cls, '__module__', None)
    qualname = getattr(cls, '__qualname__', cls.__name__)
    if module in (None, 'builtins'):
        return qualname
    return f'{module}.{qualname}'


def _implementation(cls: type) -> str:
    """'Python' when the type (or a base before the builtin ones) has host Python methods."""
    for base in getattr(cls, '__mro__', (cls,)):
        if base in _LANGUAGE_TYPES:
            continue
        for value in vars(base).values():
            if isinstance(value, (staticmethod, classmethod)):
                value = value.__func__
            if isinstance(value, types.FunctionType) and memphis_code_of(value) is None:
                return 'Python'
    return 'C'


def _foreign(host_module: str | None, type_name: str, implementation: str,
             display: str | None = None) -> ForeignDescription:
    host = 'CPython' if implementation == 'C' else 'host Python'
    return ForeignDescription('foreign', type_name, f'{display or type_name} ({host})',
                              host_module, implementation)


def describe(obj) -> ForeignDescription:
    """Native, builtin (the language's own values) or foreign, and for foreign what it is.

    Never runs interpreted code and never raises: an object whose type cannot be inspected is
    described as foreign by its type's name.
    """
    try:
        return _describe(obj)
    except Exception:  # noqa: BLE001 - a debugger's variable view must always get an answer
        name = getattr(type(obj), '__name__', 'object')
        return ForeignDescription('foreign', name, f'{name} (CPython)', None, 'C')


def _describe(obj) -> ForeignDescription:
    cls = type(obj)
    name = _type_name(cls)
    if isinstance(obj, _MEMPHIS_TYPES):
        return ForeignDescription('native', _native_type_name(obj), _native_type_name(obj))
    if isinstance(obj, types.FunctionType):
        if memphis_code_of(obj) is not None:
            return ForeignDescription('native', 'function', 'function')
        if any(obj is value for value in _memphis_builtins().values()):
            return ForeignDescription('builtin', 'builtin_function_or_method',
                                      'builtin_function_or_method')
        return _foreign(getattr(obj, '__module__', None), 'function', 'Python')
    if isinstance(obj, (types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)):
        if _is_memphis_host_code(_generator_code(obj)):
            return ForeignDescription('native', name, name)
        return _foreign(getattr(obj, '__module__', None), name, 'Python')
    if isinstance(obj, types.ModuleType):
        if _is_native_module(obj):
            return ForeignDescription('native', 'module', 'module')
        module_name = getattr(obj, '__name__', None)
        implementation = 'Python' if str(getattr(obj, '__file__', '')).endswith('.py') else 'C'
        return _foreign(module_name, 'module', implementation, f'module {module_name}')
    if isinstance(obj, types.BuiltinFunctionType):
        owner = getattr(obj, '__self__', None)
        module = getattr(obj, '__module__', None)
        if module == 'builtins' or (owner is not None and not isinstance(owner, types.ModuleType)
                                    and not describe(owner).foreign):
            return ForeignDescription('builtin', name, name)
        if isinstance(owner, types.ModuleType):
            module = owner.__name__
        return _foreign(module, name, 'C', f'{module}.{obj.__name__}' if module else None)
    if isinstance(obj, types.MethodType):
        return describe(obj.__func__)
    if isinstance(obj, type):
        if _is_native_class(obj):
            return ForeignDescription('native', 'type', 'type')
        if obj in _LANGUAGE_TYPES or issubclass(obj, BaseException) and obj.__module__ == \
                'builtins':
            return ForeignDescription('builtin', name, name)
        return _foreign(obj.__module__, 'type', _implementation(obj), f'type {_type_name(obj)}')
    if _is_native_class(cls):
        return ForeignDescription('native', name, name)
    if cls in _LANGUAGE_TYPES or (isinstance(obj, BaseException) and cls.__module__ == 'builtins'):
        return ForeignDescription('builtin', name, name)
    return _foreign(getattr(cls, '__module__', None), name, _implementation(cls))


def _native_type_name(obj) -> str:
    if isinstance(obj, Frame):
        return 'frame'
    if isinstance(obj, Code):
        return 'code'
    return 'traceback'


def is_foreign(obj) -> bool:
    """True for objects made by host code (see the module docstring)."""
    return describe(obj).kind == 'foreign'


def is_native(obj) -> bool:
    """True for objects made by interpreted code and for the language's own builtin values."""
    return describe(obj).kind != 'foreign'
