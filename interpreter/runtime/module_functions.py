"""Functions and coroutines made of module code: `types.FunctionType(code, globals)` of a
module's code runs its statements with `globals` as their namespace (asyncio's REPL does that
with every input), and a module that awaits (compile()'s PyCF_ALLOW_TOP_LEVEL_AWAIT; the code
has CO_COROUTINE) makes, when run, a coroutine named `<module>`, whose awaiting runs the
statements with the namespaces it was given."""

from __future__ import annotations

import types

from .frames import Code
from .functions import _Awaitable, enter_generator, register_trampoline
from .templates import instantiate

__all__ = ['CO_COROUTINE', 'module_coroutine', 'module_function']

CO_COROUTINE = 0x80

# the arguments are Memphis's (a module code takes none); '.'-named, as CPython names its
# hidden locals, so no keyword argument can reach them
_SOURCE = """\
def make():
    def module(globals_, names, code, builtins, run):
        return run(code, globals_, builtins, names)
    async def awaiting_module(globals_, names, code, builtins, run):
        return await run(code, globals_, builtins, names)
    return module, awaiting_module
"""


def module_coroutine(code: Code, globals_: dict, builtins: dict, names) -> types.CoroutineType:
    """Run `code` (a module's that awaits) with `globals_` and `names` (its local namespace):
    the coroutine, not started."""
    return _host_function(code, globals_)(globals_, names, code, builtins, _body_awaitable)


def module_function(code: Code, globals_: dict, builtins: dict, name: str | None):
    """`types.FunctionType(code, globals_, name)` of a module's `code`: its call (without
    arguments) runs the statements with `globals_` as their namespace, as CPython's does; for
    a module that awaits, it makes the coroutine that will."""
    run = _body_awaitable if code.co_flags & CO_COROUTINE else _run_statements
    function = _host_function(code, globals_, (globals_, globals_, code, builtins, run))
    if name is not None:
        function.__name__ = name
    return function


def _host_function(code: Code, globals_: dict, defaults: tuple | None = None):
    """A host function running `code`, registered as its trampoline (its `__code__`, and its
    coroutines' `cr_code`, are `code`)."""
    host = _template(bool(code.co_flags & CO_COROUTINE)).replace(
        co_name='<module>', co_qualname='<module>', co_filename=code.co_filename,
        co_firstlineno=code.co_firstlineno)
    register_trampoline(host, code)
    return types.FunctionType(host, globals_, '<module>', defaults)


_templates: dict = {}


def _template(awaiting: bool):
    template = _templates.get(awaiting)
    if template is None:
        plain, asynchronous = instantiate(_SOURCE, 'make')()
        code = (asynchronous if awaiting else plain).__code__
        template = _templates[awaiting] = code.replace(
            co_varnames=tuple('.' + name for name in code.co_varnames))
    return template


def _run_statements(code: Code, globals_: dict, builtins: dict, names):
    from .builtins import run_code

    return run_code(code, globals_, names)


def _body_awaitable(code: Code, globals_: dict, builtins: dict, names) -> _Awaitable:
    """The module's statements as a coroutine body (its frame pushed and popped around each
    suspension by the compiled awaits)."""
    return _Awaitable(enter_generator(code, globals_, builtins, names)([]))
