l3 = lambda : [2 < x for x in [-1, 3, 0]]
print(l3())
l4 = lambda x = lambda y = lambda z=1 : z : y() : x()
print(l4())
def f():
    l3 = lambda : [2 < x for x in [-1, 3, 0]]
    print(l3())
    l4 = lambda x = lambda y = lambda z=1 : z : y() : x()
    print(l4())
f()
print([[a for a in b] for b in [c for c in [[1], [2]]]])
g = lambda a=(lambda b=(lambda: 3): b()): a() + (lambda: 4)()
print(g())
