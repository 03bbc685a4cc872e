"""`yield from` an iterator whose methods are interpreted (a class's `__next__`, `send`,
`throw`, `close`): they run in the delegating generator's frame (their `f_back`), as
CPython's SEND does, whoever resumes the generator."""
import sys


def caller_of_method():
    return sys._getframe(1).f_back.f_code.co_name


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        print('  __next__ called from', caller_of_method())
        if self.n == 0:
            raise StopIteration('done')
        self.n -= 1
        return self.n

    def send(self, value):
        print('  send', value, 'from', caller_of_method())
        return self.__next__()

    def throw(self, error):
        print('  throw', repr(error), 'from', caller_of_method())
        if isinstance(error, KeyError):
            return 'recovered'
        raise error

    def close(self):
        print('  close from', caller_of_method())


class NextOnly:
    def __init__(self):
        self.items = [1, 2]

    def __iter__(self):
        return self

    def __next__(self):
        print('  NextOnly.__next__ from', caller_of_method())
        if not self.items:
            raise StopIteration
        return self.items.pop()


class Source:
    def __iter__(self):
        print('  Source.__iter__ from', caller_of_method())
        return iter([7, 8])


def delegator(iterator):
    result = yield from iterator
    print('  result', result)
    return result


def drive():
    g = delegator(Countdown(2))
    print(next(g))
    print(g.send('hello'))
    print(g.throw(KeyError('k')))
    try:
        g.send(None)
    except StopIteration as stop:
        print('returned', stop.value)
    countdown = Countdown(3)
    g = delegator(countdown)
    next(g)
    print('gi_yieldfrom is the iterator:', g.gi_yieldfrom is countdown)
    g.close()
    g = delegator(Countdown(3))
    next(g)
    try:
        g.throw(ValueError('v'))
    except ValueError as error:
        print('propagated', repr(error))
    g = delegator(NextOnly())
    print(list(g))
    g = delegator(NextOnly())
    next(g)
    try:
        g.send('x')
    except AttributeError as error:
        print(type(error).__name__, error)
    g = delegator(NextOnly())
    next(g)
    try:
        g.throw(KeyError('not handled'))
    except KeyError as error:
        print('raised in the generator', repr(error))
    print(list(delegator(Source())))
    print('generator frame after:', sys._getframe().f_code.co_name)


drive()
