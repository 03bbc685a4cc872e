# Uncaught error case: call_int (traceback position and message must match CPython).
x = 1
x()
