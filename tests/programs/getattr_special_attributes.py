"""getattr() with a name interpreted code sees through the interpreter (a function's code, a
generator's code and frame, an exception's traceback) gives what the attribute gives; a
__prepare__ that returns no mapping."""
# ruff: noqa: B009 - getattr() with constant names is what this program checks
import types


def gen_func():
    yield 1


g = gen_func()
print(getattr(g, 'gi_code') is g.gi_code, getattr(gen_func, '__code__') is gen_func.__code__)
print(getattr(g, 'gi_frame') is g.gi_frame, getattr(g, 'gi_frame').f_code is gen_func.__code__)
print(getattr(1, '__code__', 'default'), getattr(len, '__code__', None))
next(g)
print(getattr(g, 'gi_frame') is g.gi_frame, g.gi_frame.f_lineno)
try:
    raise ValueError('v')
except ValueError as e:
    print(getattr(e, '__traceback__') is e.__traceback__)
    print(getattr(e, 'with_traceback')(None).__traceback__)
for args, keywords in [((), {}), ((1,), {}), ((1, 'x', 2, 3), {}),
                       ((1, '__code__'), {'default': 2}), ((1, 5), {})]:
    try:
        getattr(*args, **keywords)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    getattr(len, '__code__')
except AttributeError as e:
    print('AttributeError', e)
print(getattr.__name__, getattr.__module__, getattr.__doc__.splitlines()[0])


@types.coroutine
def wrapped():
    return g


print(getattr(wrapped(), 'gi_code') is g.gi_code)


class BadMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kwargs):
        return None


for meta in (BadMeta,):
    try:
        class Bad(metaclass=meta):
            pass
    except TypeError as e:
        print('TypeError', e)


class ListMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kwargs):
        return []


try:
    class FromList(metaclass=ListMeta):
        pass
except TypeError as e:
    print('TypeError', type(e).__name__, str(e)[:60])
