"""Module names that no directory listing holds are not found, even where a path join would be."""

import importlib
import os
import sys
import tempfile

with tempfile.TemporaryDirectory() as folder:
    os.makedirs(os.path.join(folder, 'pkgdir'))
    with open(os.path.join(folder, 'pkgdir', 'mod.py'), 'w') as handle:
        handle.write('print("pkgdir/mod ran")\n')
    with open(os.path.join(folder, 'plain.py'), 'w') as handle:
        handle.write('VALUE = 42\n')
    sys.path.insert(0, folder)
    for name in ('pkgdir/mod', 'pkgdir/mod.py', 'plain.', 'plain\0', 'pkgdir.'):
        try:
            module = importlib.import_module(name)
        except ImportError as error:
            print(type(error).__name__, repr(error.name))
        else:
            print('imported', module.__name__)
    try:
        __import__('pkgdir/mod')
    except ModuleNotFoundError as error:
        print('__import__:', error)
    print(importlib.import_module('plain').VALUE)
    print(sorted(name for name in sys.modules if name.startswith(('pkgdir', 'plain'))))
    sys.path.remove(folder)
