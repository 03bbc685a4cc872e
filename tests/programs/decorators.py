# Decorators: order of evaluation and application, with arguments, on classes and methods.
def trace(label):
    print('making decorator', label)
    def deco(fn):
        print('decorating', fn.__name__, 'with', label)
        def wrapper(*args, **kwargs):
            print('calling', fn.__name__)
            return fn(*args, **kwargs)
        wrapper.__wrapped__ = fn
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco

@trace('outer')
@trace('inner')
def add(a, b):
    """Adds."""
    return a + b
print(add(1, 2), add.__name__, add.__wrapped__.__wrapped__.__doc__)

def register(cls):
    cls.registered = True
    return cls
@register
class Thing:
    pass
print(Thing.registered)

class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), type(fib).__name__)

def deco_returns_other(fn):
    return 42
@deco_returns_other
def gone():
    pass
print(gone)
def count_calls(fn):
    count = 0
    def inner(*a):
        nonlocal count
        count += 1
        return fn(*a), count
    return inner
@count_calls
def ident(x):
    return x
print(ident(1), ident(2))
class Service:
    @staticmethod
    @count_calls
    def ping():
        return 'pong'
print(Service.ping(), Service().ping())
