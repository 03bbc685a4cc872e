"""While a generator delegates with `yield from` to another generator, the inner one's frame
has the delegating frame as its f_back, however it is resumed (send, next, throw, close)."""
import sys
import traceback


def names(frame):
    found = []
    while frame is not None:
        name = frame.f_code.co_name
        if name.startswith('driver'):
            break
        found.append(name)
        frame = frame.f_back
    return found


def innermost():
    print('  innermost starts', names(sys._getframe()))
    try:
        received = yield 1
        print('  innermost got', received, names(sys._getframe()))
    except ValueError as error:
        print('  innermost caught', repr(error), names(sys._getframe()))
    try:
        yield 2
    finally:
        print('  innermost finally', names(sys._getframe()))
    return 'inner result'


def middle():
    print('  middle starts', names(sys._getframe()))
    result = yield from innermost()
    print('  middle resumed with', result, names(sys._getframe()))
    yield from [10, 11]
    print('  middle after list', names(sys._getframe()))
    yield 3
    return 'middle result'


def outer():
    print('  outer starts', names(sys._getframe()))
    result = yield from middle()
    print('  outer got', result, names(sys._getframe()))


def driver_send():
    gen = outer()
    print(next(gen))
    print(gen.send('hello'))
    print(next(gen), next(gen), next(gen))
    for _ in gen:
        pass


def driver_throw():
    gen = outer()
    next(gen)
    print(gen.throw(ValueError('thrown')))
    gen.close()
    print('closed', gen.gi_frame)


def driver_from_other_generator():
    def runner():
        yield from outer()
    for value in runner():
        print('value', value, names(sys._getframe()))


print('send:')
driver_send()
print('throw and close:')
driver_throw()
print('from another generator:')
driver_from_other_generator()


def failing_inner():
    yield 1
    raise KeyError('inner failure')


def delegating():
    yield from failing_inner()


def driver_traceback():
    gen = delegating()
    next(gen)
    try:
        next(gen)
    except KeyError:
        lines = traceback.format_exc().splitlines()
        print('\n'.join(line for line in lines if not line.startswith('  File "/')))


driver_traceback()


def depth_probe():
    frame = sys._getframe()
    depth = 0
    while frame is not None:
        depth += 1
        frame = frame.f_back
    yield depth


def depth_delegator():
    yield from depth_probe()


def driver_depth():
    first = next(depth_probe())
    delegated = next(depth_delegator())
    print('depth difference:', delegated - first)


driver_depth()


def refuses_bad_throw():
    try:
        yield from innermost()
    except TypeError as error:
        print('  delegating frame sees', error, names(sys._getframe()))
        yield 'after TypeError'


def driver_bad_throw():
    gen = refuses_bad_throw()
    next(gen)
    print(gen.throw(ValueError(1), 'extra'))
    print(names(sys._getframe()))


driver_bad_throw()
