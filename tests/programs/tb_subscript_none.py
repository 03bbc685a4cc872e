# Uncaught error case: subscript_none (traceback position and message must match CPython).
n = None
n[0]
