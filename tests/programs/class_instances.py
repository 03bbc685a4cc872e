# __new__/__init__, __repr__/__str__, __eq__/__hash__, __call__, __getitem__ with slices, __len__.
class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            print('creating')
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, value):
        print('init', value)
        self.value = value
a = Singleton(1)
b = Singleton(2)
print(a is b, a.value)
class Vec:
    def __init__(self, *items):
        self.items = list(items)
    def __repr__(self):
        return f'Vec{tuple(self.items)}'
    def __str__(self):
        return 'vector of ' + str(len(self))
    def __len__(self):
        return len(self.items)
    def __getitem__(self, key):
        if isinstance(key, slice):
            return Vec(*self.items[key])
        return self.items[key]
    def __setitem__(self, key, value):
        self.items[key] = value
    def __delitem__(self, key):
        del self.items[key]
    def __eq__(self, other):
        return isinstance(other, Vec) and self.items == other.items
    def __hash__(self):
        return hash(tuple(self.items))
    def __call__(self, scale):
        return Vec(*(i * scale for i in self.items))
    def __iter__(self):
        return iter(self.items)
    def __contains__(self, x):
        return x in self.items
v = Vec(1, 2, 3, 4)
print(v, str(v), repr(v), len(v), v[1], v[1:3], v[::-1], v[-1])
v[0] = 10
del v[1]
print(v, v(2), 3 in v, list(v))
print(Vec(1) == Vec(1), {Vec(1): 'a'}[Vec(1)], len({Vec(1), Vec(1)}))
class NoEq:
    pass
n = NoEq()
print(n == n, n != NoEq(), hash(n) == hash(n))
print(isinstance(v, Vec), issubclass(Vec, object), type(v) is Vec, v.__class__.__name__)
class WithClassAttr:
    count = 0
    def __init__(self):
        WithClassAttr.count += 1
        self.count_at_init = self.count
WithClassAttr()
w = WithClassAttr()
print(WithClassAttr.count, w.count_at_init)
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print(e)
class Abstractish:
    def method(self):
        raise NotImplementedError('subclass must implement')
try:
    Abstractish().method()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(getattr(v, 'missing', 'fallback'), hasattr(v, 'items'), callable(v), callable(5))
setattr(v, 'extra', 1)
print(v.extra, vars(v).keys())
