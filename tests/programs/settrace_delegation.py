# `yield from` and `await` under a trace function: CPython 3.11's traced SEND reports the
# StopIteration an iterator raises (a generator returning a value, any send(), a coroutine, a
# class's __next__), a throw() or close() reaches the delegate before the delegating frame
# resumes, and the StopAsyncIteration that ends an `async for` is reported.
def inner():
    try:
        x = yield 1
        yield x
    except KeyError:
        yield 'caught'
    return 'done'


def outer():
    r = yield from inner()
    s = yield r
    return s


g = outer()
print(next(g), g.send(5), g.throw(KeyError))
print(g.send(None))
try:
    g.send('last')
except StopIteration as stop:
    print('returned', stop.value)
g = outer()
next(g)
g.close()
g = outer()
next(g)
try:
    g.throw(ValueError)
except ValueError:
    print('ValueError came back')


def from_list():
    r = yield from [1, 2]
    yield r


print(list(from_list()))


class Counter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(7)
        return self.n


def from_class():
    r = yield from Counter()
    yield r


print(list(from_class()))
for a, b in zip(Counter(), 'xyz'):
    print(a, b)


class Sleep:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        value = yield self.label
        return f'{self.label} resumed with {value}'


class Manager:
    async def __aenter__(self):
        await Sleep('enter')
        return 'value'

    async def __aexit__(self, *exc):
        await Sleep('exit')
        return True


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Sleep(f'tick{self.n}')
        return self.n


async def child(n):
    return await Sleep(f'child{n}')


async def parent():
    results = [await child(1), await child(2)]
    async with Manager() as value:
        results.append(value)
        raise ValueError('suppressed')
    async for i in Countdown(2):
        results.append(i)
    results.append([x async for x in Countdown(2)])
    return results


def run(coroutine):
    sent = None
    while True:
        try:
            yielded = coroutine.send(sent)
        except StopIteration as stop:
            return stop.value
        sent = yielded.upper()


print(run(parent()))
