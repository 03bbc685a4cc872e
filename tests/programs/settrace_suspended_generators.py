"""sys.settrace started while generators, generator expressions and coroutines are suspended
(or running): each later resumption reports 'call', each suspension 'return' with the value,
a `yield from`/`await` chain resumes outermost first and suspends innermost first, a
delegation's return value reaches the delegating frame as a StopIteration 'exception', and
throw() and close() report in the generator they reach; a loop that was running reports its
header on each pass, its last too."""
import sys
import types


def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__ or frame.f_code.co_name == 'tracer':
        return None
    if event == 'return':
        extra = repr(arg)
    elif event == 'exception':
        extra = f'{arg[0].__name__}{arg[1].args!r}'
    else:
        extra = ''
    print(event, frame.f_code.co_name, frame.f_lineno, extra)
    return tracer


def gen():
    x = yield 1
    print('got', x)
    try:
        yield 2
    except ValueError:
        yield 'caught'
    yield 3
    return 'end'


def outer():
    r = yield from gen()
    print('outer got', r)
    yield 'last'


def simple():
    yield 'a'
    yield 'b'


def loop(items):
    for item in items:
        yield item
    while True:
        x = yield 'w'
        if x:
            break


@types.coroutine
def tick():
    yield 'tick'


async def leaf(n):
    await tick()
    return n * 2


async def worker():
    total = 0
    for i in range(2):
        total += await leaf(i)
    return total


def drive(coroutine):
    try:
        while True:
            print('yielded', coroutine.send(None))
    except StopIteration as stop:
        print('result', stop.value)


def running():
    # a generator running when tracing starts: its later suspensions report
    sys.settrace(tracer)
    yield 'first'
    yield 'second'


g = gen()
next(g)
o = outer()
next(o)
s = simple()
next(s)
c = simple()
next(c)
lp = loop([1, 2])
next(lp)
ge = (i * 2 for i in range(3))
next(ge)
w = worker()
print('yielded', w.send(None))
sys.settrace(tracer)
print(g.send(10))
print(g.throw(ValueError))
print(next(g))
try:
    next(g)
except StopIteration as stop:
    print('stop', stop.value)
print(next(o), next(o), next(o), next(o, 'fin'))
s.close()
try:
    c.throw(KeyError('k'))
except KeyError:
    print('KeyError')
print(next(lp), next(lp), next(lp))
try:
    lp.send(1)
except StopIteration:
    print('loop over')
print(list(ge))
drive(w)
sys.settrace(None)

r = running()
print(next(r))
print(next(r))
print(next(r, 'done'))
sys.settrace(None)
