# sys._getframe(): f_code, f_lineno and f_back of running interpreted frames.
import sys
def where():
    caller = sys._getframe(1)
    return caller.f_code.co_name, caller.f_lineno
def work():
    a = 1
    here = where()
    b = 2
    return here, sys._getframe().f_lineno
print(work())
print(where())
x = [where() for _ in range(1)]
print(x)
def outer():
    return inner()
def inner():
    f = sys._getframe()
    return [(f.f_code.co_name, f.f_lineno), (f.f_back.f_code.co_name, f.f_back.f_lineno)]
print(outer())
