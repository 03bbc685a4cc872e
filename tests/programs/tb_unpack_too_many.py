# Uncaught error case: unpack_too_many (traceback position and message must match CPython).
a, b = [1, 2, 3]
