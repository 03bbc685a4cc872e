class MainError(Exception):
    pass

class SubError(Exception):
    pass

def main():
    try:
        raise MainError()
    except MainError:
        try:
            yield
        except SubError:
            pass
        raise

coro = main()
coro.send(None)
try:
    coro.throw(SubError())
except MainError as e:
    print("MainError", repr(e.__context__))

def g2():
    try:
        raise KeyError('a')
    except KeyError:
        yield 1
        raise
x = g2()
next(x)
try:
    next(x)
except KeyError as e:
    print('reraised', e)
import sys
def g3():
    try:
        raise ValueError('outer')
    except ValueError:
        try:
            yield
        except KeyError:
            pass
        print('exc_info', sys.exc_info()[1], sys.exception())
        raise
x = g3()
next(x)
try:
    x.throw(KeyError('k'))
except ValueError as e:
    print('got', e)
