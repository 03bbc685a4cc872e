# Uncaught error case: finally_then_raise (traceback position and message must match CPython).
try:
    1/0
finally:
    print("cleanup")
