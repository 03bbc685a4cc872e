# input(): the program's own streams, CPython's checks of lost streams and arguments.
import sys, io
real_out = sys.stdout
sys.stdin = io.StringIO("hello\nworld")
sys.stdout = io.StringIO()
a = input('p1> ')
b = input()
got = sys.stdout.getvalue()
sys.stdout = real_out
print(repr(a), repr(b), repr(got))
for args, kwargs in [((), {}), ((1, 2), {}), ((), {'prompt': 'x'})]:
    sys.stdin = io.StringIO("")
    try:
        input(*args, **kwargs)
    except (EOFError, TypeError) as e:
        print(type(e).__name__, e)
sys.stdin = io.StringIO("    'whitespace'")
print(repr(input()))
saved_in = sys.stdin
del sys.stdin
try:
    input('q')
except RuntimeError as e:
    print('RuntimeError', e)
sys.stdin = None
try:
    input('q')
except RuntimeError as e:
    print('RuntimeError', e)
sys.stdin = io.StringIO("y\n")
sys.stdout = None
try:
    input('q')
except RuntimeError as e:
    sys.stdout = real_out
    print('RuntimeError', e)
sys.stdout = real_out
sys.stderr = None
try:
    input('q')
except RuntimeError as e:
    print('RuntimeError', e)
sys.stderr = sys.__stderr__
f = io.StringIO("z")
f.close()
sys.stdin = f
try:
    input()
except ValueError as e:
    print('ValueError', e)
print(input.__name__, input.__module__)
