# sys.settrace on interpreted code: call/line/return/exception events of functions, loops,
# branches, try/except/finally, with, classes, decorators, lambdas and comprehensions.
import sys


def show(frame, event, arg):
    if event == 'exception':
        arg = (arg[0].__name__, str(arg[1]), type(arg[2]).__name__)
    elif event in ('call', 'line'):
        arg = None
    elif not isinstance(arg, (int, str, list, dict, set, type(None))):
        arg = type(arg).__name__
    print(f'{event:9} {frame.f_code.co_name:10} {frame.f_lineno:3} {arg!r}')
    return show


class Manager:
    def __init__(self, swallow): self.swallow = swallow
    def __enter__(self): return self
    def __exit__(self, *exc): return self.swallow


def deco(function):
    return function


def branches(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        elif i == 2:
            continue
        else:
            total -= 1
    while total < 3:
        total += 2
        if total > 100: break
    return total


def exceptions(x):
    try:
        1 / x
    except ZeroDivisionError:
        x = 1
    else:
        x = 2
    finally:
        x += 1
    try:
        try:
            raise KeyError('k')
        except ValueError:
            pass
    except KeyError:
        try:
            raise
        except KeyError:
            pass
    with Manager(True):
        raise IndexError('swallowed')
    with Manager(False):
        pass
    return x


def definitions():
    @deco
    @deco
    def inner(): pass
    class Local:
        attr = 1
        def method(self): return 2
    @deco
    class Decorated: pass
    square = lambda v: v * v
    values = [square(i) for i in range(3) if i]
    mapping = {i: i for i in range(2)}
    unique = {i for i in 'ab'}
    total = sum(i for i in range(3))
    return len(values) + len(mapping) + len(unique) + total


def fails():
    raise RuntimeError('out')


def caller():
    try:
        fails()
    except RuntimeError:
        return 'caught'


sys.settrace(show)
branches(5)
exceptions(0)
exceptions(1)
definitions()
caller()
sys.settrace(None)
print('gettrace after:', sys.gettrace())
