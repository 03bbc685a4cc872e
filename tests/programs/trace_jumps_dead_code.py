"""frame.f_lineno set by a trace function to a line CPython's compiler left out as
unreachable (after `while True:` without break, after a return/raise/continue, after an
if/else or a try whose every way out returns or raises, after a `finally` that returns): 'line
N comes after the current code block' when nothing live follows, else the next live line; a
`while True:` with a break leaves the lines after it live."""
import sys


def attempt(function, jump_from: int, jump_to: int):
    first = function.__code__.co_firstlineno

    def tracer(frame, event, arg):
        if frame.f_code is function.__code__:
            if event == 'line' and frame.f_lineno == first + jump_from:
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
        function(output)
    except Exception as error:  # noqa: BLE001 - printed
        print(function.__name__, 'raised', type(error).__name__)
    finally:
        sys.settrace(None)
    print(function.__name__, output)


def infinite_loop(output):
    output.append(1)
    while output:
        output.append(3)
        if len(output) > 3:
            return
    output.append(6)


def infinite_true(output):
    output.append(1)
    while True:
        output.append(3)
        return
    output.append(5)


def loop_with_break(output):
    output.append(1)
    while True:
        output.append(3)
        break
    output.append(5)


def both_branches_return(output):
    output.append(1)
    if output:
        return
    else:
        return
    output.append(6)


def finally_returns(output):
    try:
        output.append(2)
    finally:
        output.append(4)
        return
    output.append(6)


def after_raise_then_live(output):
    output.append(1)
    if not output:
        raise ValueError
        output.append(4)
    output.append(5)


def handlers_all_exit(output):
    try:
        output.append(2)
        return
    except KeyError:
        raise
    output.append(7)


attempt(infinite_loop, 1, 6)
attempt(infinite_true, 1, 5)
attempt(loop_with_break, 1, 5)
attempt(both_branches_return, 1, 6)
attempt(finally_returns, 2, 6)
attempt(after_raise_then_live, 1, 4)
attempt(handlers_all_exit, 2, 7)
