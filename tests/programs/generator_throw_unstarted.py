"""throw() into a generator or coroutine that never ran raises in its frame at its first line:
the traceback has the caller's entry, the generator's, then the thrown exception's own."""
import traceback


def gen():
    try:
        yield
    except Exception:
        raise


async def coro():
    return 1


def levels(tb):
    found = []
    while tb:
        found.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return found


g = gen()
try:
    1 / 0
except ZeroDivisionError as error:
    try:
        g.throw(error)
    except Exception as caught:
        print(levels(caught.__traceback__))
        traceback.print_exc()
print(g.gi_frame, next(g, 'done'))

for thrower in (gen(), coro()):
    try:
        thrower.throw(ValueError('thrown'))
    except ValueError:
        traceback.print_exc()
    try:
        thrower.throw(KeyError)
    except KeyError as error:
        print(type(thrower).__name__, levels(error.__traceback__))

started = gen()
next(started)
try:
    started.throw(TypeError('in the body'))
except TypeError as error:
    print(levels(error.__traceback__))
