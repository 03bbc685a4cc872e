"""Building classes as CPython's `__build_class__` does: metaclass, `__prepare__`, class cell."""

from __future__ import annotations

import types
import weakref

from .frames import UNBOUND, Frame, current_state, switched_frames
from .tracebacks import leave_frame

__all__ = ['build_class', 'native_classes']

_CellType = types.CellType

native_classes: weakref.WeakSet = weakref.WeakSet()
"""Classes built by interpreted class statements (the bridge's foreign-object model reads it)."""


def build_class(code, caller: Frame, name: str, bases: tuple, keywords: dict, closure: tuple,
                class_cell_slot: int | None):
    """Run the class body `code` in the namespace from `__prepare__`, then call the metaclass."""
    original_bases = bases
    bases = types.resolve_bases(bases)
    meta, namespace, keywords = types.prepare_class(name, bases, keywords)
    if not hasattr(type(namespace), '__getitem__'):  # CPython's PyMapping_Check
        raise TypeError(f"{meta.__name__ if isinstance(meta, type) else '<metaclass>'}"
                        f'.__prepare__() must return a mapping, not {type(namespace).__name__}')
    fast = [UNBOUND] * code.nlocals
    for slot in code.cell_slots:
        fast[slot] = _CellType()
    for slot, cell in zip(code.free_slots, closure):
        fast[slot] = cell
    frame = Frame(code, caller.f_globals, caller.f_builtins, namespace, fast, caller)
    state = current_state()
    back = state.frame
    state.frame = frame
    try:
        code.body(frame)
        if switched_frames and frame in switched_frames:  # found running by sys.settrace
            from .tracing import switched_frame_left

            switched_frame_left(frame)
    except BaseException as error:
        leave_frame(frame, error)
        raise
    finally:
        state.frame = back
    if bases is not original_bases:
        namespace['__orig_bases__'] = original_bases
    if class_cell_slot is not None:
        namespace['__classcell__'] = fast[class_cell_slot]
    cls = meta(name, bases, namespace, **keywords)
    try:
        native_classes.add(cls)
    except TypeError:  # a metaclass may return anything, even an object without weak references
        pass
    if class_cell_slot is not None and isinstance(cls, type):
        cell = fast[class_cell_slot]
        try:
            contents = cell.cell_contents
        except ValueError:  # empty: the metaclass did not pass `__classcell__` to type.__new__
            raise RuntimeError(f'__class__ not set defining {name!r} as {cls!r}. Was '
                               '__classcell__ propagated to type.__new__?') from None
        if contents is not cls:
            raise TypeError(f'__class__ set to {contents!r} defining {name!r} as {cls!r}')
    return cls
