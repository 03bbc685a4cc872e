"""Host code that Memphis generates for itself from small templates, compiled once per shape.

Only text written here (never user code) reaches the host compiler: trampolines whose signature is
the user's, call sites with a given argument shape, unpacking targets with a given shape.
Each shape is compiled once and cached.
"""

from __future__ import annotations

from contextlib import contextmanager

__all__ = ['compiled_codes', 'fresh_name', 'instantiate', 'preload_codes', 'recording']

_cache: dict[tuple[str, str], object] = {}
# (source, name) -> the host code object compiled from it; the import cache saves the ones a
# module's compilation used and preloads them (`preload_codes`), so a warm run compiles none.
_codes: dict[tuple[str, str], object] = {}
# The key sets of the compilations recording which templates they use (`recording`).
_recorders: list[set] = []


def instantiate(source: str, name: str, namespace: dict | None = None):
    """Compile Memphis's own template `source` once and return the object it defines as `name`."""
    key = (source, name)
    made = _cache.get(key)
    if made is None:
        code = _codes.get(key)
        if code is None:
            code = _codes[key] = compile(source, f'<memphis template {name}>', 'exec')
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


def preload_codes(entries) -> None:
    """Make the (source, name, host code) entries available, so instantiating them compiles
    nothing (they were compiled from exactly that text by this host)."""
    for source, name, code in entries:
        _codes.setdefault((source, name), code)


def fresh_name(base: str, taken) -> str:
    """`base`, or `base` with a numeric suffix, so that it is not in `taken`."""
    name, counter = base, 0
    while name in taken:
        counter += 1
        name = f'{base}{counter}'
    return name
