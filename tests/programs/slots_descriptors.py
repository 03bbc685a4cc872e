# __slots__, descriptors, __getattr__/__getattribute__/__setattr__/__delattr__.
class P:
    __slots__ = ('x', 'y')
    def __init__(self):
        self.x = 1
p = P()
print(p.x, hasattr(p, '__dict__'))
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.y
except AttributeError as e:
    print(e)

class Lazy:
    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        return name.upper()
print(Lazy().hello)

class Logged:
    def __getattribute__(self, name):
        print('get', name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print('set', name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print('del', name)
        object.__delattr__(self, name)
l = Logged()
l.a = 1
print(l.a)
del l.a

class Desc:
    def __get__(self, obj, objtype=None):
        return ('get', obj is None, objtype.__name__)
    def __set__(self, obj, value):
        print('desc set', value)
class HasDesc:
    d = Desc()
h = HasDesc()
print(h.d, HasDesc.d)
h.d = 9
h.__dict__['d'] = 'shadow?'
print(h.d)

class NonData:
    def __get__(self, obj, objtype=None):
        return 'nondata'
class HasNonData:
    n = NonData()
hn = HasNonData()
print(hn.n)
hn.n = 'instance'
print(hn.n)

class Private:
    def __init__(self):
        self.__secret = 1
    def get(self):
        return self.__secret
pr = Private()
print(pr.get(), pr._Private__secret, '__secret' in vars(pr))
try:
    pr.__secret
except AttributeError as e:
    print(e)
