"""faulthandler's dumps of the interpreted stack: `dump_traceback` and `dump_traceback_later`.

The C functions walk the host's frames (Memphis's evaluator); these write the Memphis frames of
each thread in the C functions' format, to a file descriptor, unbuffered, as they do.
"""

from __future__ import annotations

import contextlib
import os
import threading

from ..runtime.frames import current_state, thread_states

__all__ = ['cancel_dump_traceback_later', 'dump_traceback', 'dump_traceback_later']

_MAX_FRAME_DEPTH = 100
_MAX_STRING_LENGTH = 500


def _file_descriptor(file) -> int:
    """faulthandler's file argument: a file object with fileno() (flushed first) or an int."""
    if file is None:
        import sys

        file = sys.stderr
        if file is None:
            raise RuntimeError('sys.stderr is None')
    elif isinstance(file, int):
        if file < 0:
            raise ValueError('file is not a valid file descripter')  # sic, CPython's spelling
        return file
    fd = file.fileno()
    if not isinstance(fd, int) or fd < 0:
        raise ValueError('file.fileno() is not a valid file descriptor')
    with contextlib.suppress(Exception):  # the C function ignores a failing flush too
        file.flush()
    return fd


def _ascii(text: str) -> str:
    if len(text) > _MAX_STRING_LENGTH:
        text = text[:_MAX_STRING_LENGTH] + '...'
    return text.encode('ascii', 'backslashreplace').decode('ascii')


def _stack(frame) -> list[str]:
    if frame is None:
        return ['  <no Python frame>\n']
    lines = []
    while frame is not None:
        if len(lines) == _MAX_FRAME_DEPTH:
            lines.append('  ...\n')
            break
        code = frame.f_code
        lines.append(f'  File "{_ascii(code.co_filename)}", line {frame.f_lineno} in '
                     f'{_ascii(code.co_name)}\n')
        frame = frame.f_back
    return lines


def _all_threads(current) -> str:
    parts = []
    # newest thread first, as the interpreter's thread list
    for ident, state in reversed(list(thread_states.items())):
        label = 'Current thread' if state is current else 'Thread'
        parts.append(f'{label} 0x{ident:016x} (most recent call first):\n'
                     + ''.join(_stack(state.frame)))
    return '\n'.join(parts)


def dump_traceback(file=None, all_threads=True):
    """dump_traceback(file=sys.stderr, all_threads=True): dump the interpreted traceback of the
    current thread, or of all threads if all_threads is True, into file."""
    fd = _file_descriptor(file)
    current = current_state()
    if all_threads:
        text = _all_threads(current)
    else:
        text = 'Stack (most recent call first):\n' + ''.join(_stack(current.frame))
    os.write(fd, text.encode('ascii'))


class _Watchdog:
    """The thread that dumps every thread's stack once a timeout expires (maybe repeatedly)."""

    def __init__(self, timeout: float, repeat: bool, fd: int, file, exit_: bool) -> None:
        self.cancelled = threading.Event()
        self.timeout, self.repeat, self.fd, self.exit = timeout, repeat, fd, exit_
        self.file = file  # kept open while the watchdog may write to it, as the C function does
        seconds = int(timeout)
        fraction = int((timeout - seconds) * 1e6)
        header = f'Timeout ({seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}'
        self.header = header + (f'.{fraction:06d}' if fraction else '') + ')!\n'
        self.thread = threading.Thread(target=self.run, name='faulthandler watchdog',
                                       daemon=True)

    def run(self) -> None:
        while not self.cancelled.wait(self.timeout):
            # the watchdog is no Python thread: no stack is the current one
            os.write(self.fd, (self.header + _all_threads(None)).encode('ascii'))
            if self.exit:
                os._exit(1)
            if not self.repeat:
                return


_watchdog: _Watchdog | None = None


def dump_traceback_later(timeout, repeat=False, file=None, exit=False):
    """dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False): dump the
    interpreted traceback of all threads in timeout seconds, or each timeout seconds if repeat
    is True. If exit is True, call _exit(1) which is not safe."""
    timeout = float(timeout)
    if timeout <= 0:
        raise ValueError('timeout must be greater than 0')
    if timeout * 1e6 >= 2 ** 63:
        raise OverflowError('timeout value is too large')
    fd = _file_descriptor(file)
    cancel_dump_traceback_later()
    global _watchdog
    _watchdog = _Watchdog(timeout, bool(repeat), fd, file, bool(exit))
    _watchdog.thread.start()


def cancel_dump_traceback_later():
    """cancel_dump_traceback_later(): cancel the previous call to dump_traceback_later()."""
    global _watchdog
    watchdog, _watchdog = _watchdog, None
    if watchdog is not None:
        watchdog.cancelled.set()
        watchdog.thread.join()
