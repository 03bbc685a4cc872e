"""frame.f_lineno set by a trace function inside generators and coroutines: into an if or
else branch, a while body, a try body or else, a finally, each holding a yield or not, from a
statement of a block that yields; the generator goes on from there."""
import sys


def attempt(function, jump_from: int, jump_to: int, drive):
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
        result = drive(function(output))
    except Exception as error:  # noqa: BLE001 - printed
        result = f'raised {type(error).__name__}'
    finally:
        sys.settrace(None)
    print(function.__name__, output, result)


def drive_generator(generator):
    return list(generator)


def drive_coroutine(coroutine):
    try:
        while True:
            coroutine.send(None)
    except StopIteration as stop:
        return stop.value


class Tick:
    def __await__(self):
        yield 'tick'


def into_if(output):
    output.append(1)
    yield 2
    if len(output) > 10:
        output.append(5)
        yield 6
        output.append(7)
    output.append(8)


def into_else(output):
    output.append(1)
    yield 2
    if output:
        yield 4
    else:
        output.append(6)
        yield 7
    output.append(8)


def into_while(output):
    output.append(1)
    yield 2
    while len(output) < 2:
        output.append(4)
        yield 5
        output.append(6)
    output.append(7)


def into_try(output):
    output.append(1)
    yield 2
    try:
        output.append(4)
        yield 5
        output.append(6)
    except ValueError:
        output.append(8)
    else:
        output.append(10)
        yield 11
    output.append(12)


def into_finally(output):
    output.append(1)
    yield 2
    try:
        yield 4
    finally:
        output.append(6)
        yield 7
    output.append(8)


async def coroutine_into_if(output):
    output.append(1)
    await Tick()
    if not output:
        output.append(5)
        await Tick()
        output.append(7)
    output.append(8)
    return 'done'


attempt(into_if, 1, 6, drive_generator)
attempt(into_if, 1, 7, drive_generator)
attempt(into_else, 1, 6, drive_generator)
attempt(into_while, 1, 5, drive_generator)
attempt(into_try, 1, 6, drive_generator)
attempt(into_try, 1, 10, drive_generator)
attempt(into_try, 1, 8, drive_generator)
attempt(into_finally, 1, 7, drive_generator)
attempt(coroutine_into_if, 1, 6, drive_coroutine)
