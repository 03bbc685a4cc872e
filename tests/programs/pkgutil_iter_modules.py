"""pkgutil.iter_modules and walk_packages list the modules of folders on a search path
(werkzeug's find_modules; plugin discovery)."""

import os
import pkgutil
import sys
import tempfile

with tempfile.TemporaryDirectory() as folder:
    package = os.path.join(folder, 'found_package')
    os.makedirs(os.path.join(package, 'subpackage'))
    os.makedirs(os.path.join(package, 'not_a_package'))
    for relative in ('__init__.py', 'alpha.py', 'beta.py', 'subpackage/__init__.py',
                     'subpackage/gamma.py', 'notes.txt', 'not_a_package/delta.py'):
        with open(os.path.join(package, relative), 'w') as handle:
            handle.write('')
    print(sorted((info.name, info.ispkg) for info in pkgutil.iter_modules([package])))
    print(sorted(info.name for info in pkgutil.iter_modules([package], prefix='found_package.')))
    sys.path.insert(0, folder)
    import found_package

    print(sorted(info.name for info in pkgutil.walk_packages(found_package.__path__,
                                                              'found_package.')))
    print([info.name for info in pkgutil.iter_modules() if info.name == 'found_package'])
    sys.path.remove(folder)
