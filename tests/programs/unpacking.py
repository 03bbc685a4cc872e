# Unpacking in assignments, for targets, calls and displays, with CPython's errors.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = 'hello'
print(first, rest)
*init, last = [1, 2, 3]
print(init, last)
x, *y, z = range(5)
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = 'mn'
print(m, n)
for msg, target in [('too many', lambda: exec('a, b = 1, 2, 3')),
                    ('not enough', lambda: exec('a, b, c = 1, 2')),
                    ('star', lambda: exec('a, *b, c = [1]')),
                    ('non-iterable', lambda: exec('a, b = 5'))]:
    try:
        target()
    except (ValueError, TypeError) as e:
        print(msg, type(e).__name__, e)
print([*range(3), *'ab'], (*[1], 2), {*'aa', 'b'} == {'a', 'b'}, {**{'a': 1}, 'b': 2, **{'a': 3}})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], 3, *(4,), **{'x': 1}, y=2))
a = b = c = []
a.append(1)
print(b, c is a)
d = {}
d['k'], d['j'] = 1, 2
print(d)
class O:
    pass
o = O()
o.x, o.y = 'xy'
print(o.x, o.y)
s = [0, 0, 0]
i = 0
i, s[i] = 1, 5
print(i, s)
try:
    {**[1]}
except TypeError as e:
    print(e)
try:
    [*5]
except TypeError as e:
    print(e)
