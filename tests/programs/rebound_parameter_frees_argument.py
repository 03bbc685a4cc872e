"""Rebinding a parameter drops the function's reference to the argument, as in CPython:
the argument can be collected while the function (or generator) still runs."""
import gc
import weakref


class Payload:
    pass


def function(a, *rest, b=None, **options):
    a = weakref.ref(a)
    b = weakref.ref(b)
    gc.collect()
    print('function:', a(), b(), rest, options)


function(Payload(), b=Payload())


def generator(a, b):
    a = weakref.ref(a)
    b = weakref.ref(b)
    gc.collect()
    yield a() is None, b() is None


print('generator:', list(generator(Payload(), b=Payload())))


def keeps(a):
    ref = weakref.ref(a)
    gc.collect()
    print('kept while bound:', ref() is a)
    del a
    gc.collect()
    print('freed after del:', ref())


keeps(Payload())


def defaults_and_kinds(x=1, /, y=2, *args, z, **kwargs):
    return x, y, args, z, kwargs


print(defaults_and_kinds(z=3), defaults_and_kinds(5, 6, 7, z=8, w=9))


def closure_parameter(value):
    def inner():
        return value
    value = weakref.ref(value)
    gc.collect()
    return inner()() is None


print('closure parameter freed:', closure_parameter(Payload()))
