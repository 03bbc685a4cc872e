# Properties overridden in subclasses, super() inside properties, __get__ on classmethod/staticmethod.
class Base:
    def __init__(self):
        self._x = 1
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        print('Base setter', v)
        self._x = v
class Child(Base):
    @property
    def x(self):
        return super().x * 10
    @x.setter
    def x(self, v):
        print('Child setter', v)
        Base.x.fset(self, v + 1)
c = Child()
print(c.x)
c.x = 5
print(c.x, Base.x.__get__(c))
class Cached:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, owner):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        print('computed', self.name)
        return value
class Data:
    @Cached
    def expensive(self):
        return 42
d = Data()
print(d.expensive, d.expensive, type(Data.expensive).__name__)
class Meta(type):
    @property
    def meta_prop(cls):
        return f'meta prop of {cls.__name__}'
class UsesMeta(metaclass=Meta):
    pass
print(UsesMeta.meta_prop)
try:
    UsesMeta().meta_prop
except AttributeError as e:
    print(e)
print(classmethod(lambda cls: cls.__name__).__get__(None, Data)())
print(staticmethod(lambda: 'static').__get__(None, Data)())
class Abstract:
    @property
    def name(self):
        raise NotImplementedError
class Concrete(Abstract):
    name = 'concrete'
print(Concrete().name)
