# super() with and without arguments, cooperative multiple inheritance, MRO.
class A:
    def who(self):
        return ['A']
    @classmethod
    def cm(cls):
        return f'A.cm({cls.__name__})'
class B(A):
    def who(self):
        return ['B'] + super().who()
    @classmethod
    def cm(cls):
        return 'B>' + super().cm()
class C(A):
    def who(self):
        return ['C'] + super().who()
class D(B, C):
    def who(self):
        return ['D'] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
print(D.cm())
print(super(B, D()).who())

class E:
    def __init__(self):
        self.log = ['E']
class F(E):
    def __init__(self):
        super().__init__()
        self.log.append('F')
print(F().log)

class G:
    def method(self):
        return __class__.__name__
print(G().method())

class H:
    def m(self):
        def inner():
            return super(H, self).__repr__()[:10]
        return inner()
print(H().m())

try:
    class X(A, A):
        pass
except TypeError as e:
    print(e)
class O1: pass
class O2(O1): pass
try:
    class O3(O1, O2): pass
except TypeError as e:
    print(e)

class Prop:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        self._v = value * 2
    @v.deleter
    def v(self):
        print('deleting')
p = Prop()
p.v = 5
print(p.v)
del p.v
class RO:
    @property
    def r(self):
        return 1
try:
    RO().r = 2
except AttributeError as e:
    print(e)

class Statics:
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def c(cls, x):
        return cls.__name__, x
print(Statics.s(2), Statics().s(3), Statics.c(1), Statics().c(2))
class SubStatics(Statics):
    pass
print(SubStatics.c(0))
