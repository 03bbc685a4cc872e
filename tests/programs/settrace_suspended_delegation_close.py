"""sys.settrace started while generators delegating with `yield from` are suspended: close()
and throw() reach the innermost generator first, then each delegating one as the exception
reaches it ('call', 'exception', its `finally` lines, 'return'), as CPython reports them."""
import sys


def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__ or frame.f_code.co_name == 'tracer':
        return None
    extra = repr(arg) if event == 'return' else (arg[0].__name__ if event == 'exception' else '')
    print(event, frame.f_code.co_name, frame.f_lineno, extra)
    return tracer


def inner():
    try:
        yield 1
        yield 2
    finally:
        print('inner finally')


def outer():
    try:
        yield from inner()
    finally:
        print('outer finally')


def thrower():
    yield from inner()


o = outer()
next(o)
t = thrower()
next(t)
p = outer()
next(p)
sys.settrace(tracer)
o.close()
try:
    t.throw(KeyError('x'))
except KeyError:
    print('KeyError')
print(next(p))
p.close()
sys.settrace(None)
