# The sys.settrace protocol: the global function's result becomes frame.f_trace, a local
# function may replace itself or return None, f_trace_lines, a failing trace function, and
# the trace function itself is not traced.
import sys
import threading


def work(n):
    a = n + 1
    b = a * 2
    return b


def nested():
    return work(1) + work(2)


log = []


def global_only(frame, event, arg):
    log.append(('global', event, frame.f_code.co_name))
    return None  # noqa: RET501, PLR1711 - no local trace function, said explicitly


def counting(frame, event, arg):
    log.append(('global', event, frame.f_code.co_name, frame.f_lineno))
    calls = [0]

    def local(frame, event, arg):
        calls[0] += 1
        log.append(('local', calls[0], event, frame.f_lineno))
        if calls[0] == 2:
            return other
        return None

    def other(frame, event, arg):
        log.append(('other', event, frame.f_lineno))
        return other

    return local if frame.f_code.co_name == 'work' else None


def no_lines(frame, event, arg):
    frame.f_trace_lines = False
    log.append(('no_lines', event, frame.f_code.co_name))
    return no_lines


def failing(frame, event, arg):
    if event == 'line':
        raise RuntimeError('tracer failed')
    return failing


def tracer_calls_functions(frame, event, arg):
    work(10)
    log.append(('outer', event, frame.f_code.co_name))
    return tracer_calls_functions


for tracer in (global_only, counting, no_lines, tracer_calls_functions):
    log.clear()
    sys.settrace(tracer)
    print(tracer.__name__, nested(), sys.gettrace() is tracer)
    sys.settrace(None)
    for entry in log:
        print('   ', entry)

sys.settrace(failing)
try:
    work(5)
except RuntimeError as error:
    print('propagated:', error, 'gettrace:', sys.gettrace())
sys.settrace(None)

events = []


def thread_tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name))
    return thread_tracer


threading.settrace(thread_tracer)
thread = threading.Thread(target=work, args=(3,))
thread.start()
thread.join()
threading.settrace(None)
print([e for e in events if e[1] == 'work'])
print('main thread traced:', sys.gettrace())
