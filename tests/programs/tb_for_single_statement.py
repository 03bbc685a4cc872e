# An uncaught error from __next__ in a function whose body is a single for statement.
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError('from next')
def f():
    for x in It():
        pass
f()
