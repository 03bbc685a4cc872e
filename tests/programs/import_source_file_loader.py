"""Modules found on sys.path have a loader that is importlib's SourceFileLoader (or a subclass):
meta path finders that take over source modules (pytest's assertion rewriter) check for it."""

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import tempfile


class Rewriter:
    """Finds source modules through PathFinder, as pytest's AssertionRewritingHook does."""

    def find_spec(self, name, path=None, target=None):
        if not name.startswith('rewritten_'):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            print('not taken over:', name)
            return None
        return importlib.util.spec_from_file_location(name, spec.origin, loader=self)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        with open(module.__spec__.origin, encoding='utf-8') as handle:
            source = handle.read().replace('from source', 'rewritten')
        exec(compile(source, module.__spec__.origin, 'exec'), module.__dict__)


with tempfile.TemporaryDirectory() as folder:
    for name in ('rewritten_module', 'plain_module'):
        with open(os.path.join(folder, name + '.py'), 'w', encoding='utf-8') as handle:
            handle.write('VALUE = "from source"\n')
    sys.path.insert(0, folder)
    sys.meta_path.insert(0, Rewriter())
    import plain_module
    import rewritten_module

    print(rewritten_module.VALUE, type(rewritten_module.__loader__).__name__)
    print(plain_module.VALUE)
    loader = plain_module.__spec__.loader
    print(isinstance(loader, importlib.machinery.SourceFileLoader),
          isinstance(loader, importlib.abc.Loader))
    print(loader.get_filename('plain_module') == plain_module.__file__,
          loader.is_package('plain_module'), repr(loader.get_source('plain_module')))
    print(importlib.util.find_spec('plain_module').origin == plain_module.__file__)
    sys.meta_path.pop(0)
    sys.path.remove(folder)
