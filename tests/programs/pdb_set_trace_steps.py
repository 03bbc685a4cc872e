"""pdb.set_trace() in running code, driven by a script: `next` past the end of the function
stops at its return ('--Return--') and then in its caller, `return` and `up`/`where` see the
running frames, an exception leaving a function is reported where it enters each frame."""
import io
import os
import pdb
import sys


def debugger(script: str) -> tuple:
    out = io.StringIO()
    debugger = pdb.Pdb(stdin=io.StringIO(script), stdout=out, nosigint=True, readrc=False)
    debugger.use_rawinput = False
    return debugger, out


def show(out) -> None:
    sys.settrace(None)
    print(out.getvalue().replace(__file__, os.path.basename(__file__)))


def inner(x, stop):
    y = x + 1
    stop()
    z = y * 2
    return z


def middle(stop):
    a = inner(1, stop)
    b = a + 1
    return b


def outer(stop):
    result = middle(stop)
    return result + 1


d, out = debugger('next\nnext\nnext\nnext\nnext\nnext\np b\ncontinue\n')
print('result', outer(d.set_trace))
show(out)

d, out = debugger('return\nnext\nwhere\nup\np stop is not None\ncontinue\n')
print('result', outer(d.set_trace))
show(out)


def failing(stop):
    stop()
    value = 1
    return value / 0


def catches(stop):
    try:
        failing(stop)
    except ZeroDivisionError as error:
        return repr(error)


d, out = debugger('next\nnext\nnext\nnext\nnext\nnext\nnext\ncontinue\n')
print('result', catches(d.set_trace))
show(out)


def handles_a_group(stop):
    try:
        raise KeyError
    except* Exception as e:
        stop()


d, out = debugger('continue\n')
handles_a_group(d.set_trace)
show(out)
