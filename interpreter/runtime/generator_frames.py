"""The Memphis frame of a generator, coroutine or async generator, and where it is suspended.

An interpreted generator is a host generator (its trampoline) driving compiled generator
closures; its Memphis frame lives in the trampoline's locals once it has started. Nothing is
recorded on suspension: the frame and its line are found, on demand, by walking the suspended
host generators (introspection pays, the generator does not).
"""

from __future__ import annotations

import types
import weakref

from .frames import UNBOUND, Frame

__all__ = ['frame_of_generator', 'suspended_line', 'unstarted_frame']

_MAX_DEPTH = 64

# Memphis frame -> its generator, for the frames handed out by `frame_of_generator`
_generators: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


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


def unstarted_frame(code, host_frame) -> Frame:
    """A frame for a generator that has not started: its arguments, at its first line."""
    from .builtins import builtins_dict

    arguments = host_frame.f_locals
    fast = [arguments.get(name, UNBOUND) for name in code.slot_names]
    # cell and free slots hold cells, as in a running frame (f_locals reads their contents)
    for index in (*code.cell_slots, *code.free_slots):
        value = fast[index]
        fast[index] = types.CellType() if value is UNBOUND else types.CellType(value)
    return Frame(code, host_frame.f_globals, builtins_dict, None, fast, None)
