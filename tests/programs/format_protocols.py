# str.format field access, __format__ with specs, __repr__/__str__ fallbacks, format errors.
class P:
    def __init__(self):
        self.name = 'point'
        self.coords = {'x': 1, 'y': 2}
        self.items = [10, 20]
    def __format__(self, spec):
        return f'P<{spec or "default"}>'
p = P()
print('{0.name} {0.coords[x]} {0.items[1]} {0}'.format(p))
print('{:>10}|{:wide}'.format(p, p), f'{p:custom}')
print('{name!r:>8}'.format(name='ab'), '{0:{1}}'.format(3.14159, '.2f'))
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr()'
print(str(OnlyRepr()), f'{OnlyRepr()}', '%s' % OnlyRepr(), format(OnlyRepr(), ''))
try:
    format(OnlyRepr(), 'x')
except TypeError as e:
    print(e)
try:
    '{0} {1}'.format('a')
except IndexError as e:
    print(e)
try:
    '{missing}'.format()
except KeyError as e:
    print('KeyError', e)
print('%(a)s-%(b)d' % {'a': 'x', 'b': 3}, '%c%c' % (72, 'i'), '%5.2e' % 12345.678)
print(repr('tab\there'), repr("it's"), repr('both\'"'), str(b'bytes'), repr(1.0), repr(1e20))
