# An operator tree inlined into one closure still reports the innermost failing operation.
class V:
    def __init__(self, x):
        self.x = x
    def __mul__(self, o):
        raise ArithmeticError('no mul')
    def __add__(self, o):
        return self
def f(a, b, c):
    x = a * b + c / (a - 1)
    return x
def g(v, w):
    return v + w * 3 - -v
print(f(2, 3, 4))
try:
    f(1, 2, 3)
except ZeroDivisionError as e:
    print(e)
try:
    g(V(1), V(2))
except ArithmeticError as e:
    print(e)
g(V(1), V(2))
