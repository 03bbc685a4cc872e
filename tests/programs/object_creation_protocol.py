# __new__ returning another type skips __init__; __init__ errors; __call__ on metaclass; copies.
class Other:
    pass
class Weird:
    def __new__(cls):
        print('Weird.__new__')
        return Other()
    def __init__(self):
        print('never called')
print(type(Weird()).__name__)
class Validated:
    def __new__(cls, value):
        if value < 0:
            raise ValueError('negative')
        return super().__new__(cls)
    def __init__(self, value):
        self.value = value
print(Validated(3).value)
try:
    Validated(-1)
except ValueError as e:
    print(e)
class Registry(type):
    created = []
    def __call__(cls, *args, **kwargs):
        instance = super().__call__(*args, **kwargs)
        Registry.created.append(type(instance).__name__)
        return instance
class Tracked(metaclass=Registry):
    def __init__(self, x=0):
        self.x = x
Tracked(); Tracked(x=5)
print(Registry.created)
Dyn = type('Dyn', (Tracked,), {'double': lambda self: self.x * 2})
print(Dyn(4).double(), Registry.created[-1], Dyn.__mro__[1].__name__)
class Immutable(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
im = Immutable(1, 2)
print(im, im.first, isinstance(im, tuple), len(im))
class MyList(list):
    def append(self, item):
        super().append(item * 10)
ml = MyList([1])
ml.append(2)
print(ml, type(ml).__name__, ml + [3])
class MyDict(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]
md = MyDict()
print(md['abc'], md)
class MyStr(str):
    def shout(self):
        return self.upper() + '!'
print(MyStr('hi').shout(), MyStr('a') + 'b', type(MyStr('a') + 'b').__name__)
class MyInt(int):
    def __add__(self, other):
        return MyInt(int(self) + other + 1000)
print(MyInt(1) + 1, 1 + MyInt(1), type(MyInt(5) * 2).__name__)
