"""sys.settrace: a trace function sets `frame.f_lineno` (a jump), as pdb's `jump` does."""
import sys


def f(items):
    total = 0
    for item in items:
        total += item

        if item:
            pass
    try:
        1 / 0
    except ZeroDivisionError:
        total = -1
    total += 100
    for extra in range(2):
        total += extra
    else:
        total *= 2
    return total


def attempt(src, dst, event='line'):
    done = []

    def tracer(frame, ev, arg):
        if frame.f_code is f.__code__:
            if ev == event and frame.f_lineno == base + src and not done:
                done.append(1)
                try:
                    frame.f_lineno = base + dst if dst is not None else 'x'
                    print(src, dst, 'jumped')
                except ValueError as e:
                    print(src, dst, type(e).__name__, str(e).replace(str(base + (dst or 0)), 'N'))
            return tracer
        return tracer if ev == 'call' else None
    sys.settrace(tracer)
    try:
        print(f([1, 2]))
    except UnboundLocalError as error:  # the jump skipped the binding of `total`
        print(type(error).__name__, error)
    finally:
        sys.settrace(None)


base = f.__code__.co_firstlineno
for s, d in [(1, 3), (1, 10), (1, -5), (1, 100), (1, None), (1, 11), (3, 11), (12, 1),
             (13, 1), (11, 13), (13, 16), (1, 1), (16, 1)]:
    attempt(s, d)
attempt(1, 3, 'return')



def outside():
    try:
        sys._getframe().f_lineno = 1
    except ValueError as error:
        print('not tracing:', type(error).__name__)


outside()
