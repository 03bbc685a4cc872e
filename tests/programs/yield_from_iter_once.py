"""`yield from` calls the iterable's `__iter__` once (GET_YIELD_FROM_ITER), and the
iterator's own `__iter__` never; errors of iter() as CPython's."""

class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        print('iter called')
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration('done')
        return self.n

class Iterable:
    def __iter__(self):
        print('Iterable.__iter__')
        return It()

def g(x):
    r = yield from x
    print('returned', r)

print(list(g(It())))
print(list(g(Iterable())))
try:
    list(g(5))
except TypeError as e:
    print('TypeError', e)
class Bad:
    def __iter__(self):
        return 3
try:
    list(g(Bad()))
except TypeError as e:
    print('TypeError', e)
def outer():
    yield from g(It())
print(list(outer()))
