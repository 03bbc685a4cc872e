# sys.exc_info() and sys.exception() in interpreted code: inside except blocks, nested
# handlers, finally blocks, generators (suspended inside a handler), and after handling.
import sys


def state(label):
    kind, value, tb = sys.exc_info()
    print(f'{label:28}', kind.__name__ if kind else None, value,
          tb.tb_lineno if tb is not None else None, sys.exception() is value)


state('outside')
try:
    raise ValueError('first')
except ValueError:
    state('in handler')
    try:
        raise KeyError('second')
    except KeyError:
        state('nested handler')
    state('back in outer handler')
state('after handling')

try:
    try:
        raise TypeError('in finally')
    finally:
        state('finally while propagating')
except TypeError:
    pass
try:
    pass
finally:
    state('finally without exception')


def generator():
    try:
        raise IndexError('in generator')
    except IndexError:
        yield 'suspended in handler'
        state('generator resumed')
    yield 'done'


g = generator()
next(g)
state('caller while suspended')
try:
    raise OSError('caller')
except OSError:
    next(g)
    state('caller after resume')


def helper():
    state('called from handler')


try:
    raise LookupError('for helper')
except LookupError:
    helper()

with open(__file__) as handle:
    try:
        raise ArithmeticError('in with')
    except ArithmeticError:
        state('handler inside with')
