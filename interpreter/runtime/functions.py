"""Interpreted functions are real host functions: a trampoline with the user's signature.

The compiler gives each `def`/`lambda` a trampoline code object whose parameters are exactly the
user's (so the host binds arguments: exact TypeError messages, `inspect.signature`,
`__defaults__`, `__kwdefaults__`), renamed with `code.replace` to the user's name, qualname, file
and line. Its body only builds the slot list and enters the evaluator. A generator function's
trampoline is a host generator (`yield from` the compiled body) and a coroutine function's is a
host coroutine (`await`), so `send`/`throw`/`close` and `inspect` predicates are the host's own.
"""

from __future__ import annotations

import sys
import types
import warnings
import weakref
from _thread import get_ident

from .async_generators import ASYNCGEN_BODY, UNSTARTED_GUARD, Suspend, Yielded, guard_unstarted
from .frames import (
    UNBOUND,
    ClosingThrow,
    Code,
    Frame,
    current_state,
    recursion_limit,
    switched_frames,
    thread_states,
)
from .templates import instantiate
from .tracebacks import leave_frame, memphis_traceback

__all__ = [
    'PLACEHOLDERS',
    'Signature',
    'Trampoline',
    'enter_generator',
    'is_interpreted_generator',
    'leave_generator_frame',
    'left_with_stop_iteration',
    'make_function',
    'make_iterable_coroutine',
    'make_trampoline_code',
    'memphis_code_of',
    'register_trampoline',
    'registered_code',
    'thrown_before_entering',
    'trampoline_shape',
]

_CellType = types.CellType


class Signature:
    """The parameter layout of a function: names in slot order and which have defaults."""

    __slots__ = ('args', 'kw_defaults', 'kwarg', 'kwonly', 'n_defaults', 'posonly', 'vararg')

    def __init__(self, posonly, args, vararg, kwonly, kwarg, n_defaults, kw_defaults) -> None:
        self.posonly = tuple(posonly)
        self.args = tuple(args)
        self.vararg = vararg
        self.kwonly = tuple(kwonly)
        self.kwarg = kwarg
        self.n_defaults = n_defaults
        self.kw_defaults = tuple(kw_defaults)

    def slot_names(self) -> list[str]:
        """Parameter names in co_varnames order: positional, keyword-only, *args, **kwargs."""
        names = [*self.posonly, *self.args, *self.kwonly]
        if self.vararg:
            names.append(self.vararg)
        if self.kwarg:
            names.append(self.kwarg)
        return names


_HELPERS = ('_e', '_U', '_C', '_F', '_T', '_S', '_Frame', '_code', '_g', '_b', '_states',
            '_ident', '_new_state', '_limit', '_leave', '_deep', '_tail', '_call', '_B', '_X',
            '_D', '_W')
_TEMPORARIES = ('body', 'sent', 'error', 'pending', 'item', 'thrown', 'back', 'frame', 'depth',
                'state', 'fast')
# A helper is a constant of the trampoline's code: the template reads a placeholder string,
# replaced in co_consts by the helper itself (LOAD_CONST: no cell, and the trampoline's only
# free variables are the user's, so `__closure__` and `co_freevars` are CPython's).
# No helper refers to the function's globals: a code object is invisible to the collector, so
# a namespace among its constants (or in a frame of its pool, or in a trampoline's binding
# they reach through `_code`) would stay alive for ever with the functions defined in it
# (every exec'd namespace; Jinja2's dropped template modules). The globals are the trampoline's
# own host frame's: `_g` is the builtin `globals`, called by the template.
_PLACEHOLDER = '\x00memphis:{}'
# The helper each placeholder constant stands for (one dict shared by every trampoline).
PLACEHOLDERS = {_PLACEHOLDER.format(base): base for base in _HELPERS}
_HELPER_INDEX = {base: index for index, base in enumerate(_HELPERS)}

_FRAME_SETUP = """\
try:
    {state} = {_states}[{_ident}()]
except KeyError:
    {state} = {_new_state}()
{back} = {state}.frame
"""
_NEW_FRAME = """\
{frame} = {_Frame}({_code}, {_g}(), {_b}, None, None, None)
"""
_FRAME_PUSH = """\
{frame}.fast = {slots}
{frame}.f_back = {back}
{frame}.depth = {depth} = {back}.depth + 1 if {back} is not None else 1
if {depth} > {_limit}.value:
    {_deep}()
{state}.frame = {frame}
del {back}
{forget}"""
# A plain function's trampoline only builds the slot list and hands it to `_call_function`
# with its binding (`_B`) and globals: a code object per function is the host's price of
# binding arguments by name, so it is kept small (about 300 bytes instead of 1,100 when the
# frame was pushed here; one host call more per call).
_FUNCTION_BODY = """\
{fast} = {slots}
{forget}return {_call}({_B}, {_g}(), {fast})
"""
# A generator or coroutine may be resumed in another thread: restore that thread's state.
# (UNSTARTED_GUARD: an exception thrown in before it started; see guard_unstarted.) The loop
# runs again only when `_leave` says the body goes on: a traced generator that yielded in
# `except GeneratorExit` when closed (runtime.tracing._generator_body). A frame sys.settrace
# found running its plain body (`_W`, frames.switched_frames) reports its 'return' by `_leave`.
_GENERATOR_BODY = UNSTARTED_GUARD + _FRAME_SETUP + _NEW_FRAME + _FRAME_PUSH + """\
while True:
    try:
        {run}
        if {_W}:
            {_leave}({frame}, None)
        return {frame}.ret
    except BaseException as {error}:
        if not {_leave}({frame}, {error}):
            raise
    finally:
        {_new_state}().frame = {frame}.f_back
"""
# `{run}` of a generator whose body may go on after its close() (compiler.functions.
# may_outlive_close): the trampoline drives the body itself instead of `yield from`. Through
# `yield from`, close() would close each of the body's host generators in turn, innermost
# first, so that code after a handler that swallowed the GeneratorExit never ran, and a body
# yielding instead could not be resumed; here the GeneratorExit is thrown in as a ClosingThrow,
# raised where the body yields, and whatever the body yields next the trampoline yields (its
# close() then raises "generator ignored GeneratorExit" and it stays suspended, as in CPython).
_DRIVING_RUN = """\
body = {_code}.body({frame})
sent = None
pending = None
while True:
    try:
        item = body.send(sent) if pending is None else body.throw({_X}(pending))
    except StopIteration:
        break
    finally:
        pending = None
    try:
        sent = yield item
    except BaseException as thrown:
        pending = thrown
        sent = None
"""


# `{run}` of a coroutine whose body may go on after its close(): it awaits a _CoroutineDriver,
# and awaits it again when the body refused a close() by awaiting on (see there).
_DRIVING_AWAIT = """\
body = {_D}({_code}.body({frame}))
while True:
    try:
        await body
        break
    except {_D}.Refused:
        pass
"""


def thrown_into_body(error: BaseException) -> BaseException:
    """What a trampoline that drives a body throws into it for `error` (a GeneratorExit is
    wrapped: see `_DRIVING_RUN`, and the async generator trampoline's aclose())."""
    return ClosingThrow(error) if type(error) is GeneratorExit else error


class _Binding:
    """A trampoline's constants with the helpers bound for one builtins dict (every helper but
    `_F`; `_bound_entry`), and, while one lives, the host code shared by its functions without
    free variables (`host`: its `_CodeRef`, a weak reference)."""

    __slots__ = ('builtins', 'code', 'consts', 'host', 'pool')

    def __init__(self) -> None:
        self.builtins = self.code = self.consts = self.host = self.pool = None


class Trampoline(_Binding):
    """A trampoline's template code (helpers as placeholder constants), shared by the functions
    of one shape, with the names their code objects get (`names`: co_name, co_qualname,
    co_filename, co_firstlineno; None: the template's own). It is its code's binding for the
    first builtins its functions are made with (nearly always the only one; others are in
    `bound`, by id): functions without free variables share one bound code (as in CPython,
    whatever their globals); a closure's code differs only by its cells (`_F`)."""

    __slots__ = ('bound', 'free_index', 'names', 'placeholders', 'positions', 'template')

    def __init__(self, template, placeholders: dict, names: tuple | None = None,
                 shape: tuple | None = None) -> None:
        self.builtins = self.code = self.consts = self.host = self.pool = self.bound = None
        self.template = template
        self.placeholders = placeholders
        self.names = names
        if shape is None:
            shape = _placeholder_positions(template.co_consts, placeholders)
        # where `_F` is; (constant index, helper index) of each placeholder, or None when
        # one is inside a tuple constant
        self.free_index, self.positions = shape

    def renamed(self, name: str, qualname: str, filename: str, firstlineno: int,
                params: tuple = (), freevars: tuple = (), unbound: int = 0) -> Trampoline:
        """A trampoline of this shape for one function's code (the template is shared: the
        names are applied when the code is bound, `with_constants`): its parameters' and free
        variables' true names, and how many locals start unbound after the parameters (the
        `_tail` of a shape that does not count them)."""
        return Trampoline(self.template, self.placeholders,
                          (name, qualname, filename, firstlineno, params, freevars, unbound),
                          (self.free_index, self.positions))

    def copy(self) -> Trampoline:
        """Another binding of the same trampoline (for a copy of its code)."""
        return Trampoline(self.template, self.placeholders, self.names,
                          (self.free_index, self.positions))

    def with_constants(self, consts: tuple):
        """The host code: the template with `consts` and this trampoline's names."""
        if self.names is None:
            return self.template.replace(co_consts=consts)
        name, qualname, filename, firstlineno, params, freevars, _ = self.names
        template = self.template
        varnames = template.co_varnames
        if params:
            varnames = params + varnames[len(params):]
        return template.replace(co_consts=consts, co_name=name, co_qualname=qualname,
                                co_filename=filename, co_firstlineno=firstlineno,
                                co_varnames=varnames,
                                co_freevars=freevars or template.co_freevars)

    def unbound_tail(self) -> tuple:
        """The value of the `_tail` placeholder: UNBOUND for each local after the parameters."""
        return (UNBOUND,) * self.names[6] if self.names is not None else ()


def _placeholder_positions(consts: tuple, placeholders: dict) -> tuple:
    """(index of `_F`'s placeholder or None, ((constant index, index in _HELPERS), ...) or
    None if a placeholder is inside a tuple constant)."""
    free_index = positions = None
    found = []
    for index, const in enumerate(consts):
        kind = type(const)
        if kind is str:
            base = placeholders.get(const)
            if base is not None:
                found.append((index, _HELPER_INDEX[base]))
                if base == '_F':
                    free_index = index
        elif kind is tuple and positions is None and _holds_placeholder(const, placeholders):
            positions = False
    return free_index, (None if positions is False else tuple(found))


def _holds_placeholder(const: tuple, placeholders: dict) -> bool:
    return any(item in placeholders if type(item) is str
               else type(item) is tuple and _holds_placeholder(item, placeholders)
               for item in const)


def trampoline_shape(sig: Signature, *, kind: str, nlocals: int, cell_slots, n_free: int,
                     n_freevars: int) -> tuple:
    """What a function's trampoline template depends on: the kinds and counts of its
    parameters, never their names (each function's code gets its own names when bound), and
    the count of its other locals only when one of them is a cell (a fresh cell per call, at
    its slot); otherwise they start UNBOUND from a constant of the function's (`_tail`)."""
    n_params = len(sig.posonly) + len(sig.args) + len(sig.kwonly) + (sig.vararg is not None) \
        + (sig.kwarg is not None)
    cells = tuple(cell_slots)
    if any(slot >= n_params for slot in cells):
        locals_ = ('slots', nlocals)
    else:
        locals_ = ('tail', nlocals - n_free > n_params)
    return (len(sig.posonly), len(sig.args), sig.vararg is not None, len(sig.kwonly),
            sig.kwarg is not None, sig.n_defaults, kind, locals_, cells, n_free, n_freevars)


def make_trampoline_code(shape: tuple) -> Trampoline:
    """The host code object of a trampoline of `shape` (`trampoline_shape`): the signature's
    layout, a body that enters Memphis.

    `kind` is 'function', 'generator', 'driving_generator' (see `_DRIVING_RUN`), 'coroutine',
    'driving_coroutine' (`_DRIVING_AWAIT`) or 'asyncgen'. Slots that are cells get a
    fresh cell (wrapping the argument for a parameter), other unassigned locals start UNBOUND.
    A plain function's trampoline hands its slot list to `_call_function` (a small host code
    per function); generators and coroutines push their frame in the trampoline, an async
    generator's delegates to an entry generator (see `enter_generator`). Its free variables
    (generic names too) close the slot list. Parameters and free variables have placeholder
    names, replaced by each function's own (`Trampoline.renamed`); the temporaries are named
    '.frame' and so on, which no parameter can be.
    """
    (n_posonly, n_args, has_vararg, n_kwonly, has_kwarg, n_defaults, kind, (locals_kind, locals_),
     cells, n_free, n_freevars) = shape
    positional = [f'_p{index}' for index in range(n_posonly + n_args)]
    kwonly = [f'_p{index}' for index in range(len(positional), len(positional) + n_kwonly)]
    after = len(positional) + n_kwonly
    vararg = f'_p{after}' if has_vararg else None
    kwarg = f'_p{after + has_vararg}' if has_kwarg else None
    params = [*positional, *kwonly, *([vararg] if vararg else ()), *([kwarg] if kwarg else ())]
    freevars = [f'_v{index}' for index in range(n_freevars)]
    names = {base: repr(_PLACEHOLDER.format(base)) for base in _HELPERS}
    names.update((base, base) for base in _TEMPORARIES)
    first_default = len(positional) - n_defaults
    parts = []
    for index, param in enumerate(positional):
        parts.append(param + ('=None' if index >= first_default else ''))
        if n_posonly and index == n_posonly - 1:
            parts.append('/')
    if vararg:
        parts.append('*' + vararg)
    elif kwonly:
        parts.append('*')
    parts.extend(kwonly)
    if kwarg:
        parts.append('**' + kwarg)
    items = [f"{names['_C']}({param})" if index in cells else param
             for index, param in enumerate(params)]
    if locals_kind == 'slots':
        items.extend(f"{names['_C']}()" if index in cells else names['_U']
                     for index in range(len(params), locals_ - n_free))
    elif locals_:
        items.append(f"*{names['_tail']}")
    if n_free:
        # the cells are the function's own: `_F` is a weak reference to it (see make_function)
        items.append(f"*{names['_F']}().__closure__")
    slots = '[' + ', '.join(items) + ']'
    # an unstarted generator closed by the collector with its function (a cycle through its
    # cells): the weak reference `_F` is dead by then
    names['guard_slots'] = guard_slots = slots.replace(
        f"*{names['_F']}().__closure__", f"*(getattr({names['_F']}(), '__closure__', None) or ())")
    # the frame's slots own the arguments now: a rebound parameter frees its argument as in
    # CPython (contextlib's test_nokeepref), not kept alive by the trampoline's host frame
    names['forget'] = f"del {', '.join(params)}\n" if params else ''
    enter = names['_e']
    if kind == 'generator':
        header = 'def'
        body = _GENERATOR_BODY.format(slots=slots, run=f"yield from {names['_code']}.body"
                                      f"({names['frame']})", **names)
    elif kind == 'driving_generator':
        header = 'def'
        run = _DRIVING_RUN.format(**names).rstrip().replace('\n', '\n        ')
        body = _GENERATOR_BODY.format(slots=slots, run=run, **names)
    elif kind == 'driving_coroutine':
        header = 'async def'
        run = _DRIVING_AWAIT.format(**names).rstrip().replace('\n', '\n        ')
        body = _GENERATOR_BODY.format(slots=slots, run=run, **names)
    elif kind == 'coroutine':
        header = 'async def'
        body = _GENERATOR_BODY.format(slots=slots, run=f"await {enter}({names['_code']}.body"
                                      f"({names['frame']}))", **names)
    elif kind == 'asyncgen':
        header = 'async def'
        body = ASYNCGEN_BODY.format(enter=enter, slots=slots, guard_slots=guard_slots,
                                    tagged=names['_T'], suspend=names['_S'],
                                    globals=names['_g'], closing=names['_X'])
    else:
        header, body = 'def', _FUNCTION_BODY.format(slots=slots, **names)
    if freevars:
        # never run: makes the free variables the trampoline's own
        body = f"if 0:\n    ({', '.join(freevars)},)\n" + body
    body = body.rstrip().replace('\n', '\n        ')
    declared = f"    {' = '.join(freevars)} = None\n" if freevars else ''
    source = (f'def factory():\n'
              f'{declared}'
              f'    {header} trampoline({", ".join(parts)}):\n'
              f'        {body}\n'
              f'    return trampoline\n')
    with warnings.catch_warnings():
        # the placeholders are strings the template calls and subscripts
        warnings.simplefilter('ignore', SyntaxWarning)
        # the import cache saves the trampoline itself (compiler.functions), not the factory
        factory = instantiate(source, 'factory', recorded=False)
    code = _inner_code(factory)
    code = code.replace(co_varnames=tuple('.' + local if local in _TEMPORARIES else local
                                          for local in code.co_varnames))
    return Trampoline(code, PLACEHOLDERS)


def _bound_constants(consts: tuple, values: dict) -> tuple:
    """`consts` with each placeholder (also inside tuple constants) replaced by its value."""
    def bound(const):
        if type(const) is str:
            return values.get(const, const)
        if type(const) is tuple and const:
            items = tuple([bound(item) for item in const])
            # a tuple without placeholders stays the template's (no copy per function)
            return const if all(a is b for a, b in zip(items, const)) else items
        return const

    return tuple([bound(c) for c in consts])


# Keyed by identity: code objects compare equal by value, so two trampolines with the same
# name, file and line would share (and, when the first dies, lose) one entry in a weak dict.
# The Memphis code is held weakly too: a trampoline's constants hold it (its `_code`, or the
# entry generator's closure), and it holds its trampolines' builtins (their bindings), so a
# strong reference here would keep every namespace a function was ever made in alive (Jinja2's
# ModuleLoader drops its template modules and expects them collected).
_memphis_codes: dict = {}  # id(host code) -> _CodeRef


class _CodeRef(weakref.ref):
    """A weak reference to a trampoline's host code (the `_memphis_codes` entry), with the
    Memphis code (weakly) and, for a shared code, the binding whose `host` it is."""

    __slots__ = ('binding', 'code', 'key')


def _forget(ref: _CodeRef, codes: dict = _memphis_codes) -> None:
    # `codes` is bound here: at interpreter exit the module's globals may already be None
    if codes.get(ref.key) is ref:
        del codes[ref.key]
    binding = ref.binding
    if binding is not None and binding.host is ref:
        # a shared code died with its last function: its binding (constants that refer to the
        # Memphis code) goes now, so a dropped namespace's code objects are freed in the same
        # collection as its functions, as in CPython
        binding.builtins = binding.consts = binding.host = None


def register_trampoline(host_code, code: Code, binding: _Binding | None = None) -> _CodeRef:
    """Remember which Memphis code a trampoline's host code object enters; `binding` is the
    one a shared code was made from. Returns the weak reference to `host_code`."""
    ref = _CodeRef(host_code, _forget)
    ref.binding = binding
    ref.code = weakref.ref(code)
    ref.key = id(host_code)
    _memphis_codes[ref.key] = ref
    return ref


def make_iterable_coroutine(function) -> bool:
    """What `types.coroutine` does to a generator function (its code gets CO_ITERABLE_COROUTINE,
    so its generators can be awaited) for an interpreted one; False for any other callable.
    The function gets its own flagged trampoline code; the flag is on its Memphis code too."""
    code = memphis_code_of(function)
    if code is None or code.kind != 'generator':
        return False
    code.co_flags |= _ITERABLE_COROUTINE
    host_code = function.__code__
    flagged = host_code.replace(co_flags=host_code.co_flags | _ITERABLE_COROUTINE)
    register_trampoline(flagged, code)
    function.__code__ = flagged
    return True


_ITERABLE_COROUTINE = 0x100


def registered_code(host_code) -> Code | None:
    """The Memphis code a trampoline's host code object enters, or None for other code."""
    ref = _memphis_codes.get(id(host_code))
    if ref is None or ref() is not host_code:
        return None
    return ref.code()


def is_interpreted_generator(obj) -> bool:
    """True for a generator object an interpreted generator function made."""
    if type(obj) is not types.GeneratorType:
        return False
    return registered_code(obj.gi_code) is not None


def memphis_code_of(function) -> Code | None:
    """The Memphis `Code` behind an interpreted function, or None for any other callable."""
    host_code = getattr(function, '__code__', None)
    if host_code is None:
        return None
    return registered_code(host_code)


def _inner_code(factory):
    for const in factory.__code__.co_consts:
        if isinstance(const, types.CodeType):
            return guard_unstarted(const)
    raise AssertionError('trampoline template without a code object')


def _too_deep():
    raise RecursionError('maximum recursion depth exceeded')


_MAX_BOUND_PER_CODE = 8


def make_function(code: Code, globals_: dict, builtins: dict, defaults, kwdefaults,
                  free_cells: tuple, annotations, doc):
    """Create the host function object for one execution of a `def` or `lambda`."""
    if free_cells:
        # A closure's trampoline reads its cells from the function, through a weak reference:
        # a code object is invisible to the collector, so the cells among its constants would
        # keep a closure whose cell refers back to it (a recursive inner function: Werkzeug's
        # router makes one per request) alive for ever. A code per closure, as the constant
        # differs. The function starts with the unbound template (its free variables are the
        # closure's), which refers to nothing of this code.
        function = types.FunctionType(code.trampoline.template, globals_, code.co_name,
                                      defaults or None, free_cells)
        function.__code__ = _closure_code(code, function, builtins)
    else:
        function = types.FunctionType(_shared_code(code, builtins), globals_, code.co_name,
                                      defaults or None)
    if kwdefaults:
        function.__kwdefaults__ = kwdefaults
    function.__qualname__ = code.co_qualname
    function.__doc__ = doc
    if annotations:
        function.__annotations__ = annotations
    return function


def trampoline_code_for(code: Code, function, builtins: dict):
    """The host code that makes the existing host `function` run `code` (its `__code__ =`);
    the host checks the free variables when it is assigned."""
    if not code.co_freevars:
        return _shared_code(code, builtins)
    return _closure_code(code, function, builtins)


def _closure_code(code: Code, function, builtins: dict):
    # a new tuple, never the shared one changed (other threads make closures too)
    consts, index = _bound_entry(code, builtins).consts, code.trampoline.free_index
    host_code = code.trampoline.with_constants(
        consts[:index] + (weakref.ref(function),) + consts[index + 1:])
    register_trampoline(host_code, code)
    return host_code


def _shared_code(code: Code, builtins: dict):
    """The trampoline's host code shared by the functions of one `def` (so `__code__` is shared
    as in CPython). Its binding refers to it weakly: the code's constants refer to `code`,
    which refers to the binding, and a cycle through a code object (invisible to the
    collector) would never be freed; the functions keep it alive."""
    binding = _bound_entry(code, builtins)
    host_code = binding.host() if binding.host is not None else None
    if host_code is None:
        host_code = code.trampoline.with_constants(binding.consts)
        binding.host = register_trampoline(host_code, code, binding)
    return host_code


def _bound_entry(code: Code, builtins: dict) -> _Binding:
    """The binding of `code`'s trampoline for `builtins`, made on first use."""
    trampoline = code.trampoline
    if trampoline.builtins is builtins:
        return trampoline
    if trampoline.builtins is None:
        binding = trampoline
    else:
        bound = trampoline.bound
        binding = bound.get(id(builtins)) if bound is not None else None
        if binding is not None and binding.builtins is builtins:
            return binding
        binding = _Binding()
        if bound is None:
            bound = trampoline.bound = {}
        if len(bound) < _MAX_BOUND_PER_CODE or id(builtins) in bound:
            # the builtins kept alive with it (`builtins`), so their id stays theirs
            bound[id(builtins)] = binding
    binding.consts = _bind_helpers(code, builtins, binding)
    binding.builtins = builtins
    return binding


def _bind_helpers(code: Code, builtins: dict, binding: _Binding) -> tuple:
    """The constants of `code`'s trampoline with the helpers bound for `builtins` (a plain
    function's `binding` is its trampoline's constant: `_call_function` reads it)."""
    enter = None
    if code.kind == 'asyncgen':
        enter = enter_generator(code, None, builtins)
    elif code.kind == 'coroutine':
        enter = _Awaitable
    leave = leave_generator_frame if code.kind in ('generator', 'coroutine') else leave_frame
    binding.code = code
    binding.pool = [None]  # a plain function's reused frames (`_call_function`)
    trampoline = code.trampoline
    helpers = (enter, UNBOUND, _CellType, (), Yielded, Suspend, Frame, code, globals, builtins,
               thread_states, get_ident, current_state, recursion_limit, leave, _too_deep,
               trampoline.unbound_tail(), _call_function, binding, thrown_into_body,
               _CoroutineDriver, switched_frames)
    if trampoline.positions is None:
        values = dict(zip(_HELPERS, helpers))
        return _bound_constants(trampoline.template.co_consts,
                                {placeholder: values[base]
                                 for placeholder, base in trampoline.placeholders.items()})
    bound = list(trampoline.template.co_consts)
    for index, helper in trampoline.positions:
        bound[index] = helpers[helper]
    return tuple(bound)


def _call_function(binding: _Binding, globals_: dict, fast: list):
    """A call of a plain function: its trampoline's arguments in `fast` (the frame's slots),
    `globals_` its host frame's globals. Frames of the function's returned calls that nothing
    else refers to (the count is the local variable and getrefcount's argument) are emptied
    and reused by its next call (`binding.pool`, ending with a None: popping it means the pool
    was empty): allocating and freeing a frame object cost half of a call's time. A frame kept
    by a traceback, a generator's f_back or sys._getframe() is never reused."""
    try:
        state = thread_states[get_ident()]
    except KeyError:
        state = current_state()
    back = state.frame
    pool = binding.pool
    frame = pool.pop()
    if frame is None:
        pool.append(None)
        frame = Frame(binding.code, globals_, binding.builtins, None, None, None)
    else:
        frame.f_globals = globals_
    frame.fast = fast
    frame.f_back = back
    frame.depth = depth = back.depth + 1 if back is not None else 1
    if depth > recursion_limit.value:
        _too_deep()
    state.frame = frame
    try:
        binding.code.body(frame)
        return frame.ret
    except BaseException as error:
        leave_frame(frame, error)
        raise
    finally:
        state.frame = back
        if _refcount(frame) == 2 and frame.locals_snapshot is None:
            frame.fast = frame.f_back = frame.ret = frame.exc = frame.f_globals = None
            pool.append(frame)
        elif switched_frames and frame in switched_frames:
            # (sys.settrace found it running; leaving by an exception, leave_frame reported)
            from .tracing import switched_frame_left

            switched_frame_left(frame)


_refcount = sys.getrefcount


def enter_generator(code: Code, globals_: dict | None, builtins: dict, names=None):
    """The entry point of a generator body: itself a host generator, driven by `yield from`.

    The frame is pushed on each resumption and popped on each suspension (see the compiled
    `yield`), so `f_back` is whoever resumed the generator, as in CPython. With `globals_`
    None (an async generator's trampoline constant), each call passes the globals. `names`:
    the frame's namespace (a module that awaits: runtime.module_functions).
    """
    limit = recursion_limit

    def enter(fast, globals_=globals_):
        state = current_state()
        # (the caller's frame, not kept in a local of this host generator: while it is
        # suspended that frame would live on, and with it its locals, this generator's too)
        frame = Frame(code, globals_, builtins, names, fast, state.frame)
        if frame.depth > limit.value:
            raise RecursionError('maximum recursion depth exceeded')
        state.frame = frame
        try:
            yield from code.body(frame)
            if switched_frames and frame in switched_frames:  # found by sys.settrace
                from .tracing import switched_frame_left

                switched_frame_left(frame)
            return frame.ret
        except BaseException as error:
            if not left_with_stop_iteration(frame, error):
                leave_frame(frame, error)
            raise
        finally:
            current_state().frame = frame.f_back

    if globals_ is None:
        # an async generator trampoline's constant, for its UNSTARTED_GUARD
        # (runtime.async_generators)
        def thrown_before_start(fast, globals_, error):
            code.thrown_before_start(fast, globals_, builtins, error)

        enter.thrown_before_start = thrown_before_start
    return enter


def thrown_before_entering(enter, fast: list, error: BaseException) -> None:
    """`Code.thrown_before_start` for the generator an `enter_generator(code, globals_,
    builtins)` entry was made to run (a generator expression's guard, compiler.comprehensions):
    its code, globals and builtins are the entry's own."""
    bound = dict(zip(enter.__code__.co_freevars, enter.__closure__))
    bound['code'].cell_contents.thrown_before_start(fast, enter.__defaults__[0],
                                                     bound['builtins'].cell_contents, error)


def leave_generator_frame(frame, error: BaseException | None) -> bool | None:
    """`leave_frame` for a generator's or a coroutine's frame, whose body is a host generator:
    see `left_with_stop_iteration`. Ignoring the GeneratorExit of close() is also worded as
    the coroutine's, as CPython does, and is not the frame's exception.

    True (the trampoline goes on) for the RuntimeError of a close() that the traced body
    refused by yielding: its driver is resumed (runtime.tracing._generator_body).

    `error` None: the body returned while `switched_frames` was not empty (the trampoline
    tests it): a frame of that set reports its 'return'."""
    if error is None:
        if frame in switched_frames:
            from .tracing import switched_frame_left

            switched_frame_left(frame)
        return None
    if getattr(frame, 'trace_resume', None) is not None:
        # (the trampoline enters `code.body` again: still the instrumented one, whose entry
        # resumes the driver, unless the tracer was removed meanwhile)
        if type(error) is RuntimeError and error.args == ('generator ignored GeneratorExit',) \
                and getattr(frame.f_code.body, 'plain', None) is not None:
            return True
        frame.trace_resume = None
    if left_with_stop_iteration(frame, error):
        return None
    if type(error) is RuntimeError and error.args == ('generator ignored GeneratorExit',):
        # raised where the trampoline delegates to the body, not by a close() it called
        traceback = error.__traceback__
        if traceback is not None and traceback.tb_next is None:
            if frame.f_code.kind == 'coroutine':
                error.args = ('coroutine ignored GeneratorExit',)
            # CPython raises it from close() after the frame yielded: not in the frame
            if frame.exc is error:
                frame.exc = None
            return
    leave_frame(frame, error)


def left_with_stop_iteration(frame, error: BaseException) -> bool:
    """True if `error` is the RuntimeError the host raised in place of a StopIteration that
    escaped from the body of `frame` (a generator's or a coroutine's); asking again is
    harmless (the tracer asks before the trampoline does).

    As in CPython, the StopIteration left the frame (its traceback gets the frame's entry, at
    the node it left from, once) and the RuntimeError does not show the frame; a coroutine's
    says 'coroutine raised StopIteration'.
    """
    kind = frame.f_code.kind
    if type(error) is not RuntimeError or error.args not in _RAISED_STOP_ITERATION \
            or kind not in _STOP_ITERATION_WORDING:
        return False
    stop = error.__cause__
    if not isinstance(stop, StopIteration) or memphis_traceback(error) is not None:
        return False
    left = memphis_traceback(stop)
    if left is not None and left.tb_frame is not frame \
            and left.tb_frame.f_code.kind in _STOP_ITERATION_WORDING:
        return False  # it left a generator called here, which raised the RuntimeError
    _leave_with_stop_iteration(frame, stop)
    error.args = (_STOP_ITERATION_WORDING[kind],)
    return True


# what CPython's RuntimeError says for a StopIteration that left each kind of code (the host
# says the first: the bodies are host generators)
_STOP_ITERATION_WORDING = {'generator': 'generator raised StopIteration',
                           'coroutine': 'coroutine raised StopIteration',
                           'asyncgen': 'async generator raised StopIteration'}
_RAISED_STOP_ITERATION = tuple((wording,) for wording in _STOP_ITERATION_WORDING.values())


def _leave_with_stop_iteration(frame, stop: StopIteration) -> None:
    """Record `frame`'s entry in the traceback of the StopIteration that left it, at the node
    it left from (the RuntimeError in its place may have taken the frame's record since)."""
    if frame.exc is not stop:
        recorded = memphis_traceback(stop)
        if recorded is not None and recorded.tb_frame is frame:
            return  # recorded when a handler or finally of the frame saw it
        frame.exc = stop
        frame.exc_node = _node_left_from(frame, stop.__traceback__)
    leave_frame(frame, stop)


def _node_left_from(frame, traceback):
    """The innermost node of `frame` a compiled closure in the host `traceback` was running."""
    node = None
    while traceback is not None:
        host = traceback.tb_frame
        if host.f_code.co_varnames[:1] == ('f',):
            names = host.f_locals
            if names.get('f') is frame:
                found = names.get('node')
                if found is None or not hasattr(found, 'lineno'):
                    found = getattr(names.get('s'), 'memphis_node', None)
                node = found or node
        traceback = traceback.tb_next
    return node


class _CoroutineDriver:
    """What the trampoline of a coroutine whose body may go on after its close() awaits
    (Block.outlives_close), in place of the body itself: through the body's nested host
    generators close() would close each level in turn, so code after a handler that swallowed
    the GeneratorExit never ran. Its close() throws the GeneratorExit in as a ClosingThrow,
    raised at the await the body waits in (compiler.generators._closing_await_in_frame, which
    closes the awaited first, as CPython's gen_close): if the body then returns, close() is
    complete; if it awaits on, what it yields is kept and `Refused` thrown into the trampoline,
    which awaits the driver again and yields it: close() raises CPython's "coroutine ignored
    GeneratorExit" and the coroutine stays suspended there, resumable."""

    __slots__ = ('body', 'pending')

    class Refused(BaseException):
        """The body refused a close(): the trampoline awaits its driver again."""

    def __init__(self, body) -> None:
        self.body = body
        self.pending = _NOTHING

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, value):
        pending = self.pending
        if pending is not _NOTHING:
            self.pending = _NOTHING
            return pending
        return self.body.send(value)

    def throw(self, *arguments):
        return self.body.throw(*arguments)

    def close(self) -> None:
        try:
            item = self.body.throw(ClosingThrow(GeneratorExit()))
        except (StopIteration, GeneratorExit):
            return
        self.pending = item
        raise self.Refused


_NOTHING = object()


class _Awaitable:
    """What a coroutine trampoline awaits: the compiled body as a host generator."""

    __slots__ = ('body',)

    def __init__(self, body) -> None:
        self.body = body

    def __await__(self):
        return self.body
