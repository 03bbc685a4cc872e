"""Host code that Memphis generates for itself from small templates, compiled once per shape.

Only text written here (never user code) reaches the host compiler: trampolines whose signature is
the user's, call sites with a given argument shape, unpacking targets with a given shape.
Each shape is compiled once and cached.
"""

from __future__ import annotations

import hashlib
import marshal
from contextlib import contextmanager

__all__ = ['compiled_codes', 'fresh_name', 'instantiate', 'preload_codes', 'preload_key',
           'recording']

_cache: dict[tuple[str, str], object] = {}
# (source, name) -> the host code object compiled from it; the import cache saves the ones a
# module's compilation used and preloads them (`preload_codes`), so a warm run compiles none.
_codes: dict[tuple[str, str], object] = {}
# The codes the import cache preloaded, still marshalled, by `preload_key`: most are never
# used, and a dict of bytes only is not tracked by the cyclic collector.
_preloaded: dict[bytes, bytes] = {}
# The key sets of the compilations recording which templates they use (`recording`).
_recorders: list[set] = []


def instantiate(source: str, name: str, namespace: dict | None = None):
    """Compile Memphis's own template `source` once and return the object it defines as `name`."""
    key = (source, name)
    made = _cache.get(key)
    if made is None:
        code = _codes.get(key)
        if code is None:
            code = _codes[key] = _preloaded_code(source, name) or \
                compile(source, f'<memphis template {name}>', 'exec')
        scope = dict(namespace or {})
        exec(code, scope)  # noqa: S102
        made = _cache[key] = scope[name]
    if _recorders:
        _recorders[-1].add(key)
    return made


@contextmanager
def recording():
    """Collect the (source, name) keys of the templates instantiated inside the block."""
    used: set = set()
    _recorders.append(used)
    try:
        yield used
    finally:
        _recorders.remove(used)


def compiled_codes(keys) -> list[tuple[str, str, object]]:
    """(source, name, host code object) for each recorded key, for saving with `marshal`."""
    return [(source, name, _codes[source, name]) for source, name in keys
            if (source, name) in _codes]


def preload_key(source: str, name: str) -> bytes:
    """The key of a template's code in `preload_codes`'s mapping: a digest of its name and
    source (the sources were two thirds of the import cache's template bytes)."""
    text = f'{name}\x00{source}'.encode('utf-8', 'surrogatepass')
    return hashlib.blake2b(text, digest_size=16).digest()


def preload_codes(entries: dict[bytes, bytes]) -> None:
    """Make the `marshal`led host codes of `entries` ({preload_key(source, name): bytes})
    available, so instantiating them compiles nothing (they were compiled from exactly that
    text by this host); each is unmarshalled when first used."""
    _preloaded.update(entries)


def _preloaded_code(source: str, name: str):
    if not _preloaded:
        return None
    blob = _preloaded.pop(preload_key(source, name), None)
    if blob is None:
        return None
    try:
        return marshal.loads(blob)
    except (EOFError, ValueError, TypeError):  # a damaged entry: compile instead
        return None


def fresh_name(base: str, taken) -> str:
    """`base`, or `base` with a numeric suffix, so that it is not in `taken`."""
    name, counter = base, 0
    while name in taken:
        counter += 1
        name = f'{base}{counter}'
    return name
