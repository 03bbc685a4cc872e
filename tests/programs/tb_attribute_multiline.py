# An attribute or method call whose name is on a later line than its object: the traceback
# points at the name's line and columns, as CPython 3.11's update_start_location_to_match_attr.
import traceback
def f():
    return (None
        .attr)
def g():
    return (None
        .method
    )(1,
      2)
def h():
    x = None
    x.a.b \
        .c = 1
for fn in (f, g, h):
    try:
        fn()
    except AttributeError as e:
        print(''.join(traceback.format_tb(e.__traceback__)[1:]), end='')
class O:
    def method(self): pass
def g2():
    return (O()
        .method
    )(1,
      2)
def k():
    return O().method(
        1)
try:
    g2()
except TypeError as e:
    print(''.join(traceback.format_tb(e.__traceback__)[1:]), end='')
try:
    k()
except TypeError as e:
    print(''.join(traceback.format_tb(e.__traceback__)[1:]), end='')

f()
