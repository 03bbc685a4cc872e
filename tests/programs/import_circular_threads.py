# Two threads importing modules that import each other in a cycle (A -> C -> B while
# B -> D -> A): the thread that would wait for a module whose importer waits for it gets the
# partial module instead (importlib's deadlock detection), and both finish.
import os
import shutil
import sys
import tempfile
import threading

folder = tempfile.mkdtemp()
sources = {'cycle_a': 'import time\ntime.sleep(0.3)\nx = "a"\nimport cycle_c\n',
           'cycle_b': 'import time\ntime.sleep(0.3)\nx = "b"\nimport cycle_d\n',
           'cycle_c': 'import cycle_b\n', 'cycle_d': 'import cycle_a\n'}
for name, text in sources.items():
    with open(os.path.join(folder, name + '.py'), 'w') as file:
        file.write(text)
sys.path.insert(0, folder)
results = []


def import_a():
    import cycle_a
    results.append(cycle_a.x)


def import_b():
    import cycle_b
    results.append(cycle_b.x)


threads = [threading.Thread(target=target, daemon=True) for target in (import_a, import_b)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(20)
print('finished:', not any(thread.is_alive() for thread in threads), sorted(results))
print(sorted(name for name in sys.modules if name.startswith('cycle_')))
shutil.rmtree(folder)
