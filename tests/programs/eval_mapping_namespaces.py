# eval/exec with mapping locals: dir() through keys(), CPython's namespace type checks.
import collections
class M:
    def __getitem__(self, key):
        if key == 'a':
            return 12
        raise KeyError
    def keys(self):
        return list('xyz')
m = M()
g = globals()
print(eval('a', g, m))
try:
    eval('b', g, m)
except NameError as e:
    print('NameError', e)
print(eval('dir()', g, m))
print(eval('globals()', g, m) is g, eval('locals()', g, m) is m)
try:
    eval('a', m)
except TypeError as e:
    print('TypeError', e)
class A: pass
try:
    eval('a', g, A())
except TypeError as e:
    print('TypeError', e)
class D(dict):
    def __getitem__(self, key):
        if key == 'a':
            return 12
        return dict.__getitem__(self, key)
    def keys(self):
        return list('xyz')
d = D()
print(eval('a', g, d))
try:
    eval('b', g, d)
except NameError as e:
    print('NameError', e)
print(eval('dir()', g, d))
eval('[locals() for i in (2,3)]', g, d)
eval('[locals() for i in (2,3)]', g, collections.UserDict())
print('done')
for call in ['eval("a", {}, 5)', 'exec("a", {}, 5)', 'eval("a", 5)', 'exec("a", 5)', 'eval("a", None, 5)', 'exec("a", [])', 'eval("a", [], 5)', 'exec("a", [], 5)', 'eval("1", [])']:
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
