"""sys.setprofile reports calls of built-in functions ('c_call', 'c_return', 'c_exception',
the function as the argument): built-in functions and methods, a method descriptor called with
its object (as the bound method), Memphis's own stand-ins for built-ins (exec, getattr,
sys._getframe); not calls of types or of interpreted functions; sys.settrace's function gets
none. cProfile's and profile's statistics list them."""
import cProfile
import io
import pstats
import sys


def describe(arg) -> str:
    owner = getattr(arg, '__self__', None)
    if owner is None or type(owner).__name__ == 'module':
        return arg.__name__
    return f'{type(owner).__name__}.{arg.__name__}'


def profiler(frame, event, arg):
    if event.startswith('c_'):
        print(event, describe(arg), frame.f_code.co_name)
    else:
        print(event, frame.f_code.co_name)


class Thing:
    attribute = 5


def numbers():
    yield 1
    yield 2


def work():
    items = []
    items.append(len('abc'))
    items.append(str.upper('x'))
    items.append('y'.upper())
    items.append(sorted([3, 1, 2], key=lambda v: -v))
    items.append(max(numbers()))
    items.append(getattr(Thing(), 'attribute'))
    items.append(list(map(abs, [-1, 2])))
    try:
        divmod(1, 0)
    except ZeroDivisionError:
        items.append('zero')
    namespace = {}
    exec('value = 1', namespace)
    items.append(sys._getframe().f_code.co_name)
    items.append(isinstance(items, list))
    return items


sys.setprofile(profiler)
result = work()
sys.setprofile(None)
print(result)


def tracer(frame, event, arg):
    print('trace', event, frame.f_code.co_name)
    return tracer


def measure():
    return len('abc')


sys.settrace(tracer)
measure()
sys.settrace(None)


def counted(stats) -> list:
    rows = []
    for (filename, line, name), row in stats.stats.items():
        if filename in ('~', '', __file__):
            rows.append((name, row[0], row[1]))
    return sorted(rows)


profile = cProfile.Profile()
profile.enable()
work()
profile.disable()
for row in counted(pstats.Stats(profile, stream=io.StringIO())):
    print('cProfile', *row)

import profile as pure_profile  # noqa: E402

pure = pure_profile.Profile()
pure.runcall(work)
for row in counted(pstats.Stats(pure, stream=io.StringIO())):
    print('profile', *row)


def define():
    class Local:
        pass

    return Local.__name__


sys.setprofile(profiler)
define()
sys.setprofile(None)
