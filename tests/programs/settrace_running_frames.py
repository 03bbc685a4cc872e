# sys.settrace called from inside running code, as pdb.set_trace() does: the caller frames
# given an f_trace report their next lines at once (their 'return' events are not compared:
# Memphis reports none for a frame that was already running when tracing started).
import sys


def tracer(frame, event, arg):
    if event != 'return':
        print(f'{event:6} {frame.f_code.co_name:8} {frame.f_lineno}')
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
