"""A yield as the value of an augmented and of an annotated assignment."""

def g():
    x = 1
    x += yield 'a'
    y: int = yield x
    print(x, y)
it = g(); print(next(it)); print(it.send(10))
try: it.send(5)
except StopIteration: print('done')
