# Targets spread over several lines: CPython reports the line of each store after the
# value's (an unpacking, then each name's store), in assignments, loops, `with` and
# generator bodies; an unpacking that fails reports only its own line.
import sys


def tracer(frame, event, arg):
    if frame.f_code.co_name != 'tracer':
        print(f'{event:9} {frame.f_code.co_name:10} {frame.f_lineno}')
    return tracer


class Box:
    pass


box = Box()


def assignments():
    (a,
     b,
     c) = range(3)
    [d, (e,
     g)] = 1, (2,
       3)
    box.y, z = 1, 2
    h, *i, \
      j = range(4)
    first = (second,
             third) = 'xy'
    return a + b + c + d + e + g + h + j + z, i, first, second, third


def loops():
    total = 0
    for (k,
         m) in [(1, 2), (3, 4)]:
        total += k * m
    return total


def failing():
    try:
        (p,
         q) = range(3)
    except ValueError as error:
        return str(error)


def generator():
    (r,
     s) = yield 1
    yield r + s


sys.settrace(tracer)
print(assignments())
print(loops())
print(failing())
running = generator()
next(running)
print(running.send((5, 6)))
sys.settrace(None)
