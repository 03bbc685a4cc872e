"""Memphis's `sys.displayhook`: how the REPL and 'single' code show a value, setting `_`.

The host's hook would set `_` in the host's builtins, which interpreted code never reads.
"""

from __future__ import annotations

__all__ = ['displayhook']


def displayhook(value, /) -> None:
    """Print repr(value) to sys.stdout and keep it in builtins._ (None is not shown)."""
    from .builtins import builtins_dict
    from .host import program_stream

    if value is None:
        return
    builtins_dict['_'] = None
    text = repr(value)
    stdout = program_stream('stdout')
    if stdout is None:
        raise RuntimeError('lost sys.stdout')
    try:
        stdout.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stdout, 'encoding', None) or 'utf-8'
        escaped = text.encode(encoding, 'backslashreplace')
        buffer = getattr(stdout, 'buffer', None)
        if buffer is not None:
            buffer.write(escaped)
        else:
            stdout.write(escaped.decode(encoding, 'strict'))
    stdout.write('\n')
    builtins_dict['_'] = value
