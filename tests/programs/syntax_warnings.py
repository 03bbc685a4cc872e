"""Compile-time SyntaxWarnings: printed to stderr before the program runs, in CPython's order.

Nothing below with a warning is executed; compile() of strings warns at run time, through the
program's own warnings filters.
"""

# ruff: noqa  (the suspicious code is the subject: every line of it is there to warn)
import warnings


def never_called():
    def f(x, y):
        if (y or
                x is 1):
            pass
        if (y and
                0 < x is 2):
            pass
        while not (y <
                   x is 3):
            pass
        z = [a for a in y
             if a < a is 4]
        v = (1 if y < 2 is 5
             else 2)
        try:
            try:
                return 1
            finally:
                x is 6
                def inner():
                    return (1, 2)(3)
        finally:
            for i in y:
                try:
                    continue
                finally:
                    x is 7
            x is 8
        match x:
            case [a] if a < 1 is 9:
                print((1, 2)['a'])
        lambda q=(1)(2): q is 10
        assert (x, y), 'a' is 11
        return {1: 2}[1.5], 'x'[None], b'y'[1.0], (1 is 12) or (2 is not 13)
    class K(metaclass=(1, 2)('a')):
        x: (1, 2)[3.0] = 3
        def m(self, a: ('x')[2.5] = 3) -> 4 is 4: pass
    def g():
        y: (1, 2)[3.0] = 3
        y.a: 'b'['c'] = 1
    print(f'{1 is 14}' f"{'x'(1)}")
    x = -1 is -1
    x = ~5 is 5, 2 ** 3 is 8, 'a' * 3 is 'aaa', 10 ** 100 is 1, (1, [2]) is 1, [] is 1
    x = [1,2][(1,2)], {}[1.0], {1:2}[1.0], [x for x in 'a']['a'], (x for x in 'a')[0]
    def f(x):
        try:
            if x: return 1
        finally:
            x is 1
    for i in []:
        try:
            break
        finally:
            i is 2
    assert (1, 2)
    assert (x, 2)
    d = {1: 2 is 2, 3: 4 is 4}
    for a in 1 is 1: a is 3
    y = [a is 5 for a in 1 is 6 if a is 7 for b in a is 8]
    class C(1 is 9):
        z = 1 is 10
    return ((1)(2) if 0 else 0)
    return (-1[0] if 0 else 0, 'ab'['x'] if 0 else 0, f'x'[1.0] if 0 else 0, [1][1.0] if 0 else 0, (1,2)[1:] )
    return ({1}[0] if 0 else 0, (lambda: 0)[0] if 0 else 0, None[0] if 0 else 0, x[0.0] if 0 else 0)


print('running')
compile('x = 1\nx is 1\n', '<string>', 'exec')
exec('assert (1, "never")')
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    compile('y = (1, 2)(3)\nz = {1}[0]', 'virtual.py', 'exec')
print([(w.category.__name__, w.lineno, str(w.message)) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        compile('z = 1 is 1', 'error.py', 'exec')
    except SyntaxError as error:
        print('SyntaxError', error, error.offset, error.end_offset)
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    compile('w = 1 is 1', 'ignored.py', 'exec')
print(eval('[1, 2][0.5] if 0 else "lazy"'))
