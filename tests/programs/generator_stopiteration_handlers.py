# StopIteration raised inside a yielding loop is caught by the generator's own handlers
# (heapq.merge's pattern); a user generator's PEP 479 RuntimeError stays a RuntimeError.
import contextlib
import heapq


def drain(it):
    nxt = iter(it).__next__
    while True:
        try:
            while True:
                value = nxt()
                yield value
        except StopIteration:
            print('exhausted')
            return


def suppressed(it):
    nxt = iter(it).__next__
    with contextlib.suppress(StopIteration):
        while True:
            yield nxt()
    yield 'end'


def bad():
    raise StopIteration  # noqa: PLR1708 - the PEP 479 conversion is the subject
    yield


def calls_bad():
    try:
        while True:
            yield 0
            next(bad())
    except StopIteration:
        print('wrong: StopIteration')
    except RuntimeError as error:
        print('RuntimeError:', error, type(error.__cause__).__name__)


print(list(drain([1, 2])), list(suppressed('ab')), list(calls_bad()))
print(list(heapq.merge([1, 4, 9], [2, 3], [])))
