# The iterator protocol with user classes: __iter__/__next__, __getitem__ fallback, iter(callable, sentinel).
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(3)), sum(Countdown(4)), max(Countdown(5)))
for a, b in zip(Countdown(3), 'xyz'):
    print(a, b)
print(dict(enumerate(Countdown(2))), sorted(Countdown(3)), list(reversed([1, 2])))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i
print(list(Seq()), 4 in Seq(), [x for x in Seq()])
counter = iter([1, 2, 3, 0, 4])
print(list(iter(lambda: next(counter), 0)))
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self):
        return 5
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print(e)
it = iter([1, 2])
print(next(it), next(it), next(it, 'default'))
try:
    next(it)
except StopIteration:
    print('exhausted')
print(list(map(lambda x: x * 2, range(3))), list(filter(None, [0, 1, '', 'a'])))
print(sorted(['bb', 'a', 'ccc'], key=len, reverse=True), min([3, 1, 2], key=lambda v: -v))
print(any(x > 2 for x in range(5)), all([]), list(zip(*[(1, 2), (3, 4)])))
