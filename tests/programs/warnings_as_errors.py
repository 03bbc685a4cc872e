"""A warning a filter turns into an error: its traceback ends at the line that warned, as with
CPython's C warn (no frame of warnings.py), whether caught, printed or uncaught."""
import sys
import traceback
import warnings


def deprecated(stacklevel):
    warnings.warn('old API', DeprecationWarning, stacklevel=stacklevel)


def caller(stacklevel):
    deprecated(stacklevel)


warnings.simplefilter('error')
for level in (1, 2, 3):
    try:
        caller(level)
    except DeprecationWarning as error:
        print(level, [(frame.name, frame.lineno) for frame in traceback.extract_tb(
            error.__traceback__)])
        print(traceback.format_exc().count('warnings.py'))

try:
    warnings.warn_explicit('explicit', UserWarning, 'elsewhere.py', 12)
except UserWarning:
    traceback.print_exc(file=sys.stdout)

with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    warnings.warn('silenced')
    print('silenced warning ignored')

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    caller(2)
    print([(str(w.message), w.category.__name__, w.lineno) for w in caught])


class Noisy:
    def __del__(self):
        warnings.warn('in __del__', ResourceWarning)


sys.unraisablehook = lambda unraisable: print(
    'unraisable:', type(unraisable.exc_value).__name__, unraisable.exc_value,
    traceback.format_tb(unraisable.exc_traceback))
Noisy()
print('after __del__')
caller(2)
