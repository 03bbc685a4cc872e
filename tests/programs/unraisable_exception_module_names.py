# The default unraisable hook names an exception class by its qualified name, after its
# module unless that is builtins or __main__ (bpo-45083).
import io
import re
import sys


class A:
    class X(Exception):
        pass


class D:
    def __del__(self):
        raise A.X('in del')


for name in ('builtins', '__main__', 'some_module'):
    A.X.__module__ = name
    captured = io.StringIO()
    sys.stderr, saved = captured, sys.stderr
    D()
    sys.stderr = saved
    print(re.sub(r'0x[0-9a-f]+', 'ADDRESS', captured.getvalue()))
