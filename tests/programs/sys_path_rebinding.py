# The import system reads sys.path, sys.meta_path, sys.path_hooks and
# sys.path_importer_cache at each import, as importlib does: rebinding them (not only
# mutating them) is seen; rebinding sys.modules is not (the interpreter keeps its own).
import os
import shutil
import sys
import tempfile

folder = tempfile.mkdtemp()
with open(os.path.join(folder, 'only_here.py'), 'w') as file:
    file.write('X = 5\n')
sys.path = sys.path + [folder]
import only_here  # noqa: E402

print('path', only_here.X)


class Finder:
    def find_spec(self, fullname, path=None, target=None):
        if fullname == 'mocked':
            import importlib.util
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.attr = 'from the finder'


sys.meta_path = [Finder(), *sys.meta_path]
import mocked  # noqa: E402

print('meta_path', mocked.attr)

other = tempfile.mkdtemp()
with open(os.path.join(other, 'hooked.py'), 'w') as file:
    file.write('Y = 6\n')
seen = []


def hook(entry):
    seen.append(entry == other)
    raise ImportError


sys.path_hooks = [hook, *sys.path_hooks]
sys.path_importer_cache = {}
sys.path.append(other)
import hooked  # noqa: E402

print('path_hooks', hooked.Y, True in seen, other in sys.path_importer_cache)

saved = sys.modules
sys.modules = {}
import only_here as again  # noqa: E402

print('modules rebinding ignored', again is only_here)
sys.modules = saved
shutil.rmtree(folder)
shutil.rmtree(other)
