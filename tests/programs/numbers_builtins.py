# Numeric builtins and conversions: int/float/complex edge cases, rounding, bases, bool arithmetic.
print(int(3.9), int(-3.9), round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 3))
print(float('inf') > 10**308, float('-inf'), float('nan') != float('nan'), 1e16 + 1)
print(10 / 3, 10 // 3, -10 // 3, 10 % -3, 2 ** 0.5, pow(2, 10, 1000), pow(2, -2))
print(abs(-7), abs(-7.5), abs(3 + 4j), (1 + 2j).conjugate(), complex('1+2j'))
print(bin(10), oct(10), hex(255), int('0b101', 0), int('0o17', 0), int('0x1f', 0))
print(divmod(-7, 2), divmod(7.5, 2), max(1, 2.5), min([4, 2, 8]), sum([0.1] * 10))
print((5).bit_length(), (255).to_bytes(2, 'big'), int.from_bytes(b'\x01\x00', 'big'))
print(1_000_000, 0xFF_FF, 1e3, 1.5e-3, .5, 5., 0o777, 0b1010)
print(isinstance(True, int), True + 1, sum([True, True, False]), int(False))
print(3 == 3.0, hash(3) == hash(3.0), 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(float.fromhex('0x1p-1'), (0.5).as_integer_ratio(), (10).__add__(5), (7).__rtruediv__(14))
for bad in ['int("x")', 'float("abc")', '1 / 0.0', '2 ** 10000.0', 'int(float("inf"))']:
    try:
        eval(bad)
    except (ValueError, ZeroDivisionError, OverflowError) as e:
        print(bad, '->', type(e).__name__, e)
print(f'{2**64:,}', f'{1/3:.5}', f'{-0.0}', str(-0.0), 7 .real, 3.0.is_integer())
print(sorted([3, 1.5, True, -2]), list(map(int, '123')))
