# sys.settrace line events inside multi-line statements, as CPython's bytecode reports them:
# an operand on another line, then the line of the operation (call, operator, display,
# `and`/`or` jump, chained compare); a statement starts at its first instruction's line.
import sys
def f(a, b, c):
    if (a and
            b):
        pass
    w = (a <
         b <
         c)
    v = [x for x in
         range(2)]
    u = obj.attr(
        a)
    t = {a: b,
         **{}}
    s = (b if
         a else
         c)
    r = -(
        a)
    del v
    q = lambda: (a,
                 b)
    return (
        a)
class O:
    def attr(self, x):
        return x
obj = O()
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name in ('f',):
        events.append((event, frame.f_lineno))
    return tracer
sys.settrace(tracer)
f(1, 2, 3)
sys.settrace(None)
print(events)


def f2(a, b):
    x = [a,
         b]
    y = (a +
         b)
    z = g2(a,
          b,
          )
    if (a and
            b):
        pass
    return {
        'k': x,
        'v': y,
    }
def g2(p, q):
    return p
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name in ('f2', 'g2'):
        events.append((frame.f_code.co_name, event, frame.f_lineno))
    return tracer
sys.settrace(tracer)
f2(1, 2)
sys.settrace(None)
for e in events: print(e)


# no event for `global`/`nonlocal` or a function's docstring; a constant list iterated over is
# one constant; traced code keeps the module's `from __future__ import annotations`
def documented():
    """Docstring: no instruction."""
    global events
    total = 0
    for item in [1, 2,
                 3]:
        total += item

    def inner():
        nonlocal total
        total += 1
    inner()
    return total


events = []


def tracer2(frame, event, arg):
    if frame.f_code.co_name in ('documented', 'inner', '<module>') and \
            frame.f_code.co_filename == '<future>':
        events.append((frame.f_code.co_name, event, frame.f_lineno))
    elif frame.f_code.co_name in ('documented', 'inner'):
        events.append((frame.f_code.co_name, event, frame.f_lineno))
    return tracer2


SOURCE = '''from __future__ import annotations
x: undefined_name = 1
def annotated(a: also_undefined) -> nowhere:
    return a
print(annotated(x), annotated.__annotations__)
'''
sys.settrace(tracer2)
documented()
exec(compile(SOURCE, '<future>', 'exec'), {})
sys.settrace(None)
for e in events:
    print(e)
