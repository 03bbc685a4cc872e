# __slots__ with inheritance, __dict__ and __weakref__ slots, class attributes vs slots.
class Base:
    __slots__ = ('a',)
class Child(Base):
    __slots__ = ('b',)
class Free(Base):
    pass
c = Child()
c.a, c.b = 1, 2
print(c.a, c.b, hasattr(c, '__dict__'))
f = Free()
f.a = 1
f.anything = 2
print(f.anything, f.__dict__)
class WithDict:
    __slots__ = ('x', '__dict__')
w = WithDict()
w.x = 1
w.y = 2
print(w.x, w.__dict__)
try:
    class Conflict:
        __slots__ = ('v',)
        v = 1
except ValueError as e:
    print(e)
print(sorted(Child.__slots__), type(Base.a).__name__)
class Counter:
    __slots__ = ('count',)
    def __init__(self):
        self.count = 0
    def incr(self):
        self.count += 1
        return self
print(Counter().incr().incr().count)
