# Uncaught error case: chained_compare_types (traceback position and message must match CPython).
x = 5
print(1 < x < "a")
