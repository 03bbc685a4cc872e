# __add__/__radd__/__iadd__, NotImplemented fallbacks, reflected comparisons, __bool__/__len__.
class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f'V({self.x})'
    def __add__(self, other):
        print('add', self, other)
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented
    def __radd__(self, other):
        print('radd', self, other)
        return V(other + self.x)
    def __iadd__(self, other):
        print('iadd')
        self.x += other
        return self
    def __eq__(self, other):
        print('eq', self, other)
        return isinstance(other, V) and self.x == other.x
    def __lt__(self, other):
        print('lt', self, other)
        return NotImplemented
    def __gt__(self, other):
        print('gt', self, other)
        return self.x > getattr(other, 'x', other)
    __hash__ = None

class W(V):
    def __radd__(self, other):
        print('W radd')
        return W(0)

print(V(1) + V(2))
print(3 + V(4))
print(V(1) + 2)
v = V(1)
v += 5
print(v)
print(V(1) + W(2))
print(V(1) == V(1), V(1) != V(2))
print(V(1) < V(0))
print(5 < V(3))
try:
    V(1) + 'x'
except TypeError as e:
    print('TypeError', e)
try:
    hash(V(1))
except TypeError as e:
    print(e)

class Falsy:
    def __len__(self):
        return 0
class Truthy:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class BadBool:
    def __bool__(self):
        return 1
print(bool(Falsy()), bool(Truthy()), 'yes' if Falsy() else 'no')
try:
    if BadBool():
        pass
except TypeError as e:
    print(e)

class Container:
    def __contains__(self, item):
        return item == 3
    def __getitem__(self, i):
        if i > 5:
            raise IndexError
        return i * 10
print(3 in Container(), 4 in Container(), list(Container()))

class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], 'abcdef'[Idx():], bin(Idx()))

class Neg:
    def __neg__(self):
        return 'negated'
    def __invert__(self):
        return 'inverted'
    def __pos__(self):
        return 'pos'
print(-Neg(), ~Neg(), +Neg())
class MatMul:
    def __matmul__(self, o):
        return 'matmul'
    def __rmatmul__(self, o):
        return 'rmatmul'
print(MatMul() @ 1, 1 @ MatMul())
