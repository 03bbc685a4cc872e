"""The cyclic garbage collector while imports run.

A module's tree, tables, compiled closures, functions and classes nearly all live on, and an
import makes many of them: with the collector on, its full collections over the growing heap
took most of a warm import's time and found almost nothing. So each loaded module's objects
are frozen (`gc.freeze`: ignored by collections) while imports nest, and everything is given
back to the collector (`gc.unfreeze`) when the outermost import ends, so no garbage is kept
for good: cycles that die during an import are collected after it.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

__all__ = ['freeze_loaded', 'importing']

_lock = threading.Lock()
_depth = 0
_frozen = False


@contextmanager
def importing():
    """Around one import (nesting allowed, any thread); unfreezes when the last one ends."""
    global _depth, _frozen
    with _lock:
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _frozen:
                gc.unfreeze()
                _frozen = False


def freeze_loaded() -> None:
    """Freeze what exists now (a module just loaded), if an import is running."""
    global _frozen
    with _lock:
        if _depth and gc.isenabled():
            gc.freeze()
            _frozen = True
