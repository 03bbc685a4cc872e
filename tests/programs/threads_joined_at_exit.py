# When the main program ends, CPython runs threading's _register_atexit callbacks (which shut
# down executors, so their queued work still runs), waits for the non-daemon threads, and only
# then runs the atexit callbacks; daemon threads are left behind.
import atexit
import threading
import time
from concurrent.futures import ThreadPoolExecutor

main_done = threading.Event()
never = threading.Event()
tasks_done = threading.Event()


def worker():
    tasks_done.wait()
    print('non-daemon thread finishes after the main program')


def daemon():
    never.wait()
    print('never printed')


def queued(n):
    main_done.wait()
    time.sleep(0.1)  # still running when the main program's end is reached
    print(f'executor task {n} runs after the main program')
    if n == 2:
        tasks_done.set()


atexit.register(print, 'atexit callback, after the threads')
threading.Thread(target=worker).start()
threading.Thread(target=daemon, daemon=True).start()
executor = ThreadPoolExecutor(max_workers=1)
for n in range(3):
    executor.submit(queued, n)
print('main program ends')
main_done.set()
