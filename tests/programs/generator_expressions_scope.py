# Generator expressions: laziness, first iterable evaluated eagerly, closures over loop vars.
def source():
    print('source evaluated')
    return range(3)
g = (x * 2 for x in source())
print('created')
print(list(g))
try:
    (x for x in 5)
except TypeError as e:
    print(e)
gens = [(i * j for j in range(2)) for i in range(3)]
print([list(gg) for gg in gens])
def lazy_error():
    yield 1
    raise ValueError('late')
ge = (v for v in lazy_error())
print(next(ge))
try:
    next(ge)
except ValueError as e:
    print('late error', e)
print(sum(i for i in range(101)), max((len(w), w) for w in ['a', 'bbb', 'cc']))
nested = ((a, b) for a in range(2) for b in range(a, 2))
print(list(nested))
ge2 = (i for i in range(3))
print(ge2.__name__, type(ge2).__name__, iter(ge2) is ge2)
ge2.close()
print(list(ge2))
