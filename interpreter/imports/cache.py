"""The on-disk cache of parsed and analysed modules (Memphis's `__pycache__`).

One file per source, holding its syntax tree and symbol tables pickled, keyed on the source's
real path, size and mtime and on the front end that made them (see docs/architecture.md).
"""

from __future__ import annotations

import gc
import marshal
import os
import pickle
import sys
import tempfile

from ..digest import blake2b
from . import tree_pickle

__all__ = ['CACHE_DIR_VARIABLE', 'CACHE_MODE_VARIABLE', 'CacheOutcome', 'cache_directory',
           'cache_file', 'cache_mode', 'compile_cached', 'entry_units', 'front_end_fingerprint']

CACHE_DIR_VARIABLE = 'MEMPHIS_CACHE_DIR'
CACHE_MODE_VARIABLE = 'MEMPHIS_CACHE'
# 'on': read and write; 'read': use entries but never write (like PYTHONDONTWRITEBYTECODE);
# 'off': neither.
_MODES = ('on', 'read', 'off')
_MAGIC = b'memphis-parse-cache 2\n'
# The modules whose code decides what a syntax tree and a symbol table look like, and those
# that write the trampolines an entry saves (compiler.functions.trampoline_entries): an edit to
# any of them makes every cached entry stale (saved trampolines of another format were ignored
# by every warm run instead, which then made them all again).
_FRONT_END_FILES = ('__init__.py', 'nodes.py', 'lexer.py', 'literals.py', 'tokens.py',
                    'source.py', 'diagnostics.py', os.path.join('imports', 'tree_pickle.py'),
                    os.path.join('imports', 'cache.py'),
                    os.path.join('imports', 'unit_dictionary.bin'),
                    os.path.join('compiler', 'functions.py'),
                    os.path.join('runtime', 'functions.py'),
                    os.path.join('runtime', 'async_generators.py'))
_FRONT_END_PACKAGES = ('parser', 'scopes')
# A front end's folder unused this long is removed when another front end starts its own.
_STALE_SECONDS = 24 * 3600


class CacheOutcome:
    """How `compile_cached` got a module's code.

    `outcome` is 'hit' (tree, tables and templates read from `path`), 'miss' (parsed; written
    to `path` unless `write_error` says why not) or 'off' (caching disabled; parsed).
    """

    __slots__ = ('outcome', 'path', 'write_error')

    def __init__(self, outcome: str, path: str | None = None,
                 write_error: str | None = None) -> None:
        self.outcome = outcome
        self.path = path
        self.write_error = write_error

    def __repr__(self) -> str:
        return (f'CacheOutcome(outcome={self.outcome!r}, path={self.path!r}, '
                f'write_error={self.write_error!r})')

    def describe(self) -> str:
        """'cache hit', 'cache miss, written', 'cache miss, not written: why', 'cache off'."""
        if self.outcome == 'miss':
            return f'cache miss, not written: {self.write_error}' if self.write_error \
                else 'cache miss, written'
        return f'cache {self.outcome}'


def cache_mode() -> str:
    """'on', 'read' or 'off', from MEMPHIS_CACHE (an unknown value counts as 'on')."""
    mode = os.environ.get(CACHE_MODE_VARIABLE, 'on').strip().lower()
    if mode in ('0', 'no', 'false', 'disable', 'disabled'):
        return 'off'
    return mode if mode in _MODES else 'on'


def cache_directory() -> str:
    """The cache's folder: MEMPHIS_CACHE_DIR, else $XDG_CACHE_HOME/memphis, else
    ~/.cache/memphis. One folder per user, because the standard library's folder is usually
    not writable and CPython's `__pycache__` is CPython's."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen:
        return os.path.abspath(chosen)
    base = os.environ.get('XDG_CACHE_HOME') or os.path.join(os.path.expanduser('~'), '.cache')
    return os.path.join(base, 'memphis')


_fingerprint: str | None = None


def front_end_fingerprint() -> str:
    """A short digest naming the Memphis version, the host Python and the front end's files
    (their sizes and mtimes), so a cache entry is never read by a front end that differs."""
    global _fingerprint
    if _fingerprint is None:
        from .. import __version__

        package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        digest = blake2b(digest_size=10)
        digest.update(f'{__version__} {sys.implementation.cache_tag}'.encode())
        paths = [os.path.join(package, name) for name in _FRONT_END_FILES]
        for folder in _FRONT_END_PACKAGES:
            directory = os.path.join(package, folder)
            paths.extend(os.path.join(directory, name) for name in sorted(os.listdir(directory))
                         if name.endswith('.py'))
        for path in paths:
            try:
                status = os.stat(path)
            except OSError:  # unit_dictionary.bin while it is (re)built
                digest.update(f'{os.path.relpath(path, package)} missing\n'.encode())
                continue
            digest.update(f'{os.path.relpath(path, package)} {status.st_size} '
                          f'{status.st_mtime_ns}\n'.encode())
        _fingerprint = f'{__version__}-{digest.hexdigest()}'
    return _fingerprint


def cache_file(source_path: str) -> str:
    """The cache entry's path for the source file at `source_path` (a real, absolute path)."""
    name = blake2b(source_path.encode('utf-8', 'surrogateescape'),
                           digest_size=12).hexdigest()
    stem = os.path.splitext(os.path.basename(source_path))[0]
    return os.path.join(cache_directory(), front_end_fingerprint(), f'{stem}-{name}.pickle')


def _key(source_path: str, status: os.stat_result) -> tuple:
    return (source_path, status.st_size, status.st_mtime_ns, front_end_fingerprint())


# An entry: _MAGIC, the header's length (8 bytes, little-endian), the header (a pickle of
# (key, the module's saved code, the main pickle, each unit's length)), then the units.
_LENGTH_BYTES = 8


def _read(entry: str, key: tuple):
    """(tree, table, the module's saved code (`_saved_code`)) from the entry if it is whole
    and made for `key`, else None. The function bodies are read from the file when first
    needed (`_EntryUnits`)."""
    try:
        with open(entry, 'rb') as handle:
            header = _read_header(handle)
            if header is None:
                return None
            (stored_key, saved, main, lengths), base = header
            if stored_key != key:  # another source, or this one edited since
                return None
            status = os.fstat(handle.fileno())
            if base + sum(lengths) != status.st_size:  # cut short
                return None
        units = _EntryUnits(entry, _identity(status), base, lengths, key)
        # a body's templates and trampolines are made available when the body is first read
        tree, table = tree_pickle.load_parts(main, units.read, _preload)
        return tree, table, marshal.loads(saved)  # each template code still marshalled
    except Exception:  # noqa: BLE001 - an unreadable or corrupt entry is a miss, then rewritten
        return None


def _read_header(handle) -> tuple | None:
    """(the entry's header, the offset of its first unit), or None if it is not an entry."""
    if handle.read(len(_MAGIC)) != _MAGIC:
        return None
    size = int.from_bytes(handle.read(_LENGTH_BYTES), 'little')
    data = handle.read(size)
    if len(data) != size:
        return None
    return pickle.loads(data), len(_MAGIC) + _LENGTH_BYTES + size


def _identity(status: os.stat_result) -> tuple:
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns


def entry_units(entry: str) -> list[bytes]:
    """The compressed units of the entry file `entry` (for tools: `unit_dictionary.build`)."""
    with open(entry, 'rb') as handle:
        (_key, _saved, _main, lengths), _base = _read_header(handle)
        return [handle.read(length) for length in lengths]


class _EntryUnits:
    """The function bodies of an entry a warm run loaded, read from its file on first use
    (most are never used; the file is the only copy of them). If the file was replaced since
    (another process rewrote or removed it), the body is made again from the source, which
    must still be the version the module was imported from."""

    __slots__ = ('base', 'entry', 'identity', 'key', 'offsets')

    def __init__(self, entry: str, identity: tuple, base: int, lengths, key: tuple) -> None:
        self.entry = entry
        self.identity = identity
        self.base = base
        offsets = [0]
        for length in lengths:
            offsets.append(offsets[-1] + length)
        self.offsets = tuple(offsets)
        self.key = key

    def read(self, index: int) -> bytes:
        """Unit `index`, compressed as the entry holds it."""
        start, end = self.offsets[index], self.offsets[index + 1]
        try:
            with open(self.entry, 'rb') as handle:
                if _identity(os.fstat(handle.fileno())) == self.identity:
                    handle.seek(self.base + start)
                    data = handle.read(end - start)
                    if len(data) == end - start:
                        return data
        except OSError:
            pass
        return self._from_source(index)

    def _from_source(self, index: int) -> bytes:
        from ..compiler import parse_source

        source_path = self.key[0]
        try:
            status = os.stat(source_path)
            with open(source_path, 'rb') as handle:
                source = handle.read()
        except OSError as error:
            raise ImportError(f'cannot read a function body of {source_path}: its cache entry '
                              f'{self.entry} changed and the source cannot be read ({error})',
                              path=source_path) from None
        if _key(source_path, status) != self.key:
            raise ImportError(f'cannot read a function body of {source_path}: the source '
                              f'changed since it was imported and its cache entry '
                              f'{self.entry} was rewritten', path=source_path)
        # the same source and front end make the same tree, split into the same units
        tree, table = parse_source(source, source_path, 'exec', from_file=True)
        return tree_pickle.compress_unit(tree_pickle.dump(tree, table).units[index])


def _saved_code(keys, marshalled: dict) -> tuple | None:
    """What a warm run preloads (`_preload`) of the host code the compilation that recorded
    `keys` used: ({preload key: marshalled template code}, saved trampolines), or None.
    `marshalled` caches each template's marshalled code by key."""
    from ..compiler.functions import trampoline_entries
    from ..runtime import templates

    codes = {}
    for source, name, code in templates.compiled_codes(keys):
        found = marshalled.get((source, name))
        if found is None:
            found = marshalled[source, name] = (templates.preload_key(source, name),
                                                marshal.dumps(code))
        codes[found[0]] = found[1]
    trampolines = trampoline_entries(keys)
    return (codes, trampolines) if codes or trampolines else None


def _preload(saved: tuple | None) -> None:
    if saved is not None:
        from ..compiler.functions import preload_trampolines
        from ..runtime.templates import preload_codes

        codes, trampolines = saved
        if codes:
            preload_codes(codes)
        preload_trampolines(trampolines)


def _prune_stale_folders(current: str) -> None:
    """Remove the folders of other front ends not written to for `_STALE_SECONDS`: every
    edit of the front end starts a new folder (tens of MB for the standard library)."""
    import shutil
    import time

    parent = os.path.dirname(current)
    cutoff = time.time() - _STALE_SECONDS
    for name in os.listdir(parent):
        path = os.path.join(parent, name)
        try:
            if path != current and os.path.isdir(path) and os.stat(path).st_mtime < cutoff:
                shutil.rmtree(path, ignore_errors=True)
        except OSError:
            continue


def _write(entry: str, key: tuple, main: bytes, units: list[bytes], saved: bytes) -> None:
    """Write the entry atomically: a reader sees the old entry, the new one, or none."""
    header = pickle.dumps((key, saved, main, tuple(len(unit) for unit in units)),
                          protocol=pickle.HIGHEST_PROTOCOL)
    folder = os.path.dirname(entry)
    if not os.path.isdir(folder):
        os.makedirs(folder, mode=0o700, exist_ok=True)
        _prune_stale_folders(folder)
    handle, temporary = tempfile.mkstemp(prefix='.', suffix='.tmp', dir=folder)
    try:
        with os.fdopen(handle, 'wb') as stream:
            stream.write(_MAGIC)
            stream.write(len(header).to_bytes(_LENGTH_BYTES, 'little'))
            stream.write(header)
            for unit in units:
                stream.write(unit)
        os.replace(temporary, entry)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def compile_cached(source_path: str, read_source,
                   code_filename: str | None = None) -> tuple[object, CacheOutcome]:
    """The Memphis code of the module file `source_path`, and how the cache served it.

    On a hit the syntax tree and symbol tables come from the cache, and so do the host code
    objects of the templates compiling them uses; on a miss the file is parsed and compiled
    and the entry (re)written. `read_source()` returns the file's bytes; the file is stat'ed
    before it is read, so an edit racing the read leaves an entry that never matches. Syntax
    errors are raised as `compile_source` raises them and are not cached. The code's
    filename is `code_filename`, default `source_path`.
    """
    # Loading and compiling make a great many objects that nearly all live on (the tree, the
    # tables, the compiled closures): with the cyclic collector on, its collections over the
    # growing heap took half of a warm import's time and found almost nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _compile_cached(source_path, read_source, code_filename)
    finally:
        if collecting:
            gc.enable()


def _compile_cached(source_path: str, read_source,
                    code_filename: str | None) -> tuple[object, CacheOutcome]:
    from ..compiler import compile_tree, parse_source
    from ..runtime import templates
    from ..runtime.startup import optimize_level

    filename = source_path if code_filename is None else code_filename
    mode = cache_mode()
    optimize = optimize_level()
    if mode == 'off':
        tree, table = parse_source(read_source(), source_path, 'exec', from_file=True)
        return compile_tree(tree, table, filename, 'exec', optimize=optimize), \
            CacheOutcome('off')
    real_path = os.path.realpath(source_path)
    key = _key(real_path, os.stat(real_path))
    entry = cache_file(real_path)
    found = _read(entry, key)
    if found is not None:
        tree, table, saved = found
        _preload(saved)
        # compiled whole when the entry was written (no error), so bodies can wait for a call
        return compile_tree(tree, table, filename, 'exec', warn=False, lazy=True,
                            optimize=optimize), CacheOutcome('hit', entry)
    tree, table = parse_source(read_source(), source_path, 'exec', from_file=True)
    outcome = CacheOutcome('miss', entry)
    dumped = None
    if mode == 'on' and optimize:
        # the templates an optimized compilation records are not all a plain one needs
        outcome.write_error = f'-{"O" * optimize}'
    elif mode == 'on':
        # pickled before compiling, which may annotate the tree
        try:
            dumped = tree_pickle.dump(tree, table)
        except (pickle.PicklingError, RecursionError, TypeError) as error:
            outcome.write_error = f'{type(error).__name__}: {error}'
    else:
        outcome.write_error = f'{CACHE_MODE_VARIABLE}=read'
    # the templates and trampolines each function body pickled apart uses are saved with it
    apart = {id(owner): set() for owner in dumped.owners} if dumped is not None else None
    with templates.recording(apart) as used:
        code = compile_tree(tree, table, filename, 'exec', optimize=optimize)
    if dumped is not None:
        try:
            marshalled: dict = {}
            main, units = tree_pickle.pack_parts(
                dumped, [_saved_code(apart[id(owner)], marshalled) for owner in dumped.owners])
            _write(entry, key, main, units, marshal.dumps(_saved_code(used, marshalled)))
        except (OSError, ValueError) as error:
            # An unwritable folder only costs speed, as for CPython's __pycache__.
            outcome.write_error = f'{type(error).__name__}: {error}'
    return code, outcome
