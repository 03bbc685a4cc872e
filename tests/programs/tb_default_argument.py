# Uncaught error case: default_argument (traceback position and message must match CPython).
def f(x=1 // 0):
    pass
