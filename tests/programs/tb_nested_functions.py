# Uncaught exception through nested closures and a decorator wrapper; qualified frame names.
def logged(fn):
    def wrapper(*args):
        return fn(*args)
    return wrapper
@logged
def compute(values):
    def helper(v):
        return 10 // v
    return [helper(v) for v in values]
print(compute([1, 2]))
compute([5, 0])
