class CNS:
    def __init__(self):
        self._dct = {}
        self.order = []

    def __setitem__(self, item, value):
        self._dct[item.lower()] = value

    def __getitem__(self, item):
        return self._dct[item]


ns = {'__annotations__': CNS()}
exec('X: int; Z: str = "Z"; (w): complex = 1j', ns)
print(ns['__annotations__']['x'], ns['__annotations__']['z'], ns['Z'])
try:
    ns['__annotations__']['w']
except KeyError as e:
    print('KeyError', e)

seen = []


class Recorder:
    def __init__(self):
        self._dct = {}

    def __setitem__(self, item, value):
        seen.append(item)
        self._dct[item] = value

    def __getitem__(self, item):
        return self._dct[item]


exec('x: int = 1', {}, Recorder())
print(seen)


class CMeta(type):
    @classmethod
    def __prepare__(metacls, name, bases, **kwds):
        return {'__annotations__': CNS()}


class CC(metaclass=CMeta):
    XX: 'ANNOT'


print(CC.__annotations__['xx'])


class Ordered(type):
    @classmethod
    def __prepare__(metacls, name, bases, **kwds):
        class Log(dict):
            def __setitem__(self, key, value):
                seen.append(key)
                super().__setitem__(key, value)
        return Log()


seen.clear()


class D(metaclass=Ordered):
    """doc"""
    a: int = 1


print(seen)

if True:
    y: int = 2
for _ in range(1):
    try:
        z: str
    except Exception:
        pass
print(__annotations__)
