# Memphis frames and code objects as the stdlib reads them: inspect (currentframe, stack,
# getframeinfo, signature, generator state), logging's caller, warnings' location, and the
# frame and code types of the types module.
import inspect
import logging
import sys
import types
import warnings

logging.basicConfig(format='%(filename)s:%(lineno)d %(funcName)s %(message)s',
                    stream=sys.stdout)


def where():
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    print(info.function, info.lineno, info.code_context, info.positions.lineno)
    print([(s.function, s.lineno) for s in inspect.stack()[:3]])
    caller = frame.f_back
    print(caller.f_code.co_name, caller.f_lineno, inspect.getsourcefile(frame) == __file__)
    logging.getLogger('demo').warning('logged from where()')
    warnings.warn('warned from where()', stacklevel=2)


def outer():
    where()


outer()
print(types.FrameType.__name__, types.CodeType.__name__, types.TracebackType.__name__)
print(inspect.isframe(sys._getframe()), inspect.iscode(outer.__code__))


def signature_of(a, b=1, *args, c, d=2, **kwargs):
    pass


async def coroutine_function():
    pass


def generator(n):
    value = n
    yield value
    yield value + 1


print(inspect.signature(signature_of), inspect.getfullargspec(signature_of).varargs)
print(inspect.isgeneratorfunction(generator), inspect.iscoroutinefunction(coroutine_function))
code = signature_of.__code__
print(code.co_name, code.co_argcount, code.co_kwonlyargcount, code.co_varnames[:6])
print(code.co_firstlineno, code.co_filename == __file__)
it = generator(5)
print(inspect.getgeneratorstate(it), it.gi_frame.f_lineno, it.gi_code.co_name)
next(it)
print(inspect.getgeneratorstate(it), it.gi_frame.f_lineno, inspect.getgeneratorlocals(it))
next(it)
print(it.gi_frame.f_lineno)
it.close()
print(inspect.getgeneratorstate(it), it.gi_frame)
print(inspect.getsource(generator).splitlines()[0])
