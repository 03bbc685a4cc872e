"""Parameters and free variables whose names the call machinery could take for its own:
functions of one layout share the host template, each keeps its own names."""
import asyncio
import inspect


def temporaries(frame, state, back=1, *body, depth, error=2, **sent):
    return frame, state, back, body, depth, error, sorted(sent)


print(temporaries(1, 2, depth=3))
print(temporaries(state=5, frame=4, depth=6, item=7, pending=8, thrown=9))
print(temporaries(1, 2, 3, 4, 5, depth=6, error=7, x=8))
print(inspect.signature(temporaries))
print(temporaries.__code__.co_varnames[:7], temporaries.__code__.co_argcount,
      temporaries.__code__.co_kwonlyargcount)


def generic_names(_p1, _p0, /, _v0=10, *, _p2):
    return _p1, _p0, _v0, _p2


print(generic_names(1, 2, _p2=3), generic_names(1, 2, _v0=4, _p2=5))
try:
    generic_names(_p1=1, _p0=2, _p2=3)
except TypeError as error:
    print(error)


# the same layout, other names: each function binds its own keywords
def first(a, b=2):
    return ('first', a, b)


def second(x, y=3):
    return ('second', x, y)


print(first(b=5, a=1), second(y=6, x=0))
for function, keywords in ((first, {'x': 1}), (second, {'a': 1}), (first, {'a': 1, 'c': 2})):
    try:
        function(**keywords)
    except TypeError as error:
        print(error)


def outer(frame, _v0):
    item = 'item'
    sent = [frame]

    def inner(body, _p0=None):
        sent.append(body)
        return frame, _v0, item, sent, body, _p0

    return inner


inner = outer('f', 'v')
print(inner('b'), inner.__code__.co_freevars, inner.__code__.co_varnames)


def cells(frame, state):
    depth = frame * 2

    def read():
        return frame, state, depth

    state += 1
    return read()


print(cells(1, 2))


def generator(frame, *, sent=None):
    thrown = yield frame
    yield thrown, sent


running = generator('g', sent='s')
print(next(running), running.send('t'), generator.__code__.co_varnames[:2])


async def coroutine(state, back=0):
    return state + back


async def async_generator(pending, error='e'):
    yield pending
    yield error


async def main():
    print(await coroutine(1, back=2), [x async for x in async_generator('p')])


asyncio.run(main())
print((lambda frame, *state: (frame, state))(1, 2, 3))
print(inspect.signature(lambda frame=1, *, body: 0))
