# Uncaught error case: assert_call_test (traceback position and message must match CPython).
assert isinstance(5, str), "not a string"
