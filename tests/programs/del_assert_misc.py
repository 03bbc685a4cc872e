# del of names, attributes, items, slices; assert; pass; global del errors.
x = 1
del x
try:
    x
except NameError as e:
    print(e)
l = list(range(10))
del l[0], l[-1]
del l[::2]
print(l)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
try:
    del d['zz']
except KeyError as e:
    print('KeyError', e)
class O:
    pass
o = O()
o.attr = 1
del o.attr
try:
    del o.attr
except AttributeError as e:
    print(e)
def f():
    y = 1
    del y
    try:
        del y
    except UnboundLocalError as e:
        print(e)
f()
try:
    del undefined_name
except NameError as e:
    print(e)
try:
    assert 1 == 2, 'numbers differ'
except AssertionError as e:
    print('assert', e)
try:
    assert []
except AssertionError as e:
    print('assert empty', repr(e))
a, b = 1, 2
del (a, b)
print('a' in globals(), 'b' in globals())
