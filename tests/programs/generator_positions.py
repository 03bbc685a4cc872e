"""Generator-position matrix: yield and await in every place CPython allows them."""



def run(coroutine):
    """Drive a coroutine that never really suspends (no event loop needed)."""
    try:
        while True:
            coroutine.send(None)
    except StopIteration as stop:
        return stop.value


def drive(gen, sends):
    """Run a generator, sending the given values; print what it yields and returns."""
    out = []
    try:
        out.append(next(gen))
        for value in sends:
            out.append(gen.send(value))
    except StopIteration as stop:
        out.append(('return', stop.value))
    print(out)


def in_dict_display():
    d = {(yield 'k1'): (yield 'v1'), 'fixed': (yield 'v2'), **(yield 'mapping')}
    return d


drive(in_dict_display(), ['a', 1, 2, {'m': 3}])


def in_match_subject_and_body():
    match (yield 'subject'):
        case [x, y]:
            got = (yield ('pair', x, y))
            return got
        case {'k': v}:
            return (yield ('mapping', v))
        case _:
            return 'other'


drive(in_match_subject_and_body(), [[1, 2], 'sent'])
drive(in_match_subject_and_body(), [{'k': 9}, 'sent2'])
drive(in_match_subject_and_body(), [5])


def in_match_guard():
    match 3:
        case n if (yield n):
            return 'guard true'
        case _:
            return 'guard false'


drive(in_match_guard(), [1])
drive(in_match_guard(), [0])


def in_try_star():
    try:
        yield 'body'
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError as group:
        got = yield ('value-handler', len(group.exceptions))
        print('handler got', got)
    except* TypeError:
        yield 'type-handler'
    return 'done'


drive(in_try_star(), [None, 'x', None])


def in_comprehension_first_iterable():
    return [x * 2 for x in (yield 'iterable')]


drive(in_comprehension_first_iterable(), [[1, 2, 3]])


def in_genexp_first_iterable():
    g = (x + 1 for x in (yield 'it'))
    return list(g)


drive(in_genexp_first_iterable(), [[10, 20]])


def in_fstring():
    return f'<{(yield "a")}|{(yield "b")!r:>6}>'


drive(in_fstring(), ['A', 'B'])


def in_defaults_and_decorators():
    @(yield 'decorator')
    def inner(a=(yield 'default a'), *, b=(yield 'default b')):
        return a, b

    return inner(), inner.tag


def tagged(fn):
    fn.tag = 'decorated'
    return fn


drive(in_defaults_and_decorators(), [tagged, 1, 2])


def in_lambda_default():
    f = lambda a=(yield 'lam'): a
    return f()


drive(in_lambda_default(), [42])


def in_assert():
    assert (yield 'check'), (yield 'message')
    return 'passed'


drive(in_assert(), [True])
try:
    drive(in_assert(), [0, 'failed message'])
except AssertionError as error:
    print('AssertionError', error)


def in_del_target():
    d = {'a': 1, 'b': 2}
    del d[(yield 'key')]
    lst = [0, 1, 2, 3, 4]
    del lst[(yield 'start'):(yield 'stop')]
    return d, lst


drive(in_del_target(), ['a', 1, 3])


def in_augassign_target():
    d = {'a': 1}
    d[(yield 'key')] += (yield 'inc')
    lst = [1, 2, 3]
    lst[(yield 'i')] *= 10
    return d, lst


drive(in_augassign_target(), ['a', 5, 2])


class Box:
    def __init__(self):
        self.v = 1


def in_attr_augassign():
    boxes = [Box(), Box()]
    (yield 'boxes' if boxes else None) and None
    boxes[(yield 'index')].v += (yield 'inc')
    return boxes[0].v, boxes[1].v


drive(in_attr_augassign(), [None, 0, 7])


def in_slices():
    data = list(range(10))
    return data[(yield 'lo'):(yield 'hi'):(yield 'step')]


drive(in_slices(), [1, 8, 2])


def in_store_target():
    data = [0, 0, 0]
    data[(yield 'index')] = (yield 'value')
    obj = Box()
    [obj][(yield 'obj index')].v = 'set'
    return data, obj.v


drive(in_store_target(), ['V', 1, 0])


def in_starred_call():
    def show(*args, **kwargs):
        return args, kwargs

    return show(*(yield 'args'), **(yield 'kwargs'), last=(yield 'kw'))


drive(in_starred_call(), [(1, 2), {'k': 3}, 4])


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        cls.kw = kw
        return cls


def in_class_bases_and_keywords():
    class C((yield 'base'), metaclass=(yield 'meta'), flag=(yield 'flag')):
        pass

    return C.__bases__, C.kw, type(C).__name__


drive(in_class_bases_and_keywords(), [Box, Meta, True])


class CM:
    def __enter__(self):
        return 'entered'

    def __exit__(self, *exc):
        print('exit', exc[0])
        return False


def in_with_and_for():
    with (yield 'manager') as got:
        yield got
    for item in (yield 'iterable'):
        yield ('item', item)


drive(in_with_and_for(), [CM(), None, [1, 2], None, None])


def in_conditional_and_boolean():
    a = (yield 'a') if (yield 'test') else (yield 'b')
    b = (yield 'x') or (yield 'y')
    return a, b


drive(in_conditional_and_boolean(), [True, 'A', 0, 'Y'])


def in_comparisons_and_calls():
    return (yield 1) < (yield 2) < (yield 3), len((yield 'len'))


drive(in_comparisons_and_calls(), [1, 2, 3, 'abcd'])


def in_walrus_and_subscript():
    if (n := (yield 'n')) > 2:
        return n, [1, 2, 3][(yield 'i')]
    return n


drive(in_walrus_and_subscript(), [5, 0])


def in_return_and_raise():
    try:
        raise ValueError((yield 'message'))
    except ValueError as error:
        return str(error)


drive(in_return_and_raise(), ['boom'])


def in_set_list_tuple():
    return {(yield 1), (yield 2)}, [*(yield 'star')], ((yield 'a'), (yield 'b'))


drive(in_set_list_tuple(), [1, 2, 'xy', 'A', 'B'])


def in_while_test():
    n = 0
    while (yield n) != 'stop':
        n += 1
    return n


drive(in_while_test(), ['go', 'go', 'stop'])


def yield_from_values():
    got = yield from in_while_test()
    return 'delegated', got


drive(yield_from_values(), ['stop'])


# async positions

class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield from ()
        return self.value


async def agen(n):
    i = 0
    while i < n:
        yield i
        i += 1


async def async_positions():
    d = {await Ready('k'): await Ready('v')}
    match await Ready([1, 2]):
        case [a, b]:
            pair = (a, await Ready(b))
    squares = [x * x async for x in agen(4)]
    evens = [await Ready(x) for x in range(3)]
    ag = (x async for x in agen(3))
    from_ag = [x async for x in ag]
    awaiting = (await Ready(x) for x in range(3))
    from_awaiting = [x async for x in awaiting]
    text = f'{await Ready("f")}-{await Ready(3):03d}'
    data = [0, 1, 2, 3]
    data[await Ready(1)] += await Ready(10)
    del data[await Ready(0)]
    try:
        raise ExceptionGroup('g', [KeyError('k')])
    except* KeyError:
        caught = await Ready('caught')
    print(type(ag).__name__, type(awaiting).__name__)
    return d, pair, squares, evens, from_ag, from_awaiting, text, data, caught


print(run(async_positions()))


async def async_genexp_nested():
    outer = (y async for y in (x async for x in agen(3)))
    return [v async for v in outer]


print(run(async_genexp_nested()))


class Loud:
    """A container that reports each access, to check the order of evaluation."""

    def __init__(self):
        self.data = {'k': 1}

    def __getitem__(self, key):
        print('get', key)
        return self.data[key]

    def __setitem__(self, key, value):
        print('set', key, value)
        self.data[key] = value

    def __delitem__(self, key):
        print('del', key)


def evaluation_order():
    box = Loud()
    box[(yield 'key')] += (yield 'increment')
    box[(yield 'store key')] = (yield 'value')
    del box[(yield 'del key')], box[(yield 'second del key')]
    print(1 < (yield 'right') < (yield 'never asked') if False else 5 < (yield 'lhs'))
    return box.data


drive(evaluation_order(), ['k', 2, 'v', 'x', 'a', 'b', 3])


async def async_genexp_protocol():
    ag = (await Ready(x) * 10 for x in range(3))
    print(ag.__name__, ag.__qualname__.rsplit('.', 1)[-1])
    first = await ag.asend(None)
    second = await ag.__anext__()
    await ag.aclose()
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        print('exhausted after aclose')
    thrower = (x async for x in agen(5))
    await thrower.__anext__()
    try:
        await thrower.athrow(ValueError('thrown in'))
    except ValueError as error:
        print('athrow raised', error)
    return first, second


print(run(async_genexp_protocol()))


class LoudDict(dict):
    """Reports each store, to check that elements are stored left to right after unpacking."""

    def __setitem__(self, key, value):
        print('set', key, value)
        super().__setitem__(key, value)


def in_unpacking_targets():
    d = LoudDict()
    d[(yield 'a')], [d[(yield 'b')], *rest], last = (yield 'value')
    return d, rest, last


drive(in_unpacking_targets(), [[1, (2, 3, 4), 5], 'A', 'B'])
try:
    drive(in_unpacking_targets(), [[1, (2,), 5, 6], 'A'])
except ValueError as error:
    print('ValueError', error)
try:
    drive(in_unpacking_targets(), [5])
except TypeError as error:
    print('TypeError', error)


async def agen_awaiting_yield():
    got = await (yield 'first')
    yield ('awaited', got)
    async for item in (yield 'iterable'):
        yield ('item', item)


def run_async_generator():
    """Drive the async generator by hand: each asend's awaitable finishes at once."""
    ag = agen_awaiting_yield()
    out = []
    for value in (None, Ready('R'), None, agen(2), None, None):
        step = ag.asend(value)
        try:
            step.send(None)
        except StopIteration as stop:
            out.append(stop.value)
        except StopAsyncIteration:
            out.append('done')
            break
    return out


print(run_async_generator())


def failing_in_hoisted_position():
    data = {}
    data[(yield 'key')] += 1


generator = failing_in_hoisted_position()
next(generator)
generator.send('missing')
