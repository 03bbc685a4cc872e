# Lists, dicts, sets, tuples: methods, ordering, errors, mutation during iteration.
l = [3, 1, 2]
l.sort()
l.append(4)
l.extend([5, 6])
l.insert(0, 0)
print(l, l.pop(), l.pop(0), l.index(3), l.count(1), l[::-1])
l.remove(3)
print(l, sorted(l, reverse=True), l * 2, l + [9], [0] * 3)
try:
    l.remove(99)
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
d = {'b': 2, 'a': 1}
d['c'] = 3
print(d, list(d), d.get('z'), d.get('z', 0), d.setdefault('d', 4), d.pop('a'), len(d))
print(sorted(d.items()), {**d, 'e': 5}, d | {'f': 6}, dict(zip('xy', [1, 2])))
try:
    d['missing']
except KeyError as e:
    print('KeyError', e)
class DefaultDict(dict):
    def __missing__(self, key):
        return f'default-{key}'
print(DefaultDict()['k'])
s = {3, 1, 2}
s.add(4)
s.discard(9)
print(sorted(s), s & {1, 2}, sorted(s | {7}), sorted(s - {1}), s ^ {1, 10} == {2, 3, 4, 10})
try:
    s.remove(99)
except KeyError as e:
    print('KeyError', e)
t = (1, 2, 3)
print(t[1:], t.index(2), t + (4,), t * 2, len(t), 2 in t, tuple('ab'), (1,) < (1, 2))
try:
    t[0] = 1
except TypeError as e:
    print(e)
print(list(range(10, 0, -3)), range(5)[2], len(range(0, 10, 3)), list(range(0)))
nested = [[0] * 2 for _ in range(2)]
nested[0][0] = 1
print(nested)
aliased = [[0] * 2] * 2
aliased[0][0] = 1
print(aliased)
print(frozenset([1, 2]) == {1, 2}, {frozenset([1]): 'x'}, list(reversed(range(3))))
print(sum([[1], [2]], []), max('abc'), min(3, 1, 2), sorted([(2, 'b'), (1, 'z'), (2, 'a')]))
