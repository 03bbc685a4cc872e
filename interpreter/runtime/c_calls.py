"""The profile events of calls of built-in functions ('c_call', 'c_return', 'c_exception'):
CPython 3.11 reports them to a thread's sys.setprofile function (not to sys.settrace's) when
the function a CALL calls is a built-in function or method, or a method descriptor called with
its object (the event's argument is then the bound built-in method).

A call compiled in an instrumented body (runtime.tracing) asks `profiled_callee` for what to
call while some thread profiles (`profiling`): the function itself, or a wrapper reporting the
events around it. Memphis's own functions standing for built-ins (`exec`, `sys._getframe`, ...:
`stand_in_modules`) count as built-ins.
"""

from __future__ import annotations

import types

from .frames import current_state

__all__ = ['c_function_label', 'profiled_callee', 'profiling', 'reported_call',
           'stand_in_modules']

profiling = [False]  # some thread has a sys.setprofile function

# Memphis's host functions standing for built-in functions -> the name of the module of the
# function they stand for ('builtins', 'sys')
stand_in_modules: dict = {}

_BUILTIN = types.BuiltinFunctionType
_METHOD_DESCRIPTOR = types.MethodDescriptorType


def profiled_callee(f, function):
    """What a call in frame `f` of a profiled thread calls instead of `function`."""
    kind = type(function)
    if kind is not _BUILTIN and kind is not _METHOD_DESCRIPTOR and (
            kind is not types.FunctionType or function not in stand_in_modules):
        return function
    state = current_state()
    if state.profiler is None or state.in_trace:
        return function

    def profiled(*args, **kwargs):
        if kind is _METHOD_DESCRIPTOR:
            if not args:
                return function(*args, **kwargs)  # its TypeError, not profiled (as CPython)
            bound = function.__get__(args[0], type(args[0]))
            return reported_call(f, bound, bound, *args[1:], **kwargs)
        return reported_call(f, function, function, *args, **kwargs)

    return profiled


def reported_call(f, shown, function, *args, **kwargs):
    """`function(*args, **kwargs)` called from frame `f` as the built-in `shown`: its
    'c_call', then 'c_return' or 'c_exception'."""
    from .tracing import deliver_to_profiler

    deliver_to_profiler(f, 'c_call', shown)
    try:
        result = function(*args, **kwargs)
    except BaseException:
        deliver_to_profiler(f, 'c_exception', shown)
        raise
    deliver_to_profiler(f, 'c_return', shown)
    return result


def c_function_label(function) -> str:
    """How lsprof names a built-in function (its normalizeUserObj): '<built-in method
    builtins.len>', "<method 'append' of 'list' objects>", '<built-in method sys.exc_info>'."""
    module = stand_in_modules.get(function) if type(function) is types.FunctionType else None
    name = function.__name__
    if module is not None:
        return f'<built-in method {module}.{name}>'
    owner = getattr(function, '__self__', None)
    if owner is None:
        module = getattr(function, '__module__', None)
        return f'<{name}>' if module in (None, 'builtins') else f'<{module}.{name}>'
    for klass in type(owner).__mro__:
        found = vars(klass).get(name)
        if found is not None:
            return repr(found)
    module = getattr(function, '__module__', None)
    return f'<built-in method {module}.{name}>' if isinstance(module, str) \
        else f'<built-in method {name}>'
