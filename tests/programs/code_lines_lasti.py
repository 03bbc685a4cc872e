# co_lines() agrees with f_lasti and tb_lasti: pdb's post-mortem maps each traceback entry's
# tb_lasti to its line through dis.findlinestarts (co_lines), as tracebacks do with tb_lineno.
import dis
import pdb
import sys


def f(n):
    x = n + 1
    y = [x,
         x]
    return y[5]


def g():
    yield 1
    raise KeyError('g')


def where():
    frame = sys._getframe()
    return frame.f_lineno, pdb.lasti2lineno(frame.f_code, frame.f_lasti)


for call in (lambda: f(1), lambda: list(g())):
    try:
        call()
    except LookupError as error:
        tb = error.__traceback__
        while tb is not None:
            print(tb.tb_lineno, pdb.lasti2lineno(tb.tb_frame.f_code, tb.tb_lasti))
            tb = tb.tb_next

print(where())
print(next(dis.findlinestarts(f.__code__))[1], next(dis.findlinestarts(g.__code__))[1])
