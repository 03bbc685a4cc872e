# Binary and unary operators on builtin types, including edge cases and errors.
print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ** -1, 2 ** 100, 7 / 2, 1e308 * 10)
print(divmod(-7, 2), 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, -1 >> 3)
print(-(-3), +True, not 0, not [], ~True)
print('ab' * 3, [1] * 2, 3 * (1, 2), 'x' + 'y')
print(1 == 1.0, 'a' in 'cat', 3 not in [1, 2])
for expr in ['1 / 0', '1 // 0', '1 % 0', "'a' + 1", '[] - []', '2 ** "x"', '~1.5', "-'s'",
             '1 << -1', 'None < 1']:
    try:
        eval(expr)
    except Exception as e:
        print(expr, '->', type(e).__name__, e)
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
x <<= 2
x >>= 1
x |= 8
x &= 12
x ^= 3
print(x)
s = 'a'
s += 'b'
s *= 2
print(s)
l = [1]
l2 = l
l += [2]
print(l is l2, l2)
t = (1,)
t2 = t
t += (2,)
print(t is t2, t2)
print(0.1 + 0.2, 1e-5, 1.5e300 * 1e10, float('nan') == float('nan'), 10 ** -2)
print(complex(1, 2) * 1j, abs(-3 + 4j), 2 ** 0.5)
print(True + True, True * 3, 3 / True)
print(0 or 'x', 1 and 2, None or 0 or [] or 'last', 1 and 0 and 2)
