"""CPython's C exception printer (sys.excepthook, the uncaught report): sys.tracebacklimit,
a class whose __module__ is not a str, __notes__ that are not a list, a source file changed
after it ran, a traceback made by types.TracebackType, a traceback given to the hook."""

import io
import os
import sys
import tempfile
import types


def fail(depth):
    if depth == 0:
        raise ValueError('deep')
    fail(depth - 1)


def report(title, error, traceback=None, folder=None):
    """What sys.excepthook prints for `error`, with the temporary folder's name hidden."""
    saved, sys.stderr = sys.stderr, io.StringIO()
    try:
        if traceback is None:
            traceback = error.__traceback__
        sys.excepthook(type(error), error, traceback)
        text = sys.stderr.getvalue()
    finally:
        sys.stderr = saved
    if folder is not None:
        text = text.replace(folder, '<tmp>')
    print(f'--- {title}\n{text}<end>')


try:
    fail(4)
except ValueError as error:
    deep = error

try:
    try:
        fail(1)
    except ValueError:
        fail(2)
except ValueError as error:
    chained = error

for limit in (2, 1, 0, -1, 'x', 10**30, -10**30, True):
    sys.tracebacklimit = limit
    report(f'limit {limit!r}', deep)
    report(f'chained, limit {limit!r}', chained)
del sys.tracebacklimit


class Odd(Exception):
    def __str__(self):
        return 'odd one'


Odd.__module__ = 42
report('module is not a str', Odd())
Odd.__module__ = 'somewhere.else'
report('module elsewhere', Odd())


class BadRepr:
    def __repr__(self):
        return 'bad repr'

    def __str__(self):
        return 'bad str'


class Unprintable:
    def __repr__(self):
        raise ValueError('no repr')


class Notes:
    def __len__(self):
        return 2

    def __getitem__(self, index):
        if index >= 2:
            raise IndexError(index)
        return f'note {index}\nsecond line'


for notes in (BadRepr(), Unprintable(), 'a string', ('tuple', BadRepr()), Notes(), {'a': 1}):
    error = KeyError('k')
    error.__notes__ = notes
    report(f'notes {type(notes).__name__}', error)

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, 'changing.py')
    with open(path, 'w') as file:
        file.write('def explode():\n    raise RuntimeError("boom")\n')
    namespace = {}
    with open(path) as file:
        exec(compile(file.read(), path, 'exec'), namespace)  # noqa: S102 - the file's code
    try:
        namespace['explode']()
    except RuntimeError as error:
        report('source as run', error, folder=folder)
        with open(path, 'w') as file:
            file.write('def explode():\n    pass  # the line is not what ran any more\n')
        report('source changed since', error, folder=folder)


def here():
    return sys._getframe()


made = types.TracebackType(None, here(), 0, here.__code__.co_firstlineno)
interrupt = KeyboardInterrupt()
interrupt.__traceback__ = made
report('made traceback at instruction 0', interrupt)
report('traceback given to the hook', ValueError('fresh'), made)

sys.tracebacklimit = 1
fail(3)
