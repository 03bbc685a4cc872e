# Generators with cells, nested functions and classes, yields inside calls and displays, del.
def gen_with_closure():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    while count < 3:
        yield bump()
    class Local:
        value = count
    yield Local.value
print(list(gen_with_closure()))
def yields_in_arguments():
    result = max((yield 'a'), (yield 'b'))
    pair = [(yield 'c'), 'fixed', *(yield 'd')]
    yield result, pair
g = yields_in_arguments()
print(next(g), g.send(3), g.send(7), g.send('x'), g.send([1, 2]))
def loop_delegate():
    total = 0
    while True:
        got = yield from inner_gen(total)
        total += got
        if total > 5:
            break
    return total
def inner_gen(base):
    received = yield base
    return received or 2
print(list(loop_delegate()))
def with_return():
    class CM:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            print('exit', a[0])
    with CM():
        yield 1
        return 'done'
wr = with_return()
print(next(wr))
try:
    next(wr)
except StopIteration as e:
    print('returned', e.value)
def delete_in_gen():
    x = 1
    yield x
    del x
    try:
        yield x
    except UnboundLocalError as e:
        yield str(e)
print(list(delete_in_gen()))
def star_gen():
    yield from range(3)
def take(*args):
    return args
print(take(*star_gen()), [*star_gen()], {*star_gen()} == {0, 1, 2})
counter = 0
def global_gen():
    global counter
    for i in range(3):
        counter += i
        yield counter
print(list(global_gen()), counter)
def conditional_yield(flag):
    value = (yield 1) if flag else 'no yield'
    yield value
print(list(conditional_yield(False)))
c = conditional_yield(True)
print(next(c), c.send('sent'))
def gen_lambda_default():
    fn = lambda x=(1, 2): x
    yield fn()
print(list(gen_lambda_default()))
