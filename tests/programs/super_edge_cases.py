# super() in classmethods, staticmethods, __new__, nested functions, and its errors.
class A:
    def __new__(cls, *args):
        print('A.__new__', cls.__name__)
        return super().__new__(cls)
    def __init__(self, x):
        self.x = x
    @classmethod
    def make(cls):
        return f'A.make for {cls.__name__}'
    def greet(self):
        return 'A'
class B(A):
    def __new__(cls, *args):
        print('B.__new__')
        return super().__new__(cls, *args)
    @classmethod
    def make(cls):
        return 'B+' + super().make()
    def greet(self):
        return 'B>' + super().greet()
    @staticmethod
    def static():
        try:
            super()
        except RuntimeError as e:
            return str(e)
b = B(1)
print(b.x, B.make(), b.greet(), B.static())
print(super(B, b).greet(), super(A, b).__class__.__name__, isinstance(super(B, b), super))
class C(B):
    def greet(self):
        parts = [super().greet()]
        def inner():
            return super(C, self).greet()
        parts.append(inner())
        return parts
print(C(2).greet())
def outside():
    super()
try:
    outside()
except RuntimeError as e:
    print(e)
class D:
    def method(self):
        return __class__
print(D().method() is D)
