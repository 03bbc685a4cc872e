"""code.replace(co_linetable=...): line numbers (f_lineno, tb_lineno) come from the given table,
None where it has no location; the code's own table keeps them."""


def lines_after_raise(function):
    try:
        function()
    except Exception as error:
        entry = error.__traceback__.tb_next
    found = []
    while entry:
        frame = entry.tb_frame
        found.append((None if frame.f_lineno is None
                      else frame.f_lineno - frame.f_code.co_firstlineno,
                      entry.tb_lineno, frame.f_code.co_name))
        entry = entry.tb_next
    return found


def f():
    1 / 0


def g():
    return f()


print(lines_after_raise(g))
f.__code__ = f.__code__.replace(co_linetable=b'\xf8\xf8\xf8\xf9\xf8\xf8\xf8')
print(lines_after_raise(g))
print(all(line is None for _, _, line in f.__code__.co_lines()))
g.__code__ = g.__code__.replace(co_linetable=g.__code__.co_linetable, co_name='renamed')
print(lines_after_raise(g))
print(type(g.__code__.co_linetable).__name__)
for value in ('x', None):
    try:
        f.__code__.replace(co_linetable=value)
    except TypeError as error:
        print(error)
