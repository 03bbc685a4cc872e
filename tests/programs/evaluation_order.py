# Evaluation order: operands, call arguments, subscript/attribute targets, augmented assignment.
def t(label, value=None):
    print('eval', label)
    return value if value is not None else label
class Box:
    def __init__(self):
        self.items = {'k': 1}
box = Box()
def get_box():
    print('eval box')
    return box
t('a') + t('b')
t('f', print)(t('arg1'), t('arg2'), sep=t('sep', '|'))
get_box().items[t('key', 'k')] += t('inc', 5)
print(box.items)
d = {}
d[t('k1')] = t('v1')
x = [t('list1'), t('list2')]
y = {t('dk'): t('dv'), t('dk2'): t('dv2')}
z = t('cond', True) and t('rhs')
w = t('left', 0) or t('right')
r = t('body') if t('test', True) else t('orelse')
a, b = t('first'), t('second')
print(t('obj', box).items, t('idx', [1, 2])[t('i', 1)])
def kw(**k):
    return sorted(k)
print(kw(b=t('b'), a=t('a'), **{t('c'): t('cv')}))
class Fancy:
    def __getitem__(self, k):
        print('getitem', k)
        return 10
    def __setitem__(self, k, v):
        print('setitem', k, v)
fancy = Fancy()
fancy[t('fk', 'x')] += t('fv', 1)
fancy[t('a', 1):t('b', 2)] = t('slice value')
print(t('chain1', 1) < t('chain2', 2) < t('chain3', 3))
