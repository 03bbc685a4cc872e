"""An exception thrown into a generator suspended inside an except block gets that exception as
its __context__ (also through yield from, nested handlers and close())."""


def suspended_in_handler():
    try:
        raise KeyError('a')
    except Exception:
        try:
            yield
        except Exception as exc:
            print('caught', type(exc).__name__, repr(exc.__context__))
            yield 'b'


gen = suspended_in_handler()
gen.send(None)
print(gen.throw(ValueError))


def nested_handlers():
    try:
        raise KeyError('outer')
    except KeyError:
        try:
            raise IndexError('inner')
        except IndexError:
            try:
                yield 1
            except Exception as exc:
                print('nested', repr(exc.__context__), repr(exc.__context__.__context__))
        try:
            yield 2
        except Exception as exc:
            print('after inner handler', repr(exc.__context__))


gen = nested_handlers()
next(gen)
print(gen.throw(ValueError('x')))
try:
    gen.throw(TypeError('y'))
except StopIteration:
    print('finished')


def outside_handler():
    try:
        yield
    except Exception as exc:
        print('no handler:', repr(exc.__context__))


gen = outside_handler()
next(gen)
try:
    gen.throw(ValueError)
except StopIteration:
    pass


def thrown_same_as_handled():
    try:
        raise KeyError('same')
    except KeyError as handled:
        global saved
        saved = handled
        try:
            yield
        except KeyError as exc:
            print('same object:', exc is saved, exc.__context__)


gen = thrown_same_as_handled()
next(gen)
try:
    gen.throw(saved)
except StopIteration:
    pass


def inner():
    try:
        raise OSError('inner handled')
    except OSError:
        try:
            yield 'inner'
        except Exception as exc:
            print('through yield from:', repr(exc.__context__))
            raise


def outer():
    try:
        raise LookupError('outer handled')
    except LookupError:
        try:
            yield from inner()
        except Exception as exc:
            print('outer sees', type(exc).__name__)


gen = outer()
print(next(gen))
try:
    gen.throw(RuntimeError('thrown'))
except StopIteration:
    print('done')


def closing():
    try:
        raise KeyError('closing')
    except KeyError:
        try:
            yield
        except GeneratorExit as exc:
            print('close context:', repr(exc.__context__))
            raise


gen = closing()
next(gen)
gen.close()


def already_has_context():
    try:
        raise KeyError('handled')
    except KeyError:
        try:
            yield
        except Exception as exc:
            print('replaced context:', repr(exc.__context__))


try:
    raise ZeroDivisionError('old')
except ZeroDivisionError:
    prepared = ValueError('prepared')
gen = already_has_context()
next(gen)
try:
    gen.throw(prepared)
except StopIteration:
    pass
