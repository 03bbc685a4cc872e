# Uncaught error case: slice_type (traceback position and message must match CPython).
data = [1, 2, 3]
print(data[1:"x"])
