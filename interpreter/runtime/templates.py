"""Host code that Memphis generates for itself from small templates, compiled once per shape.

Only text written here (never user code) reaches the host compiler: trampolines whose signature is
the user's, call sites with a given argument shape, unpacking targets with a given shape.
Each shape is compiled once and cached.
"""

from __future__ import annotations

import builtins
import marshal
import threading
import types
from contextlib import contextmanager

from ..digest import blake2b

__all__ = ['as_defaults', 'compiled_codes', 'fresh_name', 'instantiate', 'preload_codes',
           'preload_key', 'record', 'recorded_apart', 'recording']

_cache: dict[tuple[str, str], object] = {}
# (source, name) -> the host code object compiled from it, for the templates whose function
# has defaults or cells (the others' function code is saved: `compiled_codes`); the import
# cache saves the ones a module's compilation used and preloads them (`preload_codes`), so a
# warm run compiles none.
_codes: dict[tuple[str, str], object] = {}
# The codes the import cache preloaded, still marshalled, by `preload_key`: most are never
# used, and a dict of bytes only is not tracked by the cyclic collector.
_preloaded: dict[bytes, bytes] = {}
# The preload keys of the templates instantiated: an entry's copy of one is not kept (a
# template used by many modules would otherwise stay preloaded, unused, once per module).
_known: set[bytes] = set()
# The globals of the templates instantiated without a namespace.
_shared_globals: dict = {}
_shared_lock = threading.Lock()
# The key sets of the compilations recording which templates they use (`recording`).
_recorders: list[set] = []
# For each recording, the key sets of the function bodies it records apart, by id of their
# def node (`recording(apart=...)`, `recorded_apart`), or None.
_apart: list[dict | None] = []


def instantiate(source: str, name: str, namespace: dict | None = None, *, recorded: bool = True):
    """Compile Memphis's own template `source` once and return the object it defines as `name`.
    `recorded` False: not noted by `recording` (what the caller makes of it is saved instead)."""
    key = (source, name)
    made = _cache.get(key)
    if made is None:
        digest = preload_key(source, name)
        _known.add(digest)
        code = _preloaded_code(digest)
        if code is not None and code.co_name == name:
            # saved as the function's own code (`compiled_codes`)
            scope = _shared_globals if namespace is None else dict(namespace)
            scope.setdefault('__builtins__', builtins)
            made = types.FunctionType(code, scope, name)
        else:
            if code is None:
                code = compile(source, f'<memphis template {name}>', 'exec')
            made = _run_template(code, name, namespace)
            if code.co_names != (name,) or not _plain_function(made, name):
                # saved whole: it defines more than `name`, or that has defaults or cells
                _codes[key] = code
        _cache[key] = made
    if _recorders and recorded:
        _recorders[-1].add(key)
    return made


def _run_template(code, name: str, namespace: dict | None):
    if namespace is None and code.co_names == (name,):
        # one globals dict for all the templates that define `name` only and are given no
        # namespace (a copy each was 0.2 MB after `import argparse`); the lock keeps another
        # thread's template from replacing `name` before it is taken out
        with _shared_lock:
            exec(code, _shared_globals)  # noqa: S102
            return _shared_globals.pop(name)
    scope = dict(namespace or {})
    exec(code, scope)  # noqa: S102
    return scope[name]


def _plain_function(made, name: str) -> bool:
    """Whether `made` is a function its code alone makes again (no defaults, no cells)."""
    return type(made) is types.FunctionType and made.__code__.co_name == name and \
        made.__defaults__ is None and made.__kwdefaults__ is None and made.__closure__ is None


def record(key) -> None:
    """Note that the compilation in progress uses `key` (a template's, or another kind of
    thing the import cache saves with the module: the compiler's trampoline shapes)."""
    if _recorders:
        _recorders[-1].add(key)


@contextmanager
def recording(apart: dict[int, set] | None = None):
    """Collect the (source, name) keys of the templates instantiated inside the block.

    `apart` maps ids of def nodes to sets: the keys of those bodies' compilations
    (`recorded_apart`) are collected there instead (the import cache stores them with the body,
    which a warm run may never read)."""
    used: set = set()
    _recorders.append(used)
    _apart.append(apart)
    try:
        yield used
    finally:
        _stop_recording(used)


def _stop_recording(used: set) -> None:
    # by identity (equal sets are not the same recording); another thread's compilation may
    # have started a recording since, which stays
    for index in range(len(_recorders) - 1, -1, -1):
        if _recorders[index] is used:
            del _recorders[index], _apart[index]
            return


def recorded_apart(node, compile_body):
    """`compile_body()`, recording its templates apart if the recording asks for `node`'s."""
    apart = _apart[-1] if _apart else None
    used = apart.get(id(node)) if apart is not None else None
    if used is None:
        return compile_body()
    _recorders.append(used)
    _apart.append(apart)
    try:
        return compile_body()
    finally:
        _stop_recording(used)


def compiled_codes(keys) -> list[tuple[str, str, object]]:
    """(source, name, host code object) for each recorded key, for saving with `marshal`: the
    code of the function the template defines (the template's own code is not kept once it
    ran: 0.33 MB after `import argparse`), or the template's when that function has defaults
    or cells."""
    found = []
    for key in keys:
        code = _codes.get(key)
        if code is None:
            made = _cache.get(key)  # None for a trampoline shape's key (compiler.functions)
            if made is None or not _plain_function(made, key[1]):
                continue
            code = made.__code__
        found.append((key[0], key[1], code))
    return found


def preload_key(source: str, name: str) -> bytes:
    """The key of a template's code in `preload_codes`'s mapping: a digest of its name and
    source (the sources were two thirds of the import cache's template bytes)."""
    text = f'{name}\x00{source}'.encode('utf-8', 'surrogatepass')
    return blake2b(text, digest_size=16).digest()


def preload_codes(entries: dict[bytes, bytes]) -> None:
    """Make the `marshal`led host codes of `entries` ({preload_key(source, name): bytes})
    available, so instantiating them compiles nothing (they were compiled from exactly that
    text by this host); each is unmarshalled when first used."""
    known = _known
    for digest, blob in entries.items():
        if digest not in known:
            _preloaded[digest] = blob


def _preloaded_code(digest: bytes):
    if not _preloaded:
        return None
    blob = _preloaded.pop(digest, None)
    if blob is None:
        return None
    try:
        return marshal.loads(blob)
    except (EOFError, ValueError, TypeError):  # a damaged entry: compile instead
        return None


def as_defaults(names: str) -> str:
    """'A, B, node' -> 'A=A, B=B, node=node': a template's inner function takes its maker's
    arguments as defaults rather than cells (one tuple instead of a cell each and a closure
    tuple for every collection to scan, and read as locals). Only for closures whose values
    nothing walks: the step hooks look for statement closures in cells (tracing)."""
    return ', '.join(f'{name}={name}' for name in (part.strip() for part in names.split(','))
                     if name)


def fresh_name(base: str, taken) -> str:
    """`base`, or `base` with a numeric suffix, so that it is not in `taken`."""
    name, counter = base, 0
    while name in taken:
        counter += 1
        name = f'{base}{counter}'
    return name
