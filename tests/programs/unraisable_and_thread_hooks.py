# Exceptions nothing can catch are reported with the interpreted frames, as CPython does: one
# that ends a thread (threading.excepthook's default, the C _thread._excepthook), one raised by
# __del__ or a weakref callback (sys.unraisablehook, the default one and the program's own).
import io
import re
import sys
import threading
import traceback
import weakref


def shown(text):
    return re.sub(r'0x[0-9a-f]+', '0x...', text)


def failing_work(n):
    return n / 0


def thread_ending(target, *args, name=None):
    thread = threading.Thread(target=target, args=args, name=name)
    thread.start()
    thread.join()


print(sys.unraisablehook is sys.__unraisablehook__, threading.excepthook is threading.__excepthook__)
thread_ending(failing_work, 1, name='worker')
thread_ending(sys.exit, 3)  # SystemExit ends a thread silently


def chained():
    try:
        {}['key']
    except KeyError:
        raise ValueError('while looking up')


thread_ending(chained, name='chained')


class Finalized:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('finalizing', self.name)
        raise RuntimeError(f'cannot finalize {self.name}')


captured = io.StringIO()
sys.stderr = captured
Finalized('first')
sys.stderr = sys.__stderr__
print(shown(captured.getvalue()), end='')



def on_collect(reference):
    raise LookupError('in a weakref callback')


class Target:
    pass


target = Target()
reference = weakref.ref(target, on_collect)
captured = io.StringIO()
sys.stderr = captured
del target
sys.stderr = sys.__stderr__
print(shown(captured.getvalue()), end='')


def own_hook(unraisable):
    print('own hook:', unraisable.exc_type.__name__, unraisable.exc_value, unraisable.err_msg,
          unraisable.object.__qualname__)
    print(''.join(traceback.format_tb(unraisable.exc_traceback)), end='')


sys.unraisablehook = own_hook
Finalized('with the own hook')


def failing_hook(unraisable):
    raise TypeError('the hook fails')


sys.unraisablehook = failing_hook
captured = io.StringIO()
sys.stderr = captured
Finalized('with a failing hook')
sys.stderr = sys.__stderr__
print(shown(captured.getvalue()), end='')
sys.unraisablehook = sys.__unraisablehook__
print('end')
