# Uncaught error case: kwargs_non_string (traceback position and message must match CPython).
def f(**kw):
    pass
f(**{1: 2})
