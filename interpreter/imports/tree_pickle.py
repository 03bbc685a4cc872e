"""The import cache's pickled form of a syntax tree and its symbol tables, with every function
body kept in its own pickle and unpickled only when something first reads that body.

Most functions of an imported module are never called, so most of its tree would be unpickled,
kept alive and scanned by every full collection for nothing (see docs/architecture.md, "Import
speed: function bodies unpickled on first read").
"""

from __future__ import annotations

import copyreg
import io
import marshal
import pickle
import sys
import threading
import zlib

from .. import nodes
from ..scopes.builder import Block
from .unit_dictionary import dictionary

__all__ = ['Dumped', 'compress_unit', 'dump', 'dumps', 'load_parts', 'loads', 'pack',
           'pack_parts', 'unpack_unit']

# Nodes whose `body` waits for its first read. Lambdas are left whole: a one-expression body.
_DEFERRED_TYPES = (nodes.FunctionDef, nodes.AsyncFunctionDef)
# The expression contexts are one shared object each in a parsed tree: kept so after a load.
_SINGLETONS = {id(nodes.LOAD): 'LOAD', id(nodes.STORE): 'STORE', id(nodes.DEL): 'DEL'}
# One lock for every first read of a body: two threads reading it unpickle it once.
_lock = threading.RLock()
# The entry being loaded in this thread, for the load-time functions the pickles name.
_current = threading.local()
# zlib's level for the bodies, compressed against `unit_dictionary` (about half the size of
# level 1 without it)
_LEVEL = 6


class Dumped:
    """A tree and its tables pickled (`dump`): the main pickle, one pickle per function body
    (`units[k]` holds `owners[k].body`)."""

    __slots__ = ('main', 'owners', 'units')

    def __init__(self, main: bytes, units: list[bytes], owners: list) -> None:
        self.main = main
        self.units = units
        self.owners = owners


def dump(tree, table) -> Dumped:
    """The pickled (tree, table): a main pickle, and one pickle per function body.

    Every empty list of the tree and of the tables' children becomes one shared list (about
    a third of their lists were empty), and every block's empty `directives` one shared dict:
    nothing appends to a built tree's fields or a built table's children or directives."""
    plan = _Plan(tree, table)
    units = [_dump((owner.body, plan.exported[index]), plan, index)
             for index, owner in enumerate(plan.owners)]
    return Dumped(_dump((tree, table), plan, None), units, plan.owners)


def pack_parts(dumped: Dumped, extras: list | None = None) -> tuple[bytes, list[bytes]]:
    """(the main pickle, each body's unit): what `load_parts` reads. `extras[k]` (a value
    `marshal` takes) is stored with body k and handed to `on_extra` when that body is first
    read. Each unit is compressed (`compress_unit`)."""
    extras = extras or [None] * len(dumped.units)
    return dumped.main, [compress_unit(unit, extra)
                         for unit, extra in zip(dumped.units, extras, strict=True)]


def pack(dumped: Dumped, extras: list | None = None) -> bytes:
    """`pack_parts` as one bytes object, which `loads` reads."""
    main, units = pack_parts(dumped, extras)
    return marshal.dumps((main, tuple(units)))


def compress_unit(unit: bytes, extra=None) -> bytes:
    """One body's pickle (`Dumped.units[k]`) and its extra, as `pack_parts` stores them."""
    return _compress(marshal.dumps((unit, extra)))


def _compress(data: bytes) -> bytes:
    compressor = zlib.compressobj(_LEVEL, zdict=dictionary()) if dictionary() \
        else zlib.compressobj(_LEVEL)
    return compressor.compress(data) + compressor.flush()


def unpack_unit(blob: bytes) -> bytes:
    """The marshalled (body pickle, extra) of one of `pack`'s compressed units."""
    decompressor = zlib.decompressobj(zdict=dictionary()) if dictionary() \
        else zlib.decompressobj()
    return decompressor.decompress(blob) + decompressor.flush()


def dumps(tree, table) -> bytes:
    """`pack(dump(tree, table))`."""
    return pack(dump(tree, table))


def loads(data: bytes, on_extra=None) -> tuple:
    """(tree, table) from `pack`'s bytes; the function bodies stay pickled until read, and
    `on_extra(extra)` is called with a body's extra (if any) before the body is unpickled."""
    main, units = marshal.loads(data)
    units = list(units)

    def take(index: int) -> bytes:
        unit, units[index] = units[index], None
        return unit

    return load_parts(main, take, on_extra)


def load_parts(main: bytes, read_unit, on_extra=None) -> tuple:
    """(tree, table) from `pack_parts`'s main pickle; `read_unit(k)` gives unit k when body k
    is first read, once (the import cache reads it from the entry's file then: a warm run
    keeps no body it never reads in memory). `on_extra` as for `loads`."""
    return _Loading(read_unit, on_extra).load(main)


class _Plan:
    """Which function bodies are pickled apart (unit k: `owners[k].body`), the unit each node
    lies in, and the nodes of each unit that a symbol table block points to (`exported`)."""

    def __init__(self, tree, table) -> None:
        from ..compiler.functions import docstring_of

        self.owners: list = []
        self.unit_of_owner: dict[int, int] = {}
        self.docstrings: list = []
        empty: list = []
        unit_of_node: dict[int, int | None] = {}
        pending = [(tree, None)]
        while pending:
            node, unit = pending.pop()
            unit_of_node[id(node)] = unit
            deferred = type(node) in _DEFERRED_TYPES and type(node.body) is list
            if deferred:
                self.unit_of_owner[id(node)] = len(self.owners)
                self.owners.append(node)
                self.docstrings.append(docstring_of(node.body))
            for field in node._fields:
                value = getattr(node, field, None)
                if type(value) is list:
                    if not value:
                        setattr(node, field, empty)
                        continue
                    inner = self.unit_of_owner[id(node)] if deferred and field == 'body' \
                        else unit
                    pending.extend((item, inner) for item in value
                                   if isinstance(item, nodes.AST))
                elif isinstance(value, nodes.AST):
                    pending.append((value, unit))
        # a block's node inside a body pickled apart: unit k's pickle holds it, and the block
        # (in the main pickle) gets it back when unit k is loaded
        self.exported: list[list] = [[] for _ in self.owners]
        empty_directives: dict = {}
        self.export_of_block: dict[int, tuple[int, int]] = {}
        blocks = [table._table]
        while blocks:
            block = blocks.pop()
            if not block.children:
                block.children = empty
            if not block.directives:  # no global or nonlocal statement: nearly every block
                block.directives = empty_directives
            blocks.extend(block.children)
            node = block.node
            unit = unit_of_node.get(id(node)) if node is not None else None
            if unit is not None:
                self.export_of_block[id(block)] = (unit, len(self.exported[unit]))
                self.exported[unit].append(node)

    def dispatch_table(self, unit: int | None) -> dict:
        """The pickler's reductions for the pickle of `unit` (None: the main pickle)."""
        def reduce_function(value):
            index = self.unit_of_owner.get(id(value))
            if index is None:
                return value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
            # the slots as an argument, not pickle's state: setting a state looks the def's
            # `__setstate__` up, which its `__getattr__` (the deferred body) answers with an
            # AttributeError, slowly
            state = _slot_state(value, ('body', 'deferred_body'))
            return (_deferred_function, (type(value), index, self.docstrings[index], state))

        def reduce_block(value):
            export = self.export_of_block.get(id(value))
            if export is None:
                return value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
            if unit is not None:
                raise pickle.PicklingError('a symbol table block inside a function body')
            return (_block_awaiting_node, (Block, *export), (None, _slot_state(value, ('node',))))

        def reduce_context(value):
            # the shared ones are pickled by reference: interpreter.nodes.LOAD, ...
            return _SINGLETONS.get(id(value)) or value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)

        table = dict(copyreg.dispatch_table)
        table.update({kind: reduce_function for kind in _DEFERRED_TYPES})
        table.update({Block: reduce_block, nodes.Load: reduce_context,
                      nodes.Store: reduce_context, nodes.Del: reduce_context})
        return table


def _slot_state(value, leaving_out: tuple[str, ...]) -> dict:
    """The slots of `value` that are set, but those `leaving_out` (pickle's own state form)."""
    state = {}
    for cls in type(value).__mro__:
        for name in cls.__dict__.get('__slots__', ()):
            if name not in leaving_out:
                try:
                    state[name] = object.__getattribute__(value, name)
                except AttributeError:
                    continue
    return state


def _dump(value, plan: _Plan, unit: int | None) -> bytes:
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = plan.dispatch_table(unit)
    pickler.persistent_id = _persistent_id
    pickler.dump(value)
    return stream.getvalue()


# Identifiers and other short strings, and ints past the host's small-int cache (line
# numbers), are pickled as persistent ids: each pickle (the main one, each body's) would load
# its own copy of them, and every node its own line number objects; loaded, they are one
# object per value for the process (`_shared`). After dataclasses, enum and typing were
# imported, 31,800 ints and 13,800 strings the trees and tables held were 2,000 and 3,800.
_SHARED_STRING_LENGTH = 40


def _persistent_id(value):
    kind = type(value)
    if kind is int:
        return None if -5 <= value <= 256 else value
    if kind is str and len(value) <= _SHARED_STRING_LENGTH:
        return value
    return None


class _Shared(dict):
    """Value -> the one object of that value loaded trees share (strings interned)."""

    __slots__ = ()

    def __missing__(self, value):
        if type(value) is str:
            value = sys.intern(value)
        self[value] = value
        return value


_shared = _Shared()


class _Loading:
    """One cache entry's loaded state: the body pickles not read yet."""

    __slots__ = ('deferred', 'on_extra', 'read_unit')

    def __init__(self, read_unit, on_extra) -> None:
        self.read_unit = read_unit
        self.on_extra = on_extra
        self.deferred: dict[int, DeferredBody] = {}

    def load(self, data: bytes):
        previous = getattr(_current, 'loading', None)
        _current.loading = self
        try:
            unpickler = pickle.Unpickler(io.BytesIO(data))
            unpickler.persistent_load = _shared.__getitem__
            return unpickler.load()
        finally:
            _current.loading = previous

    def unit(self, index: int) -> DeferredBody:
        found = self.deferred.get(index)
        if found is None:
            found = self.deferred[index] = DeferredBody(self, index)
        return found


class DeferredBody:
    """A function node's body still in its pickle (the node's `deferred_body`); reading
    `node.body` loads it (`nodes._deferred_attribute`, the def classes' `__getattr__`)."""

    __slots__ = ('docstring', 'index', 'loaded', 'loading', 'waiting')

    def __init__(self, loading: _Loading, index: int) -> None:
        self.loading = loading
        self.index = index
        self.docstring = None
        self.waiting: list[tuple[Block, int]] | None = None  # blocks whose node is in it
        self.loaded: list | None = None

    def load(self, node) -> list:
        with _lock:
            try:
                return object.__getattribute__(node, 'body')  # another thread loaded it
            except AttributeError:
                pass
            body = self.loaded
            if body is None:
                loading = self.loading
                pickled, extra = marshal.loads(unpack_unit(loading.read_unit(self.index)))
                if extra is not None and loading.on_extra is not None:
                    loading.on_extra(extra)
                body, exported = loading.load(pickled)
                if self.loaded is not None:
                    # loaded meanwhile on this thread (the lock is reentrant): by a finalizer
                    # the collector ran during the load, whose function is this one
                    body = self.loaded
                else:
                    for block, position in self.waiting or ():
                        block.node = exported[position]
                    loading.deferred.pop(self.index, None)
                    self.waiting = None
                    # a copy of the node (copy.copy, as the generator compiler makes) shares
                    # this object: it gets the same body
                    self.loaded = body
            try:
                return object.__getattribute__(node, 'body')  # (that finalizer's too)
            except AttributeError:
                pass
            node.body = body
            del node.deferred_body
            return body


def _deferred_function(cls, index: int, docstring, state: dict):
    node = cls.__new__(cls)
    for name, value in state.items():
        setattr(node, name, value)
    deferred = _current.loading.unit(index)
    deferred.docstring = nodes._interned(docstring)
    node.deferred_body = deferred
    return node


def _block_awaiting_node(cls, index: int, position: int):
    block = cls.__new__(cls)
    deferred = _current.loading.unit(index)
    if deferred.waiting is None:
        deferred.waiting = []
    deferred.waiting.append((block, position))
    return block
