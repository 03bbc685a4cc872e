# sys.settrace called from inside running code, as pdb.set_trace() does: the caller frames
# given an f_trace report their next lines at once, the exceptions entering them, the lines
# of the `except` clauses of their running `try`, and their 'return' (with its value).
import sys


def tracer(frame, event, arg):
    if event == 'exception':
        arg = arg[0].__name__
    elif event == 'line':
        arg = None
    print(f'{event:9} {frame.f_code.co_name:14} {frame.f_lineno} {arg!r}')
    return tracer


def start_tracing():
    frame = sys._getframe().f_back
    while frame is not None:
        frame.f_trace = tracer
        frame = frame.f_back
    sys.settrace(tracer)


def helper(n):
    return n * 2


def work(flag):
    if flag:
        start_tracing()
    first = helper(1)
    if first > 1:
        first += 1
    return first


def caller():
    value = work(True)
    value += helper(2)
    return value


caller()
x = 1
y = x + 1
sys.settrace(None)
print('done', x, y)


# the frame that called settrace reports nothing: only its caller was given f_trace
def _trace_and_return():
    sys.settrace(tracer)
    sys._getframe().f_back.f_trace = tracer


def trace_and_return():
    _trace_and_return()


trace_and_return()
sys.settrace(None)


def _trace_and_raise():
    sys.settrace(tracer)
    sys._getframe().f_back.f_trace = tracer
    raise RuntimeError


def trace_and_raise():
    try:
        _trace_and_raise()
    except KeyError:
        print('not here')
    except RuntimeError:
        pass
    return 'caught'


print(trace_and_raise())
sys.settrace(None)


# an exception leaving the running frames: each reports it, then returns None
def raising():
    start_tracing()
    return 1 / 0


def passes_through():
    total = raising()
    return total


def outermost():
    try:
        passes_through()
    finally:
        print('finally')


try:
    outermost()
except ZeroDivisionError:
    pass
sys.settrace(None)


# a class body running when tracing starts (a running comprehension reports its 'return'
# but not its next iterations' lines: not compared)
class Body:
    first = start_tracing()
    after = 1


sys.settrace(None)
print('end')
