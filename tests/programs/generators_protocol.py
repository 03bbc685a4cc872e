# Generators: send, throw, close, yield from delegation, return values, StopIteration.
def gen():
    try:
        x = yield 1
        print('got', x)
        y = yield x * 2
        print('got', y)
    except ValueError as e:
        print('caught', e)
        yield 'after throw'
    finally:
        print('cleanup')
    return 'result'

g = gen()
print(next(g))
print(g.send(10))
print(g.throw(ValueError('boom')))
try:
    next(g)
except StopIteration as e:
    print('stop', e.value)

g = gen()
next(g)
g.close()
print('closed')

def sub():
    r = yield 'sub1'
    print('sub got', r)
    yield 'sub2'
    return 'sub done'
def delegator():
    result = yield from sub()
    print('result', result)
    yield 'final'
d = delegator()
print(next(d), d.send('hello'), next(d))
print(list(delegator()))

def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(counter(4)), sum(counter(10)))
print(type(counter(1)).__name__, counter.__name__, counter(1).__name__)

def gen_raise():
    yield 1
    raise StopIteration('bad')
try:
    list(gen_raise())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def close_ignored():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = close_ignored()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)

def yf_list():
    yield from [1, 2]
    yield from 'ab'
print(list(yf_list()))
gexp = (x * x for x in range(4) if x % 2 == 0)
print(list(gexp), list(gexp))
print(next(iter(range(3))))
def running():
    yield g2.gi_running
g2 = running()
print(next(g2))
def throw_in_sub():
    try:
        yield 1
    except KeyError:
        yield 'sub handled'
def outer_throw():
    yield from throw_in_sub()
o = outer_throw()
next(o)
print(o.throw(KeyError))
