"""`breakpoint()` and Memphis's `sys.breakpointhook`, honouring PYTHONBREAKPOINT as CPython does."""

from __future__ import annotations

import os

__all__ = ['breakpoint_builtin', 'breakpointhook']


def _import_hook(dotted: str):
    """The object PYTHONBREAKPOINT names, found as CPython's C hook does (split at the last
    dot; `PyImport_Import` of the module, with Memphis's import system); ImportError for a
    name that starts with its only dot."""
    module_name, dot, attribute = dotted.rpartition('.')
    if not dot:
        module_name, attribute = 'builtins', dotted
    elif not module_name:
        raise ImportError(dotted)
    from ..imports.system import import_state, memphis_import

    memphis_import(module_name, None, None, ['__doc__'], 0)
    module = import_state().modules[module_name]
    return getattr(module, attribute)


def breakpointhook(*args, **kws):
    """Call the hook PYTHONBREAKPOINT names (default pdb.set_trace); '0' disables breakpoints."""
    dotted = os.environ.get('PYTHONBREAKPOINT')
    if dotted is None or not dotted:
        dotted = 'pdb.set_trace'
    elif dotted == '0':
        return None
    try:
        hook = _import_hook(dotted)
    except (ImportError, AttributeError):
        from .crossing import warn_at_caller

        warn_at_caller(f'Ignoring unimportable $PYTHONBREAKPOINT: "{dotted}"', RuntimeWarning)
        return None
    return hook(*args, **kws)


def breakpoint_builtin(*args, **kws):
    """Call sys.breakpointhook(*args, **kws): Memphis's `sys`, as the program set it."""
    from ..runtime.host import sys_overlay

    # the overlay's own attribute: once deleted, the host's hook must not answer for it
    hook = vars(sys_overlay()).get('breakpointhook')
    if hook is None:
        raise RuntimeError('lost sys.breakpointhook')
    return hook(*args, **kws)
