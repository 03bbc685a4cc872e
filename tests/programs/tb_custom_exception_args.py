# Uncaught error case: custom_exception_args (traceback position and message must match CPython).
class E(Exception):
    pass
raise E("custom", 2)
