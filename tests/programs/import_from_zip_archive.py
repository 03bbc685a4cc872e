"""Modules and packages are imported from zip archives on sys.path or in a package's __path__
(zipimport), as jinja2's ModuleLoader and PackageLoader do with compiled template archives."""

import os
import sys
import tempfile
import types
import zipfile

with tempfile.TemporaryDirectory() as folder:
    archive = os.path.join(folder, 'bundle.zip')
    with zipfile.ZipFile(archive, 'w', compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr('zipped_module.py', 'VALUE = "from the zip"\n')
        bundle.writestr('zipped_package/__init__.py', 'NAME = __name__\n')
        bundle.writestr('zipped_package/sub.py',
                        'import os\nHERE = os.path.basename(os.path.dirname(__file__))\n')
        bundle.writestr('inner/nested_module.py', 'def root():\n    return "nested"\n')
        bundle.writestr('tmpl_page.py', 'def root(context):\n    yield "page for " + context\n')
    sys.path.insert(0, archive)
    sys.path.insert(1, os.path.join(archive, 'inner'))
    sys.path.insert(2, os.path.join(folder, 'missing.zip'))
    import nested_module
    import zipped_module
    import zipped_package.sub

    print(zipped_module.VALUE, zipped_package.NAME, zipped_package.sub.HERE)
    print(nested_module.root(), zipped_package.__path__[0] == os.path.join(archive,
                                                                           'zipped_package'))
    print(type(zipped_module.__loader__).__name__,
          os.path.relpath(zipped_module.__file__, folder))
    print(zipped_module.__loader__.get_source('zipped_module'), end='')
    print(sorted(type(finder).__name__ for entry, finder in sys.path_importer_cache.items()
                 if entry.startswith(archive)))

    # a package object whose __path__ is the archive (jinja2's ModuleLoader)
    holder = types.ModuleType('template_holder')
    holder.__path__ = [archive]
    sys.modules['template_holder'] = holder
    page = __import__('template_holder.tmpl_page', None, None, ['root'])
    print(''.join(page.root('you')), page.__name__)
    try:
        __import__('template_holder.tmpl_missing')
    except ImportError as error:
        print(type(error).__name__, error)
    for name in ('zipped_module', 'zipped_package', 'zipped_package.sub', 'nested_module',
                 'template_holder', 'template_holder.tmpl_page'):
        sys.modules.pop(name, None)
    del sys.path[:3]
