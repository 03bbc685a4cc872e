"""Calls of host types that cannot make what interpreted code asks for by themselves.

`type(name, bases, ns)` called from interpreted code names the caller's module, as in CPython;
`types.FunctionType(code, globals, ...)` with a Memphis code object makes a Memphis function.

The host's `type.__new__` takes `__module__` from the globals of the innermost host frame, which
for interpreted code is a call template's (no `__name__`), so classes made by calling `type` (or
`type.__new__` from a metaclass) would get no `__module__` at all.
"""

from __future__ import annotations

from .templates import instantiate

__all__ = ['TYPE_CREATORS', 'builtins_of', 'calls_function_type', 'function_from_code',
           'may_create_type', 'module_naming', 'store_code']

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


def calls_function_type(func) -> bool:
    """Whether a call's callee expression can be the function type: it names `FunctionType`
    (`types.FunctionType(...)`, `FunctionType(...)`) or is `type(<one argument>)` (the
    `type(f)(f.__code__, globals)` idiom). Only those calls check for the host function
    type, at no cost to the others (an alias of the type is not recognised)."""
    kind = type(func).__name__
    if kind == 'Call':
        callee = func.func
        return (type(callee).__name__ == 'Name' and callee.id == 'type'
                and len(func.args) == 1 and not func.keywords
                and type(func.args[0]).__name__ != 'Starred')
    return (kind == 'Name' and func.id == 'FunctionType') or (
        kind == 'Attribute' and func.attr == 'FunctionType')


def function_from_code(code, globals, name=None, argdefs=None, closure=None):
    """`types.FunctionType(code, globals, name, argdefs, closure)`: with a Memphis code object
    (a function's `__code__`, as networkx's copyfunc passes), a Memphis function running it;
    with a host code object, the host's function. Arguments are checked as CPython does."""
    import types

    from .frames import Code
    from .module_functions import module_function

    if not isinstance(code, Code):
        return types.FunctionType(code, globals, name, argdefs, closure)
    if not isinstance(globals, dict):
        raise TypeError("function() argument 'globals' must be dict, not "
                        f'{type(globals).__name__}')
    if name is not None and not isinstance(name, str):
        raise TypeError('arg 3 (name) must be None or string')
    if argdefs is not None and not isinstance(argdefs, tuple):
        raise TypeError('arg 4 (defaults) must be None or tuple')
    if code.kind == 'module' and argdefs is None and closure is None:
        # its statements, run with `globals` as their namespace (asyncio's REPL)
        return module_function(code, globals, builtins_of(globals), name)
    if code.kind != 'function' or code.trampoline is None:
        raise TypeError(f'Memphis cannot make a function of the code of a {code.kind} '
                        f'({code.co_name!r}): only a function\'s __code__')
    free = len(code.co_freevars)
    if closure is not None and not isinstance(closure, tuple):
        raise TypeError('arg 5 (closure) must be None or tuple')
    if free and closure is None:
        raise TypeError('arg 5 (closure) must be tuple')
    if free != len(closure or ()):
        raise ValueError(f'{code.co_name} requires closure of length {free}, not '
                         f'{len(closure or ())}')
    for cell in closure or ():
        if type(cell) is not types.CellType:
            raise TypeError(f'arg 5 (closure) expected cell, found {type(cell).__name__}')
    from .functions import make_function

    builtins = builtins_of(globals)
    # the host function takes its `__builtins__` from the globals, else from the host frame
    # making it (this module's): given for that moment, they are the ones CPython's has
    lent = '__builtins__' not in globals
    if lent:
        globals['__builtins__'] = builtins
    try:
        function = make_function(code, globals, builtins, argdefs, None, closure or (), None,
                                 code.docstring)
    finally:
        if lent:
            globals.pop('__builtins__', None)
    if name is not None:
        function.__name__ = name
    return function


_MISSING = object()


def builtins_of(globals_: dict) -> dict:
    """The builtins a function made with `globals_` sees, as CPython finds them: the globals'
    `__builtins__`, else the calling frame's."""
    import types

    from .builtins import builtins_dict
    from .frames import current_state

    builtins = globals_.get('__builtins__', _MISSING)
    if builtins is _MISSING:
        caller = current_state().frame
        return caller.f_builtins if caller is not None else builtins_dict
    if isinstance(builtins, types.ModuleType):
        builtins = builtins.__dict__
    return builtins if isinstance(builtins, dict) else builtins_dict


def store_code(function, value) -> None:
    """`function.__code__ = value`, compiled for every store to an attribute spelled `__code__`:
    a Memphis code object given to a function makes it run that code (networkx's argmap
    compiles a function's real body on its first call and swaps it in); anything else is the
    host's assignment, with its checks (free variables, type)."""
    import types

    from .frames import Code
    from .functions import trampoline_code_for

    if isinstance(value, Code) and type(function) is types.FunctionType:
        if value.kind != 'function' or value.trampoline is None:
            raise ValueError(f'Memphis cannot run the code of a {value.kind} '
                             f'({value.co_name!r}) as a function')
        value = trampoline_code_for(value, function, function.__builtins__)
    function.__code__ = value

