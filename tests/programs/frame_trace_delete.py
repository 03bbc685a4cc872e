# `del frame.f_trace` unsets the frame's trace function (bdb's set_continue does it), any
# other frame attribute cannot be deleted.
import sys


def tracer(frame, event, arg):
    return tracer


frame = sys._getframe()
del frame.f_trace
print(frame.f_trace)
frame.f_trace = tracer
print(frame.f_trace is tracer)
del frame.f_trace
print(frame.f_trace)
for name in ('f_lineno', 'f_back', 'f_locals', 'f_globals', 'f_code', 'f_lasti', 'f_trace_lines'):
    try:
        delattr(frame, name)
    except (AttributeError, TypeError) as error:
        print(name, type(error).__name__, error)
