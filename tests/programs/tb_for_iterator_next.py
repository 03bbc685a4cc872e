# Errors raised by a user iterator inside for loops: caught in one function, uncaught in another.
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError('from next')
def f():
    for x in It():
        pass
def g():
    x = 1
    while x:
        x = x - 1
    for y in It():
        print(y)
try:
    f()
except ValueError:
    pass
g()
