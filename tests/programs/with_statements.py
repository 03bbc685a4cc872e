# with: __enter__/__exit__ order, suppression, exceptions in __exit__, multiple items.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, typ, value, tb):
        print('exit', self.name, typ.__name__ if typ else None, value)
        return self.suppress

with CM('a') as x, CM('b') as y:
    print('body', x, y)
with CM('s', suppress=True):
    raise ValueError('suppressed')
print('after suppressed')
try:
    with CM('n'):
        raise KeyError('passes')
except KeyError as e:
    print('outer caught', e)

def ret():
    with CM('r'):
        return 'returned'
print(ret())
for i in range(3):
    with CM(f'loop{i}'):
        if i == 1:
            break
class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
try:
    with 5:
        pass
except TypeError as e:
    print(e)
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError('from exit')
try:
    with BadExit():
        raise ValueError('original')
except RuntimeError as e:
    print(e, '| context:', repr(e.__context__))
with CM('t') as (a, b):
    print(a, b)
class Tuple:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *args):
        return False
with Tuple() as (p, [q, r]):
    print(p, q, r)
