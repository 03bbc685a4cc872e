# Interpreted collections, functools, itertools, operator, heapq and bisect working together.
import bisect
import collections
import collections.abc
import functools
import heapq
import itertools
import operator

Point = collections.namedtuple('Point', 'x y', defaults=[0])
p = Point(3)
print(p, p._asdict(), p._replace(y=5), Point._fields, Point._field_defaults)

counts = collections.Counter('mississippi')
print(counts.most_common(3), counts['z'], sorted((counts - collections.Counter('ss')).elements()))

d = collections.defaultdict(list)
for word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    d[word[0]].append(word)
print(dict(d))

od = collections.OrderedDict.fromkeys('abc')
od.move_to_end('a')
print(list(od), od.popitem(last=False))

dq = collections.deque(range(5), maxlen=4)
dq.rotate(1)
print(dq, dq.maxlen)

chain = collections.ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(chain['a'], chain['b'], len(chain), chain.new_child({'c': 4}))


class Cell(collections.UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 2)


c = Cell()
c['k'] = 21
print(c, isinstance(c, collections.abc.MutableMapping))


@functools.cache
def ways(n):
    return 1 if n < 2 else ways(n - 1) + ways(n - 2)


print(ways(60), ways.cache_info())


@functools.singledispatch
def describe(value):
    return f'object {value!r}'


@describe.register
def _(value: int):
    return f'int {value}'


@describe.register(list)
def _(value):
    return f'list of {len(value)}'


print(describe(1), describe([1, 2]), describe('s'))


@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts


print(Version(1, 2) >= Version(1, 1), Version(1) <= Version(0, 9))


class Account:
    def __init__(self):
        self.calls = 0

    @functools.cached_property
    def balance(self):
        self.calls += 1
        return 100


acct = Account()
print(acct.balance, acct.balance, acct.calls)


def traced(function):
    @functools.wraps(function)
    def wrapper(*args):
        return function(*args)
    return wrapper


@traced
def documented(a, b):
    """Adds."""
    return a + b


print(documented.__name__, documented.__doc__, documented.__wrapped__(1, 2))
print(functools.reduce(operator.mul, range(1, 8)), functools.partial(pow, 2)(10))
print(list(itertools.accumulate([1, 2, 3, 4], operator.mul)))
print([(k, list(g)) for k, g in itertools.groupby('aabbbc')])
print(list(itertools.islice(itertools.count(10, 5), 3)), list(itertools.combinations('abcd', 2))[:4])
print(sorted([('b', 2), ('a', 3)], key=operator.itemgetter(1)), operator.methodcaller('upper')('x'))
heap = [5, 1, 8, 3]
heapq.heapify(heap)
print([heapq.heappop(heap) for _ in range(len(heap))], heapq.nsmallest(2, [4, 2, 9]))
print(list(heapq.merge([1, 4], [2, 3])))
grades = [60, 70, 80, 90]
print([('FDCBA'[bisect.bisect(grades, s)]) for s in (55, 70, 95)])
