"""An exception that crossed interpreted frames pickles, copies and deep-copies as in CPython: the
copy has no traceback (frames cannot be pickled; multiprocessing sends exceptions back)."""

import copy, pickle, traceback


def generator():
    yield 1
    raise StopIteration


def fail():
    return 1 / 0


errors = []
for action in (fail, lambda: list(generator())):
    try:
        action()
    except Exception as error:
        errors.append(error)
try:
    try:
        fail()
    except ZeroDivisionError as error:
        raise ValueError('chained') from error
except ValueError as error:
    error.__traceback__  # the traceback objects are made
    errors.append(error)

for error in errors:
    for name, copier in (('pickle', lambda e: pickle.loads(pickle.dumps(e))),
                         ('copy', copy.copy), ('deepcopy', copy.deepcopy)):
        clone = copier(error)
        print(name, type(clone).__name__, clone, clone.__traceback__ is None,
              repr(clone.__cause__))
        print(''.join(traceback.format_exception(clone)), end='')
