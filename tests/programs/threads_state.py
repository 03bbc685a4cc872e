# Interpreted functions as host thread targets; per-thread state and exceptions in threads.
import _thread
import time

results = {}
lock = _thread.allocate_lock()
done = []

def worker(name, n):
    total = 0
    for i in range(n):
        total += i
    def inner():
        return name.upper()
    with lock:
        results[name] = (total, inner())
        done.append(name)

for index in range(4):
    _thread.start_new_thread(worker, (f't{index}', 1000 * (index + 1)))
while len(done) < 4:
    time.sleep(0.01)
print(sorted(results.items()))

def recursive(n):
    return 0 if n == 0 else 1 + recursive(n - 1)
out = []
def deep():
    out.append(recursive(500))
    done.append('deep')
_thread.start_new_thread(deep, ())
while 'deep' not in done:
    time.sleep(0.01)
print(out)

class Counter:
    def __init__(self):
        self.value = 0
        self.lock = _thread.allocate_lock()
    def add(self):
        for _ in range(200):
            with self.lock:
                self.value += 1
c = Counter()
finished = []
def run():
    c.add()
    finished.append(1)
for _ in range(5):
    _thread.start_new_thread(run, ())
while len(finished) < 5:
    time.sleep(0.01)
print(c.value)
