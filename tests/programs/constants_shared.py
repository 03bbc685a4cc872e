# Constants as CPython's compiler makes them: tuples of constants folded, equal constants of one
# compilation unit merged into one object (identity through is, across functions and calls).
a = 'hello world!'
b = 'hello world!'
print(a is b)
t1 = (1, 2, (3, 'x y'))
t2 = (1, 2, (3, 'x y'))
print(t1 is t2, t1[2] is t2[2])
def f():
    return (1, 2, (3, 'x y'))
print(f() is f(), f() is t1)
def g():
    return 'hello world!'
print(g() is a)
print((-1, 2) is (-1, 2))
big1 = 12345678901234567890
def h():
    return 12345678901234567890
print(h() is big1)
print(1.5 is 1.5, (0.0, -0.0) == (-0.0, 0.0))
x = [1, 2]
print(x is [1, 2])
c = (1, 2.0)
d = (1, 2)
print(c is d, c == d)
lam = lambda: (1, 2)
print(lam() is d)
values = ((1, 2), (1, 2.0), (1, True), (0.0,), (-0.0,), ('a b',), (b'a b',))
print([[x is y for y in values] for x in values])
print(eval('(5, 6)') is eval('(5, 6)'))
print((lambda: ('p q', -7))() is (lambda: ('p q', -7))())
