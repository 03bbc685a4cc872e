"""Host code that Memphis generates for itself from small templates, compiled once per shape.

Only text written here (never user code) reaches the host compiler: trampolines whose signature is
the user's, call sites with a given argument shape, unpacking targets with a given shape.
Each shape is compiled once and cached.
"""

from __future__ import annotations

__all__ = ['fresh_name', 'instantiate']

_cache: dict[tuple[str, str], object] = {}


def instantiate(source: str, name: str, namespace: dict | None = None):
    """Compile Memphis's own template `source` once and return the object it defines as `name`."""
    key = (source, name)
    made = _cache.get(key)
    if made is None:
        scope = dict(namespace or {})
        exec(compile(source, f'<memphis template {name}>', 'exec'), scope)  # noqa: S102
        made = _cache[key] = scope[name]
    return made


def fresh_name(base: str, taken) -> str:
    """`base`, or `base` with a numeric suffix, so that it is not in `taken`."""
    name, counter = base, 0
    while name in taken:
        counter += 1
        name = f'{base}{counter}'
    return name
