"""String literals made of name characters are one object wherever they appear (CPython interns
such code constants): click compares option defaults with `is`."""

import os
import string
import sys
import tempfile

upper = 'upper'
lowercase = 'abcdefghijklmnopqrstuvwxyz'
digits, custom, spaced = '0123456789', 'custom', 'not a name'


def default():
    return 'upper'


def spaced_again():
    return 'not a name'


class Options:
    flag_value = 'upper'
    lambda_value = (lambda: 'upper')()


print(upper is default(), Options.flag_value is upper, Options.lambda_value is upper)
print(string.ascii_lowercase is lowercase, string.digits is digits)
print(sys.intern(''.join(['up', 'per'])) is upper, spaced == spaced_again())

with tempfile.TemporaryDirectory() as folder:
    with open(os.path.join(folder, 'other_module.py'), 'w') as handle:
        handle.write('VALUE = "upper"\nKEYS = ("custom", "x")\n')
    sys.path.insert(0, folder)
    import other_module

    print(other_module.VALUE is upper, other_module.KEYS[0] is custom)
    sys.path.remove(folder)
