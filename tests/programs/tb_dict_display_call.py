# Uncaught error case: dict_display_call (traceback position and message must match CPython).
def f():
    return g()
def g():
    return [1][5]
x = {"k": f()}
