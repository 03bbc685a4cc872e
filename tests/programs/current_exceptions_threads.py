# sys._current_exceptions(): each thread's handled exception with its interpreted traceback
# (CPython 3.11's (type, value, traceback) tuples), (None, None, None) for the others.
import sys
import threading
import traceback

entered = threading.Event()
leave = threading.Event()


def worker():
    try:
        raise ValueError('oops')
    except ValueError:
        entered.set()
        leave.wait(10)


thread = threading.Thread(target=worker)
thread.start()
entered.wait()
found = sys._current_exceptions()
exc_type, error, tb = found[thread.ident]
print(exc_type.__name__, error)
for summary in traceback.extract_tb(tb):
    print(' ', summary.name, summary.lineno, summary.line)
print(found[threading.main_thread().ident])
leave.set()
thread.join()
