"""Memphis's PEP 451 finders and loaders, the objects on Memphis's `sys.meta_path`.

They return host `importlib.machinery.ModuleSpec`s, so interpreted importlib code that walks
`sys.meta_path` (importlib.util.find_spec, import_module, reload) works over them.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
import types
import typing

from ..bridge.modules import bridged_module, is_refused, share_host_objects
from .locate import ModuleLocation, find_in_entry

__all__ = ['AliasLoader', 'BridgeLoader', 'BuiltinFinder', 'FileFinder', 'FrozenFinder',
           'PathFinder', 'SourceLoader', 'source_loader', 'spec_for_location', 'zip_path_hook']


def _report_refusal(name: str) -> None:
    from ..bridge.modules import REFUSED
    from .system import report

    report(f'# refused {name!r}: {REFUSED[name]}')


class BuiltinFinder:
    """Modules compiled into the host (`sys.builtin_module_names`), bridged, refusals excepted."""

    @classmethod
    def find_spec(cls, fullname: str, path=None, target=None):
        if path is not None or fullname not in sys.builtin_module_names:
            return None
        if is_refused(fullname):
            _report_refusal(fullname)
            return None
        return importlib.machinery.ModuleSpec(fullname, BridgeLoader(fullname, None),
                                              origin='built-in')

    @classmethod
    def invalidate_caches(cls) -> None:
        return None


class BridgeLoader:
    """Loads a host C module through the bridge; the module object is the host's own."""

    def __init__(self, name: str, path: str | None) -> None:
        self.name = name
        self.path = path

    def create_module(self, spec) -> types.ModuleType:
        from ..bridge.crossing import guard_module

        # host functions that cannot take Memphis objects faithfully warn (bridge.crossing)
        return guard_module(spec.name, bridged_module(spec.name, self.path))

    def exec_module(self, module) -> None:
        return None

    # InspectLoader's methods, as CPython's BuiltinImporter and ExtensionFileLoader answer
    # them (runpy asks for the code: "No code object available for sys")
    def get_code(self, fullname: str) -> None:
        return None

    def get_source(self, fullname: str) -> None:
        return None

    def is_package(self, fullname: str) -> bool:
        if self.path is None:
            return False
        return os.path.splitext(os.path.basename(self.path))[0].split('.')[0] == '__init__'

    def __repr__(self) -> str:
        return f'<memphis bridge loader {self.name!r}>'


class FrozenFinder:
    """CPython's frozen `_frozen_importlib` and `_frozen_importlib_external`, which stdlib modules
    such as zipimport import: in Memphis they are the interpreted `importlib._bootstrap` and
    `importlib._bootstrap_external`, as in CPython, where they are the same module objects."""

    ALIASES: typing.ClassVar[dict[str, str]] = {
        '_frozen_importlib': 'importlib._bootstrap',
        '_frozen_importlib_external': 'importlib._bootstrap_external'}

    @classmethod
    def find_spec(cls, fullname: str, path=None, target=None):
        if path is not None or fullname not in cls.ALIASES:
            return None
        from .system import import_state, memphis_import

        importlib_module = import_state().modules.get('importlib')
        if importlib_module is None:
            memphis_import('importlib')
        elif getattr(getattr(importlib_module, '__spec__', None), '_initializing', False):
            # importlib/__init__.py asks first: "not found" makes it set up its bootstrap from
            # source over Memphis's sys (its `except ImportError` branch)
            return None
        target_name = cls.ALIASES[fullname]
        return importlib.machinery.ModuleSpec(fullname, AliasLoader(target_name),
                                              origin=f'alias of {target_name}')

    @classmethod
    def invalidate_caches(cls) -> None:
        return None


class AliasLoader:
    """Loads a name as another, already imported, module object (see FrozenFinder)."""

    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec) -> types.ModuleType:
        from .system import import_state

        return import_state().modules[self.target]

    def exec_module(self, module) -> None:
        return None

    def __repr__(self) -> str:
        return f'<memphis alias loader for {self.target!r}>'


class SourceLoader:
    """Runs a module's Python source with the Memphis evaluator (never the host's import)."""

    def __init__(self, name: str, path: str) -> None:
        self.name = name
        self.path = path
        self.cached = None  # the last get_code's cache.CacheOutcome, for `memphis -v`

    def create_module(self, spec):
        return None

    def get_filename(self, name: str | None = None) -> str:
        return self.path

    def get_data(self, path: str) -> bytes:
        with open(path, 'rb') as handle:
            return handle.read()

    def get_source(self, name: str | None = None) -> str:
        from ..source import decode_source

        return decode_source(self.get_data(self.path), self.path)

    def is_package(self, name: str | None = None) -> bool:
        return self.path.rpartition('/')[2].startswith('__init__.')

    def get_code(self, name: str | None = None):
        """The module's Memphis code object; the parse comes from the on-disk cache when it
        holds this file's current version (`self.cached` says how: see imports.cache)."""
        from .cache import compile_cached

        code, self.cached = compile_cached(self.path, lambda: self.get_data(self.path))
        return code

    def exec_module(self, module: types.ModuleType) -> None:
        from ..compiler.scope import release_ran_trees
        from ..runtime.builtins import builtins_dict, run_code

        code = self.get_code(module.__name__)
        namespace = module.__dict__
        namespace.setdefault('__builtins__', builtins_dict)
        run_code(code, namespace)
        release_ran_trees(code)
        share_host_objects(module)

    def __repr__(self) -> str:
        return f'<memphis source loader {self.name!r} from {self.path!r}>'


# the interpreted importlib's SourceFileLoader -> SourceLoader subclassing it too
_file_loader_classes: dict = {}


def source_loader(name: str, path: str) -> SourceLoader:
    """A SourceLoader for module `name` at `path`. Once the interpreted importlib is loaded, it
    is also an instance of that importlib's SourceFileLoader, as CPython's loader is: importers
    such as pytest's assertion rewriter only take over modules whose loader is one."""
    from .system import import_state

    external = import_state().modules.get('importlib._bootstrap_external')
    base = getattr(external, 'SourceFileLoader', None)
    if not isinstance(base, type):
        return SourceLoader(name, path)
    combined = _file_loader_classes.get(base)
    if combined is None:
        # SourceLoader first: its loading methods (the Memphis evaluator) win over importlib's
        combined = _file_loader_classes[base] = type(
            'SourceLoader', (SourceLoader, base),
            {'__module__': __name__, '__qualname__': SourceLoader.__qualname__})
    return combined(name, path)


def _namespace_spec(name: str, portions: list[str]):
    # No loader, as CPython's PathFinder returns it: module_from_spec then gives the module
    # importlib's NamespaceLoader and `__file__ = None`, as CPython does.
    spec = importlib.machinery.ModuleSpec(name, None, is_package=True)
    # (absolute, as the folders of CPython's FileFinders are, a relative sys.path entry too)
    spec.submodule_search_locations = _namespace_path(
        name, [os.path.abspath(portion) for portion in portions])
    return spec


def _namespace_path(name: str, portions: list[str]):
    """A namespace package's `__path__`: the program's importlib _NamespacePath, as CPython's
    PathFinder makes it (recomputed when its parent's path changes; importlib.resources
    recognizes a namespace package by it)."""
    from .system import import_module, import_state

    try:
        external = import_module('importlib._bootstrap_external')
    except ImportError:
        return portions
    return external._NamespacePath(name, portions, PathFinder(import_state()).find_spec)


def spec_for_location(location: ModuleLocation):
    """The ModuleSpec (with a Memphis loader) for a located module, or None if refused."""
    name = location.name
    locations = (list(location.submodule_search_locations)
                 if location.submodule_search_locations is not None else None)
    if location.kind == 'namespace':
        return _namespace_spec(name, locations)
    if location.kind == 'extension':
        if is_refused(name):
            _report_refusal(name)
            return None
        loader = BridgeLoader(name, location.origin)
    else:
        loader = source_loader(name, location.origin)
    return importlib.util.spec_from_file_location(name, location.origin, loader=loader,
                                                  submodule_search_locations=locations)


class FileFinder:
    """The finder of one directory on a search path (what `sys.path_hooks` makes)."""

    def __init__(self, path: str) -> None:
        self.path = path

    @classmethod
    def path_hook(cls, path: str) -> FileFinder:
        if not os.path.isdir(path or '.'):
            raise ImportError('only directories are supported', path=path)
        return cls(path)

    def find_spec(self, fullname: str, target=None):
        location = find_in_entry(fullname, self.path)
        if location is None:
            return None
        return spec_for_location(location)

    def invalidate_caches(self) -> None:
        return None

    def iter_modules(self, prefix: str = ''):
        """(name, is package) of the modules in this folder, for pkgutil.iter_modules: pkgutil's
        own walk for CPython's FileFinder, which reads only its (absolute) `path`."""
        from .system import memphis_import

        walk = memphis_import('pkgutil')._iter_file_finder_modules
        return walk(types.SimpleNamespace(path=os.path.abspath(self.path or '.')), prefix)

    def __repr__(self) -> str:
        return f'FileFinder({self.path!r})'


def _inside_file(path: str) -> bool:
    # a zip archive entry is the archive's path, possibly followed by a folder inside it
    current = path
    while current:
        if os.path.isfile(current):
            return True
        parent = os.path.dirname(current)
        if parent == current:
            return False
        current = parent
    return False


def zip_path_hook(path):
    """The zip archive hook of `sys.path_hooks` (CPython's first): the interpreted zipimport's
    zipimporter, imported on the first path entry that names a file."""
    if not isinstance(path, str) or not path or os.path.isdir(path) or not _inside_file(path):
        raise ImportError('not a zip archive', path=path)
    from .system import import_state, memphis_import

    state = import_state()
    if 'zipimport' not in state.modules:
        # importing zipimport searches sys.path, this archive included: that search skips it
        placed = path not in state.path_importer_cache
        if placed:
            state.path_importer_cache[path] = None
        try:
            memphis_import('zipimport')
        finally:
            if placed:
                state.path_importer_cache.pop(path, None)
    return state.modules['zipimport'].zipimporter(path)


class PathFinder:
    """Searches `sys.path` (or a package's `__path__`) through Memphis's path hooks."""

    def __init__(self, state) -> None:
        self.state = state

    def _finder(self, entry: str):
        cache = self.state.path_importer_cache
        try:
            return cache[entry]
        except KeyError:
            pass
        finder = None
        for hook in self.state.path_hooks:
            try:
                finder = hook(entry)
                break
            except ImportError:
                continue
        cache[entry] = finder
        return finder

    def find_spec(self, fullname: str, path=None, target=None):
        portions: list[str] = []
        for entry in self.state.path if path is None else path:
            if not isinstance(entry, (str, bytes)):
                continue
            finder = self._finder(entry)
            if finder is None:
                continue
            spec = finder.find_spec(fullname, target) if hasattr(finder, 'find_spec') else None
            if spec is None:
                continue
            if spec.loader is not None:
                return spec
            portions.extend(spec.submodule_search_locations or ())
        if portions:
            return _namespace_spec(fullname, portions)
        return None

    def find_distributions(self, *args, **kwargs):
        """Installed distributions' metadata (importlib.metadata.distributions), found as
        CPython's PathFinder finds them: by the interpreted importlib.metadata."""
        from .system import memphis_import

        metadata = memphis_import('importlib.metadata', fromlist=('MetadataPathFinder',))
        return metadata.MetadataPathFinder.find_distributions(*args, **kwargs)

    def invalidate_caches(self) -> None:
        for finder in list(self.state.path_importer_cache.values()):
            if hasattr(finder, 'invalidate_caches'):
                finder.invalidate_caches()

    def __repr__(self) -> str:
        return '<memphis PathFinder>'
