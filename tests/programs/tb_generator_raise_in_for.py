# Uncaught error case: generator_raise_in_for (traceback position and message must match CPython).
def gen():
    yield 1
    raise KeyError("in gen")
for v in gen():
    print(v)
