"""The Memphis runtime: frames, code and function objects, generators, tracebacks, builtins.

The compiler produces `Code` objects; everything that exists while a program runs lives here.
"""

from __future__ import annotations

__all__ = ['Code', 'Frame', 'current_state']

from .frames import Code, Frame, current_state
