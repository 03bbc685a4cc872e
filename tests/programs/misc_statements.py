# Bare except catching SystemExit, loop variables after loops, try/else with return, dict order.
import sys
try:
    sys.exit(4)
except:
    print('bare except caught', sys.exc_info()[0].__name__)
for i in range(3):
    pass
print('i after loop', i)
for j in []:
    pass
try:
    print(j)
except NameError as e:
    print(e)
def try_else():
    try:
        value = 1
    except ValueError:
        return 'except'
    else:
        return f'else {value}'
    finally:
        print('finally after else return')
print(try_else())
order = []
d = {order.append('k1') or 'a': order.append('v1') or 1, order.append('k2') or 'b': order.append('v2') or 2}
print(order, d)
dc = {(order.append(f'k{x}') or x): (order.append(f'v{x}') or x) for x in range(2)}
print(order[4:], dc)
x = y = z = 0
x += 1; y -= 1; z = x + y
print(x, y, z)
if True: print('one-line if')
while False: pass
class Empty: pass
print(Empty.__name__, Empty.__doc__)
def pass_only(): pass
print(pass_only())
a = [1, 2, 3]
a[1:2] = ['x', 'y', 'z']
print(a)
a[::2] = [0, 0, 0]
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print(e)
del a[:]
print(a)
print(*'abc', sep='|')
print(-2 ** 2, (-2) ** 2, not 1 == 2, 2 ** 3 ** 2, 7 - 3 - 2, 2 * 3 % 4)
