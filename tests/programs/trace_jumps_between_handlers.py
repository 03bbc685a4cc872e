"""frame.f_lineno set by a trace function from the body of one `except` clause into the body
of another clause of the same `try` (named or not, in a function or a generator): the
exception is still the one being handled there, the `try` goes on after that clause (its
`finally` too); into a clause from outside the handlers is refused."""
import sys


def attempt(function, jump_from: int, jump_to: int, drive=None):
    code = function.__code__
    first = code.co_firstlineno
    done = []

    def tracer(frame, event, arg):
        if frame.f_code is code:
            if event == 'line' and frame.f_lineno == first + jump_from and not done:
                done.append(True)
                try:
                    frame.f_lineno = first + jump_to
                    print(function.__name__, 'jumped to', jump_to)
                except ValueError as error:
                    print(function.__name__, 'refused:', error)
            return tracer
        return None

    output = []
    sys.settrace(tracer)
    try:
        result = function(output)
        if drive is not None:
            result = drive(result)
    except Exception as error:  # noqa: BLE001 - printed
        result = f'raised {type(error).__name__}'
    finally:
        sys.settrace(None)
    print(function.__name__, output, result)


def plain(output):
    try:
        1 / 0
    except ZeroDivisionError:
        output.append(4)
        output.append(5)
    except KeyError:
        output.append(type(sys.exc_info()[1]).__name__)
        output.append(8)
    output.append(9)


def named(output):
    try:
        {}['k']
    except KeyError as error:
        output.append(repr(error))
        output.append(5)
    except ValueError as other:
        output.append(7)
        output.append('other' in dir())
    finally:
        output.append(10)
    output.append(11)
    return 'end'


def back_and_forth(output):
    try:
        raise ValueError('v')
    except ValueError:
        output.append(4)
    except TypeError:
        output.append(6)
        if len(output) > 0:
            output.append(8)
    output.append(9)


def generator(output):
    try:
        yield 2
        raise KeyError
    except KeyError:
        yield 5
        output.append(6)
    except OSError:
        output.append(8)
        yield 9
    output.append(10)


def plain_clause_into_yielding(output):
    try:
        yield 2
        raise KeyError
    except KeyError:
        output.append(5)
        output.append(6)
    except OSError:
        output.append(type(sys.exc_info()[1]).__name__)
        yield 9
    output.append(10)


def from_outside(output):
    output.append(1)
    try:
        output.append(3)
    except ValueError:
        output.append(5)


attempt(plain, 4, 7)
attempt(named, 5, 8)
attempt(back_and_forth, 4, 8)
attempt(generator, 6, 8, list)
attempt(plain_clause_into_yielding, 6, 8, list)
attempt(from_outside, 1, 5)
