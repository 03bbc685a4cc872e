# Metaclasses, __prepare__, __init_subclass__, __set_name__, class keywords, __class_getitem__.
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
    def __new__(mcs, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        print('init', name)
    def __call__(cls, *args):
        print('meta call', args)
        return super().__call__(*args)

class A(metaclass=Meta, flag=True):
    x = 1
    def __init__(self, v):
        self.v = v
print(A.injected, A(5).v, type(A).__name__)

class Base:
    subclasses = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.subclasses.append(cls.__name__)
class S1(Base, tag='one'):
    pass
class S2(Base):
    pass
print(Base.subclasses, S1.tag, S2.tag)

class Field:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return f'field {self.name} of {type(obj).__name__}'
class Model:
    a = Field()
    b = Field()
print(Model().a, Model.b.name)

class Generic:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item}]'
print(Generic[int])

class WithDoc:
    """The docstring."""
    print(__qualname__, __module__)
print(WithDoc.__doc__, WithDoc.__qualname__, WithDoc.__module__)

class Outer:
    class Inner:
        def m(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)

def factory():
    class Local:
        pass
    return Local
print(factory().__qualname__)

class Conflict1(type):
    pass
class Conflict2(type):
    pass
class P1(metaclass=Conflict1):
    pass
class P2(metaclass=Conflict2):
    pass
try:
    class Bad(P1, P2):
        pass
except TypeError as e:
    print(e)

class Mro(type):
    def mro(cls):
        return [cls, object]
class Custom(metaclass=Mro):
    pass
print(Custom.__mro__)
print(type('Dyn', (object,), {'z': 3})().z)

class Entries:
    def __mro_entries__(self, bases):
        return (dict,)
class FromEntries(Entries()):
    pass
print(FromEntries.__bases__, FromEntries.__orig_bases__[0].__class__.__name__)
