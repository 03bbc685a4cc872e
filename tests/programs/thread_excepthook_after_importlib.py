# importlib's _setup creates _thread with _imp.create_builtin: threading's default excepthook
# must still print the program's traceback (not the interpreter's frames).
import importlib
import io
import sys
import threading


def run():
    raise ValueError('boom')


captured = io.StringIO()
sys.stderr, saved = captured, sys.stderr
thread = threading.Thread(target=run, name='worker')
thread.start()
thread.join()
sys.stderr = saved
print(captured.getvalue())
print(importlib.import_module('_thread')._excepthook is threading.excepthook)
