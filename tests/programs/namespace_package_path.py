# A namespace package's __path__ is importlib's _NamespacePath of absolute folders (a relative
# sys.path entry too), recomputed when the search path changes; importlib.resources reads it.
import importlib.resources
import os
import shutil
import sys
import tempfile

first = tempfile.mkdtemp()
second = tempfile.mkdtemp()
for folder, name in ((first, 'one'), (second, 'two')):
    os.mkdir(os.path.join(folder, 'spread_ns'))
    with open(os.path.join(folder, 'spread_ns', f'{name}.py'), 'w') as file:
        file.write(f'NAME = {name!r}\n')
with open(os.path.join(first, 'spread_ns', 'data.txt'), 'w') as file:
    file.write('hello')
os.chdir(first)
sys.path.insert(0, '.')
import spread_ns

print(type(spread_ns.__path__).__name__, [os.path.basename(os.path.dirname(p)) == os.path.basename(first) for p in spread_ns.__path__])
print(all(os.path.isabs(p) for p in spread_ns.__path__))
print(importlib.resources.files('spread_ns').joinpath('data.txt').read_text())
sys.path.append(second)
from spread_ns import two

print(two.NAME, len(list(spread_ns.__path__)))
os.chdir('/')
shutil.rmtree(first)
shutil.rmtree(second)
