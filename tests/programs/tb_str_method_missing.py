# Uncaught error case: str_method_missing (traceback position and message must match CPython).
s = "abc"
s.foo()
