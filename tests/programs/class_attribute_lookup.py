# Attribute lookup order: instance dict, class, bases; shadowing and deleting; class mutation.
class Base:
    shared = 'base shared'
    def method(self):
        return 'base method'
class Child(Base):
    pass
c = Child()
print(c.shared, c.method())
c.shared = 'instance shadow'
print(c.shared, Child.shared)
del c.shared
print(c.shared)
Base.shared = 'changed on base'
print(c.shared)
Child.method = lambda self: 'patched method'
print(c.method(), Base().method())
c.method = lambda: 'instance function (no self)'
print(c.method())
class Counter:
    instances = []
    def __init__(self):
        self.instances.append(self)
Counter(); Counter()
print(len(Counter.instances))
print(getattr(Child, 'method')(c), type(c).__mro__[1].__name__, Child.__dict__.get('shared'))
print(hasattr(c, 'nope'), getattr(c, 'nope', None))
try:
    del c.nope
except AttributeError as e:
    print(e)
try:
    Child.missing
except AttributeError as e:
    print(e)
class Dynamic:
    def __getattr__(self, name):
        return f'dynamic {name}'
d = Dynamic()
d.real = 'real'
print(d.real, d.virtual)
