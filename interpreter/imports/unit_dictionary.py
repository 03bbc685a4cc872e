"""The preset dictionary (zlib's `zdict`) the import cache compresses function bodies with.

A body's unit (`tree_pickle.pack`) is small, and alone it compresses poorly: most of it is the
same class names, field names and template code as every other body's. Compressed against
bytes of typical units, units take about half the memory a warm run keeps them in. The
dictionary is `unit_dictionary.bin` next to this module, part of the cache's fingerprint
(`cache._FRONT_END_FILES`), so an entry is only ever read with the dictionary it was written
with. Regenerate it with `python -m interpreter.imports.unit_dictionary` (from the bodies of
`_SAMPLE_MODULES` of the host's standard library; any bytes are correct, these compress well).
"""

from __future__ import annotations

import os

__all__ = ['PATH', 'build', 'dictionary']

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'unit_dictionary.bin')
# zlib uses at most the last 32 KB of a dictionary
_SIZE = 32 * 1024
_SAMPLE_MODULES = ('argparse', 'typing', 'enum', 'dataclasses', 'json/decoder',
                   'logging/__init__', 'asyncio/base_events', 'unittest/case', 're/_parser',
                   'collections/__init__', 'pathlib', 'inspect')

_loaded: bytes | None = None


def dictionary() -> bytes:
    """The dictionary's bytes (empty if the file is missing: plain zlib)."""
    global _loaded
    if _loaded is None:
        try:
            with open(PATH, 'rb') as handle:
                _loaded = handle.read()
        except OSError:
            _loaded = b''
    return _loaded


def build() -> bytes:
    """A dictionary from the units of `_SAMPLE_MODULES`: every unit's bytes (body pickle and
    saved code, as `tree_pickle.pack` compresses them) taken round-robin across the modules
    until twice the size, keeping the last `_SIZE` bytes."""
    import sysconfig
    import tempfile

    from . import cache, tree_pickle

    library = sysconfig.get_paths()['stdlib']
    units_by_module = []
    with tempfile.TemporaryDirectory() as folder:
        previous = os.environ.get(cache.CACHE_DIR_VARIABLE)
        os.environ[cache.CACHE_DIR_VARIABLE] = folder
        try:
            for name in _SAMPLE_MODULES:
                path = os.path.join(library, name + '.py')
                with open(path, 'rb') as handle:
                    source = handle.read()
                _, outcome = cache.compile_cached(path, lambda data=source: data)
                units_by_module.append([tree_pickle.unpack_unit(unit)
                                        for unit in cache.entry_units(outcome.path)])
        finally:
            if previous is None:
                del os.environ[cache.CACHE_DIR_VARIABLE]
            else:
                os.environ[cache.CACHE_DIR_VARIABLE] = previous
    chosen, total, index = [], 0, 0
    while total < 2 * _SIZE and any(index < len(units) for units in units_by_module):
        for units in units_by_module:
            if index < len(units):
                chosen.append(units[index])
                total += len(units[index])
        index += 1
    return b''.join(chosen)[-_SIZE:]


if __name__ == '__main__':
    data = build()
    with open(PATH, 'wb') as handle:
        handle.write(data)
    print(f'{PATH}: {len(data)} bytes from {len(_SAMPLE_MODULES)} modules')
