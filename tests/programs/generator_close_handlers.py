"""close() of a generator whose handlers swallow GeneratorExit: the code after them runs, a
yield instead makes close() raise RuntimeError and the generator stays resumable."""
import sys
import traceback


def after_handler():
    try:
        yield 1
    except GeneratorExit:
        print('cleanup')
    print('after the handler')


def loop_until_closed():
    total = 0
    while True:
        try:
            x = yield total
        except GeneratorExit:
            print('exit seen at', total)
            break
        total += x
    print('loop done', total)


def swallow_then_yield():
    try:
        yield 1
    except BaseException:  # noqa: BLE001, S110 - swallows the GeneratorExit
        pass
    yield 2
    print('resumed after close')
    yield 3


def yields_in_handler():
    try:
        yield 1
    except GeneratorExit:
        value = yield 2
        print('sent after refused close:', value)
    yield 3


def yields_in_finally():
    try:
        yield 'body'
    finally:
        print('finally runs')
        yield 'in finally'
        print('finally resumed')


def returns_in_finally():
    try:
        yield 1
    finally:
        return 'kept'  # noqa: B012 - swallows the GeneratorExit


def tuple_and_alias():
    Base = BaseException
    try:
        yield 1
    except (ValueError, Base):
        print('alias caught', sys.exc_info()[0].__name__)
    try:
        yield 2
    except ValueError:
        print('never')


def delegating():
    result = yield from swallow_then_yield()
    print('delegation returned', result)


def thrown_errors():
    try:
        yield 1
    except ValueError as e:
        print('caught', e)
        yield 'handled'
    except GeneratorExit:
        print('closing')
    yield 'last'


def run(label, gen, steps=1):
    print('--', label)
    for _ in range(steps):
        print('next ->', next(gen))
    try:
        print('close ->', gen.close())
    except RuntimeError as e:
        print('RuntimeError', e)
    print('frame after close:', gen.gi_frame is not None)


run('after_handler', after_handler())
g = loop_until_closed()
next(g)
g.send(4)
g.send(5)
run('loop', g, 0)
g = swallow_then_yield()
run('swallow_then_yield', g)
print('next after refused close ->', next(g))
print('close again ->', g.close())
g = yields_in_handler()
run('yields_in_handler', g)
print('send ->', g.send('hello'))
g.close()
g = yields_in_finally()
run('yields_in_finally', g)
try:
    next(g)
except GeneratorExit:
    print('the GeneratorExit goes on after the finally')
run('returns_in_finally', returns_in_finally())
g = tuple_and_alias()
run('tuple_and_alias', g)
g = delegating()
run('delegating', g)  # the RuntimeError of the inner close ends the delegating generator
g = thrown_errors()
next(g)
print('throw ->', g.throw(ValueError('bad')))
print('next ->', next(g))
g.close()
g = thrown_errors()
next(g)
run('thrown_errors close', g, 0)
print('next ->', next(g, 'exhausted'))


def lineno_while_suspended():
    try:
        yield 1
    except GeneratorExit:
        pass
    yield 2


g = lineno_while_suspended()
next(g)
print('suspended at', g.gi_frame.f_lineno)
try:
    g.close()
except RuntimeError:
    print('suspended at', g.gi_frame.f_lineno)


def fails_after_close():
    try:
        yield 1
    except GeneratorExit:
        pass
    raise KeyError('after close')


g = fails_after_close()
next(g)
try:
    g.close()
except KeyError:
    traceback.print_exc(file=sys.stdout)


def uncaught():
    try:
        yield 1
    except GeneratorExit:
        pass
    yield 2
    print(1 / 0)


g = uncaught()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)
next(g)
