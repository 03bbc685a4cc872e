"""The Memphis frame of a generator, coroutine or async generator, and where it is suspended.

An interpreted generator is a host generator (its trampoline) driving compiled generator
closures; its Memphis frame lives in the trampoline's locals once it has started. Nothing is
recorded on suspension: the frame and its line are found, on demand, by walking the suspended
host generators (introspection pays, the generator does not).
"""

from __future__ import annotations

import gc
import os
import types
import weakref

from .frames import UNBOUND, Frame

__all__ = ['delegated_to', 'finalize_generator', 'frame_of_generator', 'suspended_line',
           'unstarted_frame']

_MAX_DEPTH = 64

# Memphis frame -> its generator, for the frames handed out by `frame_of_generator`
_generators: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# Memphis frame -> the host frame of its generator, for the frames `unstarted_frame` made
# (a generator's weak references die before its finalizer, which may resurrect it)
_unstarted: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _host_frame(generator):
    for attribute in ('gi_frame', 'cr_frame', 'ag_frame'):
        frame = getattr(generator, attribute, None)
        if frame is not None:
            return frame
    return None


def _inner_generators(host_frame, generator):
    """The host generators a suspended host generator is driving."""
    inner = getattr(generator, 'gi_yieldfrom', None) or getattr(generator, 'cr_await', None) \
        or getattr(generator, 'ag_await', None)
    if inner is not None:
        yield inner
    for value in host_frame.f_locals.values():
        if value is not inner and _host_frame(value) is not None:
            yield value


def _walk(generator):
    """(host frame, its locals) of every host generator below `generator`, outermost first."""
    pending = [generator]
    seen = set()
    while pending and len(seen) < _MAX_DEPTH:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        host = _host_frame(current)
        if host is None:
            continue
        names = host.f_locals
        yield host, names
        pending.extend(_inner_generators(host, current))


def frame_of_generator(generator, code) -> Frame | None:
    """The Memphis frame running `code` inside the host `generator` (None before it starts)."""
    for _, names in _walk(generator):
        for value in names.values():
            if isinstance(value, Frame) and value.f_code is code:
                _generators[value] = weakref.ref(generator)
                return value
    return None


def suspended_line(frame: Frame) -> int | None:
    """The line a suspended generator's `frame` waits at (None if it is not known)."""
    ref = _generators.get(frame)
    generator = ref() if ref is not None else None
    if generator is None:
        return None
    found = None
    for _, names in _walk(generator):
        if names.get('f') is not frame:
            continue
        for key in ('node', 's', 'closure'):
            value = names.get(key)
            node = value if key == 'node' else getattr(value, 'memphis_node', None)
            if node is not None and getattr(node, 'lineno', None) is not None:
                found = node.lineno
                break
    return found


_MEMPHIS_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def _is_memphis_generator(value) -> bool:
    """A host generator of Memphis's own: a compiled closure of an interpreted body (not the
    trampoline of an interpreted generator, which is the program's generator)."""
    if type(value) is not types.GeneratorType:
        return False
    filename = value.gi_code.co_filename
    return filename.startswith((_MEMPHIS_FOLDER, '<memphis template '))


def delegated_to(generator, attr: str):
    """`gi_yieldfrom` or `cr_await` of an interpreted generator or coroutine: what its frame
    is suspended delegating to (the host's is the generator of its compiled body), None if it
    is not (running, or suspended at a plain yield)."""
    value = getattr(generator, attr)
    if value is None or getattr(generator, attr[:3] + 'running', False):
        return None
    from .functions import registered_code

    if registered_code(getattr(generator, attr[:3] + 'code', None)) is None:
        return value
    while _is_memphis_generator(value):
        inner = value.gi_yieldfrom
        code = getattr(inner, 'gi_code', None)
        if code is not None and code.co_name == 'traced_suspension':
            inner = None  # where a traced body's driver waits (runtime.tracing)
        if inner is None and value.gi_frame is not None:
            names = value.gi_frame.f_locals
            if value.gi_code.co_name in ('traced_delegation', 'delegation_in_frame'):
                # a traced `yield from`/`await` (runtime.tracing), or one to an iterator whose
                # methods are interpreted (compiler.generators): it sends to its iterator
                value = names.get('iterator')
                break
            # a body driven by send() rather than `yield from` (the tracer's instrumented one)
            inner = next((local for local in names.values()
                          if _is_memphis_generator(local) and local.gi_frame is not None), None)
        value = inner
    if type(value).__name__ == 'coroutine_wrapper':
        # what `await` of a coroutine delegates to: its __await__(); CPython's is the coroutine
        for referent in gc.get_referents(value):
            if type(referent) is types.CoroutineType:
                return referent
    return value


def finalize_generator(frame: Frame) -> None:
    """What CPython's frame.clear() does first to a generator's frame: finalize the generator
    (a coroutine never started warns that it was never awaited, a suspended one is closed),
    here by clearing the host generator's own frame, which does exactly that."""
    host = _unstarted.get(frame)
    if host is None:
        ref = _generators.get(frame)
        generator = ref() if ref is not None else _generator_holding(frame)
        host = _host_frame(generator) if generator is not None else None
    if host is not None:
        host.clear()


def _generator_holding(frame: Frame):
    """The generator whose trampoline runs `frame` (one reached through a traceback, not
    gi_frame): found among the frame's referrers, as frame.clear() is rare."""
    for referrer in gc.get_referrers(frame):
        if isinstance(referrer, (types.GeneratorType, types.CoroutineType,
                                 types.AsyncGeneratorType)):
            host = _host_frame(referrer)
            if host is not None and any(value is frame for value in host.f_locals.values()):
                return referrer
    return None


def unstarted_frame(code, host_frame) -> Frame:
    """A frame for a generator that has not started: its arguments, at its first line (its
    generator is finalized when the frame is cleared)."""
    from .builtins import builtins_dict

    arguments = host_frame.f_locals
    fast = [arguments.get(name, UNBOUND) for name in code.slot_names]
    # cell and free slots hold cells, as in a running frame (f_locals reads their contents)
    for index in (*code.cell_slots, *code.free_slots):
        value = fast[index]
        fast[index] = types.CellType() if value is UNBOUND else types.CellType(value)
    frame = Frame(code, host_frame.f_globals, builtins_dict, None, fast, None)
    _unstarted[frame] = host_frame
    return frame
