"""types.TracebackType checks its arguments and tb_next as CPython does (types, loops, deletion)."""

import sys
import types


def get_tb():
    try:
        raise ValueError('inner')
    except ValueError as error:
        return error.__traceback__


try:
    raise Exception('outer')
except Exception as error:
    tb = error.__traceback__

print(type(tb.tb_lasti).__name__, type(tb.tb_lineno).__name__, tb.tb_next)
for action in ('delete', 'string', 'self', 'two-step loop'):
    try:
        if action == 'delete':
            del tb.tb_next
        elif action == 'string':
            tb.tb_next = 'asdf'
        elif action == 'self':
            tb.tb_next = tb
        else:
            other = get_tb()
            other.tb_next = tb
            tb.tb_next = other
    except (TypeError, ValueError) as problem:
        print(action, type(problem).__name__, problem)

other = get_tb()
tb.tb_next = other
print(tb.tb_next is other, other.tb_next)
tb.tb_next = None
print(tb.tb_next)

frame = sys._getframe()
made = types.TracebackType(other, frame, 1, 2)
print(made.tb_next is other, made.tb_frame is frame, made.tb_lasti, made.tb_lineno)
print(types.TracebackType(None, frame, True, 7).tb_lasti)
for arguments in (('no', frame, 1, 2), (other, 'no', 1, 2), (other, frame, 'no', 2),
                  (other, frame, 1, 'nuh-uh'), (other, frame, 1.5, 2)):
    try:
        types.TracebackType(*arguments)
    except TypeError as problem:
        print('TypeError', problem)
