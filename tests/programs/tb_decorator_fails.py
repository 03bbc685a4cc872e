# Uncaught error case: decorator_fails (traceback position and message must match CPython).
def deco(fn):
    raise TypeError("bad decorator")
@deco
def f():
    pass
