# A failing call spanning several lines, and a call whose result is the whole line.
def fail(*args):
    raise TypeError('fail called with %d args' % len(args))

def caller():
    fail()

def wrapper():
    total = sum([
        1,
        2,
    ]) + len(fail(1,
                  2))
    return total
try:
    caller()
except TypeError as e:
    print(e)
wrapper()
