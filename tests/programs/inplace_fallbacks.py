# In-place operators falling back to binary ones, NotImplemented chains, identity equality fallback.
class Acc:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        print('__add__')
        return Acc(self.v + other)
    def __iadd__(self, other):
        print('__iadd__ declines')
        return NotImplemented
    def __repr__(self):
        return f'Acc({self.v})'
a = Acc(1)
before = a
a += 2
print(a, a is before)
class OnlyRadd:
    def __radd__(self, other):
        return 'radd wins'
x = 5
x += OnlyRadd()
print(x)
class Never:
    def __eq__(self, other):
        return NotImplemented
n1, n2 = Never(), Never()
print(n1 == n1, n1 == n2, n1 != n2)
try:
    n1 < n2
except TypeError as e:
    print(e)
class Ordered:
    def __init__(self, k):
        self.k = k
    def __lt__(self, other):
        return self.k < other.k
    def __repr__(self):
        return f'O{self.k}'
print(sorted([Ordered(3), Ordered(1), Ordered(2)]), max(Ordered(1), Ordered(5)))
try:
    sorted([1, 'a'])
except TypeError as e:
    print(e)
lst = [1]
lst *= 3
print(lst)
s = {1}
s |= {2}
s &= {2, 3}
print(s)
d = {'a': 1}
d |= {'b': 2}
print(d)
