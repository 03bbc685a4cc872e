# f-strings: conversions, nested format specs, self-documenting =, format() protocol.
name = 'world'
width = 10
value = 3.14159
print(f'hello {name}!')
print(f'{name!r} {name!s} {name!a} {"é"!a}')
print(f'{value:.2f} {value:{width}.{3}} |{name:>{width}}| {name:^9}|')
print(f'{42:#x} {42:08b} {1234567:,} {0.5:%}')
print(f'{value=} {name = } {1 + 1=}')
print(f'{{literal}} {"nested " + f"{name}"}')
class Fmt:
    def __format__(self, spec):
        return f'<{spec}>'
    def __repr__(self):
        return 'Fmt()'
    def __str__(self):
        return 'str-Fmt'
print(f'{Fmt()} {Fmt():abc} {Fmt()!r} {Fmt()!s:>10}')
print(format(3, '03'), format('x', '>3'), '{} {:>4} {name}'.format(1, 2, name='n'))
print('%s %d %.1f %r %%' % ('a', 3, 2.55, 'q'))
try:
    f'{value:d}'
except ValueError as e:
    print(e)
items = [1, 2]
print(f'{items[0]} {items[-1]:>3} {len(items)}')
d = {'k': 'v'}
print(f"{d['k']}")
print(f'{"multi" if value > 3 else "no"}')
print(f'''{
    name
}''')
