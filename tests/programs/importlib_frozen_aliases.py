"""The frozen importlib modules (zipimport imports them) and importlib.metadata's finders."""
import importlib.metadata
import sys
import zipimport

import _frozen_importlib
import _frozen_importlib_external

print(_frozen_importlib is sys.modules['importlib._bootstrap'], _frozen_importlib.__name__)
print(_frozen_importlib_external is sys.modules['importlib._bootstrap_external'])
print(zipimport.zipimporter.__name__, zipimport._unpack_uint16(b'\x01\x02'))
print(importlib.metadata.version('pytest') == __import__('pytest').__version__)
print(all(hasattr(finder, 'find_spec') for finder in sys.meta_path))
try:
    importlib.metadata.version('no-such-distribution-anywhere')
except importlib.metadata.PackageNotFoundError as error:
    print('PackageNotFoundError', error)
