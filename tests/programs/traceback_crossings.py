# Memphis tracebacks handed on: a context manager's __exit__ gets one and contextlib throws it
# into its generator; generator.throw with a traceback; types.TracebackType builds one.
import contextlib
import sys
import traceback
import types


@contextlib.contextmanager
def managed():
    try:
        yield 'resource'
    except KeyError as error:
        print('caught in generator:', repr(error), type(error.__traceback__).__name__)
        print([entry.name for entry in traceback.extract_tb(error.__traceback__)])


with managed() as value:
    raise KeyError(value)


class Exiting:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        print('exit got', kind.__name__, type(tb).__name__, tb.tb_lineno, tb.tb_next)
        return True


with Exiting():
    int('not a number')


def generator():
    try:
        yield 1
    except ValueError as error:
        yield [entry.lineno for entry in traceback.extract_tb(error.__traceback__)]


try:
    raise ValueError('first')
except ValueError as error:
    saved = error.__traceback__
running = generator()
next(running)
print('thrown:', running.send(None) if False else running.throw(ValueError, ValueError('x'),
                                                                saved))
made = types.TracebackType(None, sys._getframe(), 0, 7)
print(made.tb_lineno, made.tb_frame is sys._getframe(), made.tb_next)
try:
    raise RuntimeError('with made traceback').with_traceback(made)
except RuntimeError as error:
    print([(entry.name, entry.lineno) for entry in traceback.extract_tb(error.__traceback__)])
try:
    types.TracebackType(None, 'not a frame', 0, 1)
except TypeError as problem:
    print('TypeError', problem)
