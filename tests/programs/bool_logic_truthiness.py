# Short-circuit evaluation, truthiness of builtin and user objects, not/and/or return values.
def t(v, label):
    print('eval', label)
    return v
print(t(0, 'a') and t(1, 'b'))
print(t(1, 'a') and t(0, 'b') and t(2, 'c'))
print(t('', 'a') or t([], 'b') or t('x', 'c') or t('y', 'd'))
print(not t(None, 'n'), not t([0], 'l'))
for value in [0, 0.0, 0j, '', b'', [], (), {}, set(), range(0), None, False, 1, ' ', [None], (0,)]:
    print(repr(value), bool(value))
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(Sized(0)), bool(Sized(2)), not Sized(0))
class NegativeLen:
    def __len__(self):
        return -1
try:
    bool(NegativeLen())
except ValueError as e:
    print(e)
x = 5
print(x > 3 and 'big' or 'small', (x < 3) or 'fallback', 1 if x else 2)
print(all(v for v in [1, 2]), any([]), [] or {} or 0)
