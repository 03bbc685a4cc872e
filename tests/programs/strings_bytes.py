# str and bytes operations, slicing, methods, encoding errors.
s = 'Hello, World'
print(s[0], s[-1], s[2:5], s[::2], s[::-1], s[100:], s.lower(), s.split(', '))
print('-'.join(['a', 'b']), ' x '.strip(), 'abc'.replace('b', 'B'), 'a,b,,c'.split(','))
print('%05.1f|%-4s|%x' % (3.14159, 'ab', 255), 'abc'.center(9, '*'), 'x'.zfill(3))
print(s.find('o'), s.rfind('o'), s.count('l'), s.startswith('He'), s.endswith(('x', 'd')))
print('ß'.upper(), 'İ'.lower(), len('日本語'), '日本語'.encode('utf-8'), b'\xe6\x97\xa5'.decode())
b = b'bytes\x00\xff'
print(b, b[0], b[1:3], list(b[-2:]), bytearray(b'ab') + b'c', b.hex())
try:
    'x' + b'y'
except TypeError as e:
    print(e)
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e)
try:
    s[100]
except IndexError as e:
    print(e)
try:
    s[0] = 'h'
except TypeError as e:
    print(e)
print(str(1.0), str(10**20), repr('quote\'s'), ascii('é'), chr(65), ord('A'))
print('{0}{1}{0}'.format('a', 'b'), '{:*^10}'.format('mid'), '{!r:>8}'.format('r'))
print('a\tb'.expandtabs(4), 'line1\nline2'.splitlines(), 'Title case'.title(), 'abc'.isalpha())
print(int('42'), int('ff', 16), float('1e3'), int('  7 '), str(True), int(True))
try:
    int('4.2')
except ValueError as e:
    print(e)
print(sorted('banana'), set('aab') == {'a', 'b'}, 'ab' * 0, 'b' in 'abc', 'abc' < 'abd')
print(f'{"x":*>4}', 'CamelCase'.swapcase(), 'a b c'.rsplit(' ', 1), 'abc'.partition('b'))
