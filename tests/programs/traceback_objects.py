# Tracebacks seen by interpreted code: e.__traceback__, its entries and frames, identity,
# with_traceback, assignment, and the traceback module formatting them (carets included).
import sys
import traceback


def inner(x):
    return 10 / x


def outer(x):
    return inner(x) + 1


try:
    outer(0)
except ZeroDivisionError as error:
    tb = error.__traceback__
    entries = []
    entry = tb
    while entry is not None:
        frame = entry.tb_frame
        entries.append((frame.f_code.co_name, entry.tb_lineno, frame.f_lineno,
                        frame.f_code.co_filename == __file__, type(entry.tb_lasti).__name__))
        entry = entry.tb_next
    print(entries)
    print(tb is error.__traceback__, tb is sys.exc_info()[2], type(tb).__name__)
    print(tb.tb_frame is sys._getframe(), tb.tb_next.tb_frame.f_back is tb.tb_frame)
    print(tb.tb_next.tb_frame.f_locals)
    print(''.join(traceback.format_tb(tb)), end='')
    print(traceback.extract_tb(tb)[-1].name, traceback.extract_tb(tb)[-1].line)
    print(''.join(traceback.format_exception(error)), end='')
    saved = tb

try:
    raise KeyError('again').with_traceback(saved)
except KeyError as error:
    print([entry.name for entry in traceback.extract_tb(error.__traceback__)])

error = ValueError('plain')
print(error.__traceback__)
error.__traceback__ = saved
print(error.__traceback__ is saved)
print(error.with_traceback(None).__traceback__)
try:
    error.__traceback__ = 'not a traceback'
except TypeError as problem:
    print('TypeError:', problem)


def chained():
    try:
        outer(0)
    except ZeroDivisionError as cause:
        raise RuntimeError('wrapped') from cause


try:
    chained()
except RuntimeError as error:
    print(''.join(traceback.format_exception(error)), end='')
    print(error.__cause__.__traceback__.tb_frame.f_code.co_name)
traceback.print_stack(sys._getframe(), file=sys.stdout)
