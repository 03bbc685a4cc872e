# Uncaught error case: int_parse (traceback position and message must match CPython).
x = int("abc") + 1
