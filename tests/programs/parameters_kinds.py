# Every parameter kind, defaults evaluated once, and CPython's TypeError messages.
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)

print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
print(f(1, c=9, d=0))
for call in [lambda: f(), lambda: f(1), lambda: f(1, b=2, d=3), lambda: f(1, 2, 3, d=1, c=4),
             lambda: f(d=1), lambda: f(1, d=1, e=2, **{'e': 3})]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)

def g(x, y):
    pass
for call in [lambda: g(1), lambda: g(1, 2, 3), lambda: g(1, y=2, x=3), lambda: g(1, 2, z=3),
             lambda: g()]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)

def kwonly(*, a, b):
    return a, b
try:
    kwonly(1, 2)
except TypeError as e:
    print(e)
try:
    kwonly(a=1)
except TypeError as e:
    print(e)

def default_once(x=[]):
    x.append(1)
    return x
print(default_once(), default_once(), default_once([0]))
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_posonlyargcount,
      f.__code__.co_kwonlyargcount, f.__name__, f.__qualname__)
print(f.__code__.co_varnames[:7])

def star_only(*args, **kwargs):
    return args, kwargs
print(star_only(*[1, 2], *(3,), **{'a': 1}, b=2))
try:
    star_only(*1)
except TypeError as e:
    print(e)
try:
    star_only(**1)
except TypeError as e:
    print(e)
try:
    star_only(**{'a': 1}, a=2)
except TypeError as e:
    print(e)
def posonly(a, /):
    return a
try:
    posonly(a=1)
except TypeError as e:
    print(e)
print((lambda *a, k=1, **kw: (a, k, kw))(1, 2, k=3, j=4))
