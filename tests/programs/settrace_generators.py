# sys.settrace on generators, coroutines and generator expressions: a 'call' per resumption,
# a 'return' per suspension, close/throw, yield from, and a for loop's StopIteration events.
import sys


def show(frame, event, arg):
    if event == 'exception':
        arg = (arg[0].__name__, str(arg[1]), type(arg[2]).__name__)
    elif event in ('call', 'line'):
        arg = None
    elif not isinstance(arg, (int, str, list, tuple, type(None))):
        arg = type(arg).__name__
    print(f'{event:9} {frame.f_code.co_name:10} {frame.f_lineno:3} {arg!r}')
    return show


def counter(n):
    for i in range(n):
        received = yield i
        if received:
            print('received', received)
    return 'done'


def delegating():
    result = yield from counter(2)
    yield result


def guarded():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')


def thrown():
    try:
        yield 1
    except ValueError as e:
        yield f'handled {e}'


class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


async def coroutine(x):
    return x * 2


def run():
    for value in counter(2):
        pass
    g = counter(3)
    next(g)
    g.send('hello')
    for value in delegating():
        pass
    closing = guarded()
    next(closing)
    closing.close()
    t = thrown()
    next(t)
    print(t.throw(ValueError('bad')))
    for value in Countdown(2):
        pass
    print(list(x * x for x in range(3)))  # noqa: C400 - a generator expression is traced
    c = coroutine(4)
    try:
        c.send(None)
    except StopIteration as stop:
        print('coroutine returned', stop.value)
    g.close()
    t.close()


sys.settrace(show)
run()
sys.settrace(None)
