"""Memphis's import system: locating modules (pure), finders and loaders, and `__import__`."""

from .locate import ModuleLocation, locate, locate_in
from .system import import_from, import_module, import_state, memphis_import, reset_import_state

__all__ = ['ModuleLocation', 'import_from', 'import_module', 'import_state', 'locate',
           'locate_in', 'memphis_import', 'reset_import_state']
