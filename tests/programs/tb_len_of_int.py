# Uncaught error case: len_of_int (traceback position and message must match CPython).
print(len(5))
