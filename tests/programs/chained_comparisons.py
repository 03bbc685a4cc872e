# Chained comparisons evaluate each operand once and short-circuit.
def f(x, label):
    print('eval', label)
    return x

print(f(1, 'a') < f(2, 'b') < f(3, 'c'))
print(f(1, 'a') < f(0, 'b') < f(3, 'c'))
print(1 < 2 > 1 == 1 != 2 <= 2 >= 2)
print(1 < 2 < 3 < 2)
class R:
    def __lt__(self, other):
        return 'truthy-result'
print(R() < R() < R())
print(R() < 1)
x = 5
print(0 <= x < 10, 0 < x < 3)
print([1] == [1] is not None)
print('a' < 'b' in 'abc')
try:
    print(1 < 'x' < 2)
except TypeError as e:
    print(e)
