# Exception thrown into a generator, propagating through yield from, uncaught.
def inner():
    yield 'inner'
    yield 'more'
def outer():
    yield from inner()
g = outer()
print(next(g))
g.throw(KeyError('thrown in'))
