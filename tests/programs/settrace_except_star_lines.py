# Line events of try/except*: every clause's type is evaluated (even once nothing is left to
# match), and when the code's implicit return follows a try/except* that handled everything,
# CPython reports the last clause's line again and returns there.
import sys


def kind(name, cls):
    print('evaluated', name)
    return cls


def f1():
    try:
        raise KeyError
    except* Exception as e:
        x = 1


def f2():
    try:
        raise KeyError
    except* KeyError:
        x = 1
    y = 2


def f3():
    try:
        raise ExceptionGroup('g', [KeyError(), ValueError()])
    except* KeyError:
        x = 1
    except* ValueError as v:
        z = 2
    y = 3


def f4():
    try:
        x = 0
    except* KeyError:
        x = 1
    y = 2


def f5():
    try:
        try:
            raise ExceptionGroup('g', [KeyError(), ValueError()])
        except* KeyError:
            x = 1
    except* ValueError:
        pass
    return 5


def f6():
    for i in range(2):
        try:
            raise KeyError
        except* KeyError:
            pass
    return 6


def s2_a():
    try:
        raise KeyError
    except* KeyError:
        x = 1


def s2_b():
    try:
        raise ExceptionGroup('g', [KeyError(), ValueError()])
    except* KeyError as k:
        x = 1
    except* ValueError as v:
        z = 2


def s2_c():
    try:
        raise ExceptionGroup('g', [KeyError(), ValueError()])
    except* KeyError as k:
        x = 1
    except* ValueError:
        z = 2


def s2_d():
    if True:
        try:
            raise KeyError
        except* KeyError as e:
            x = 1


def s2_e():
    try:
        raise KeyError
    except* KeyError as e:
        x = 1
    else:
        pass


def s2_g():
    try:
        raise KeyError
    except* KeyError as e:
        x = 1
    finally:
        y = 2


def s3_a():
    try:
        x = 0
    except* KeyError:
        x = 1


def s3_b():
    try:
        raise ExceptionGroup('g', [KeyError()])
    except* KeyError:
        x = 1
    except* ValueError:
        z = 2


def s3_c():
    if False:
        pass
    else:
        try:
            raise KeyError
        except* KeyError:
            x = 1


def side_effects():
    try:
        raise ExceptionGroup('g', [KeyError()])
    except* kind('first', KeyError):
        print('first ran')
    except* kind('second', ValueError):
        print('second ran')


functions = [f1, f2, f3, f4, f5, f6, s2_a, s2_b, s2_c, s2_d, s2_e, s2_g, s3_a, s3_b, s3_c,
             side_effects]
for function in functions:
    events = []

    def tracer(frame, event, arg, function=function, events=events):
        if frame.f_code is function.__code__:
            events.append((event[0], frame.f_lineno - function.__code__.co_firstlineno))
        return tracer

    sys.settrace(tracer)
    function()
    sys.settrace(None)
    print(function.__name__, events)
