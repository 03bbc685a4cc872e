"""throw() into a generator suspended in `yield from`: an iterator that is not a generator
gets the arguments as given (even ones a generator would refuse); arguments the innermost
generator refuses raise their TypeError in the generator delegating to it, which lets go of
the refusing one (finalized then if nothing else holds it, never seeing the TypeError)."""
import sys
import traceback


def describe(argument):
    if isinstance(argument, BaseException):
        return f'{type(argument).__name__}{argument.args}'
    if isinstance(argument, type):
        return argument.__name__
    if argument is not None and type(argument).__name__ == 'traceback':
        return 'a traceback'
    return repr(argument)


class Echo:
    def __iter__(self):
        return self

    def __next__(self):
        return 'next'

    def throw(self, *arguments):
        print('  Echo.throw got', [describe(a) for a in arguments])
        return 'thrown'


class Raising(Echo):
    def throw(self, *arguments):
        raise RuntimeError('from throw')


class NoThrow:
    def __iter__(self):
        return self

    def __next__(self):
        return 'next'


def one_level(iterator):
    yield from iterator


def two_levels(iterator):
    yield from one_level(iterator)


def a_traceback():
    try:
        raise KeyError('for a traceback')
    except KeyError as error:
        return error.__traceback__


TRACEBACK = a_traceback()  # (its frame's f_back is the module's: no cycle keeps a generator)


def show_throws(make):
    generator = make(Echo())
    next(generator)
    tb = TRACEBACK
    for arguments in [(ValueError,), (ValueError, 'x'), (ValueError('y'),),
                      (ValueError, ValueError('z')), (KeyError, None, tb), (KeyError, None),
                      (ValueError('w'), 'extra'), (1,), (ValueError, 1, 2)]:
        print(generator.throw(*arguments))
    generator.close()  # (closed here, not when this frame goes, whenever that is)


print('one level:')
show_throws(one_level)
print('two levels:')
show_throws(two_levels)


def contexts():
    generator = one_level(Raising())
    next(generator)
    try:
        generator.throw(ValueError('v'))
    except RuntimeError as error:
        print('context', repr(error.__context__))
    generator = one_level(Raising())
    next(generator)
    try:
        try:
            raise KeyError('outer')
        except KeyError:
            generator.throw(ValueError('v'))
    except RuntimeError as error:
        print('context', repr(error.__context__))


contexts()


def without_throw():
    generator = two_levels(NoThrow())
    next(generator)
    for arguments in [(ValueError, 'raised in the delegating frame'), (ValueError('v'), 'x')]:
        try:
            generator.throw(*arguments)
        except (ValueError, TypeError) as error:
            names = [entry.name for entry in traceback.extract_tb(error.__traceback__)]
            print('NoThrow:', type(error).__name__, error, names)
        generator = two_levels(NoThrow())
        next(generator)
    generator.close()


without_throw()


def inner():
    try:
        yield 1
    except TypeError as error:
        print('  inner caught TypeError (CPython never throws it here)', error)
        yield 'inner after'
    except GeneratorExit:
        print('  inner closed; current frame above it:', sys._getframe().f_back.f_code.co_name)
        raise
    finally:
        print('  inner finally')


def middle():
    yield from inner()


def refuses():
    try:
        yield from middle()
    except TypeError as error:
        names = [entry.name for entry in traceback.extract_tb(error.__traceback__)]
        print('  refuses sees', error, names)
        yield 'after TypeError'


def driver(make, *arguments):
    generator = make()
    next(generator)
    try:
        print(generator.throw(*arguments))
    except TypeError as error:
        print('  driver sees', error)
    generator.close()
    print('  driver done')


for make in (refuses, middle):
    for arguments in [(ValueError(1), 'extra'), (1,), (ValueError, 1, 2)]:
        print(make.__name__, [describe(a) for a in arguments])
        driver(make, *arguments)
        print('  back in the module')


def closes_iterator():
    class Closable(Echo):
        def close(self):
            print('  Closable.close')

    generator = one_level(Closable())
    next(generator)
    try:
        generator.throw(GeneratorExit)
    except GeneratorExit:
        print('GeneratorExit went through')


closes_iterator()
