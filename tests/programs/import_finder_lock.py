# Meta path finders run with the global import lock held, as importlib's _find_spec calls
# them (_imp.lock_held() inside find_spec; released once the import is done).
import _imp
import sys


class Finder:
    def find_spec(self, name, path=None, target=None):
        if name == 'colorsys':
            print('held in find_spec:', _imp.lock_held())
        return None


sys.meta_path.insert(0, Finder())
sys.modules.pop('colorsys', None)
import colorsys  # noqa: E402

print('held after:', _imp.lock_held(), colorsys.__name__)
