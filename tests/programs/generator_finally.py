# Generators with try/finally, return in finally, close() during iteration, with inside generators.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('open', self.name)
        return self
    def __exit__(self, *exc):
        print('close', self.name, exc[0].__name__ if exc[0] else None)
        return False
def reader():
    with Resource('file'):
        try:
            yield 'line1'
            yield 'line2'
        finally:
            print('reader finally')
r = reader()
print(next(r))
r.close()
print('after close')
for line in reader():
    print(line)
def early_return():
    try:
        yield 1
        return 'value'
    finally:
        print('finally before return')
print(list(early_return()))
def swallow():
    try:
        yield 1
    finally:
        return 'from finally'
g = swallow()
next(g)
try:
    g.throw(ValueError('lost'))
except StopIteration as e:
    print('StopIteration value:', e.value)
def nested_loops():
    for i in range(3):
        try:
            for j in range(3):
                if j == 1:
                    break
                yield (i, j)
        finally:
            print('finally', i)
        if i == 1:
            return
print(list(nested_loops()))
def gen_with_except():
    while True:
        try:
            value = yield
        except KeyError as e:
            print('handled', e)
        else:
            print('received', value)
g = gen_with_except()
next(g)
g.send(1)
g.throw(KeyError('k'))
g.send(2)
g.close()
def delegating():
    result = yield from early_return()
    print('delegated result', result)
print(list(delegating()))
