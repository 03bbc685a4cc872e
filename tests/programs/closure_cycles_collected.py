# A closure whose cell refers back to the function (a recursive inner function, as Werkzeug's
# router defines on each match) is garbage once nothing else refers to it: the collector frees
# the cycle function -> cell -> function, as in CPython.
import gc
import weakref


def make_recursive():
    def countdown(n):
        return 0 if n == 0 else 1 + countdown(n - 1)
    return countdown


def make_pair():
    def even(n):
        return True if n == 0 else odd(n - 1)

    def odd(n):
        return False if n == 0 else even(n - 1)
    return even


def make_generator_closure():
    def walk(n):
        if n:
            yield n
            yield from walk(n - 1)
    return walk


class Node:
    pass


def make_bound():
    node = Node()

    def visit():
        return node
    node.visit = visit
    return node


gc.disable()  # collected below, when the test says so
for factory in (make_recursive, make_pair, make_generator_closure, make_bound):
    made = factory()
    if factory is make_recursive:
        print(made(5))
    elif factory is make_pair:
        print(made(7))
    elif factory is make_generator_closure:
        print(list(made(3)))
    reference = weakref.ref(made)
    del made
    gc.collect()
    print(factory.__name__, 'collected:', reference() is None)
gc.enable()


# a generator or coroutine of a closure still reaches its cells when the function is gone
def make_generator(k):
    def gen(n):
        yield n + k
    return gen


async def make_coroutine(k):
    async def add(n):
        return n + k
    return add


started_late = make_generator(5)(1)
gc.collect()
print(next(started_late))
coroutine = make_coroutine(7).send
try:
    coroutine(None)
except StopIteration as stop:
    add = stop.value
awaited = add(2)
del add
gc.collect()
try:
    awaited.send(None)
except StopIteration as stop:
    print(stop.value)
