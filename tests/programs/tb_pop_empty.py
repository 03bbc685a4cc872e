# Uncaught error case: pop_empty (traceback position and message must match CPython).
lst = []
lst.pop()
