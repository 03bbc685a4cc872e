# if/while/for with else, break/continue, nested loops, for over various iterables.
for i in range(3):
    if i == 5:
        break
else:
    print('for else ran')
for i in range(3):
    if i == 1:
        break
else:
    print('not printed')
n = 0
while n < 3:
    n += 1
else:
    print('while else', n)
while True:
    n -= 1
    if n == 1:
        continue
    if n < 0:
        break
    print('n', n)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a, b, c)
for k, v in {'x': 1, 'y': 2}.items():
    print(k, v)
for ch in 'hi':
    print(ch)
for i in range(2):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
if 0:
    print('no')
elif []:
    print('no')
elif 'x':
    print('elif')
else:
    print('no')
x = 'yes' if 0 else 'no'
print(x)
try:
    for x in 5:
        pass
except TypeError as e:
    print(e)
def early(items):
    for item in items:
        if item > 1:
            return item
    return None
print(early([0, 1, 2, 3]), early([]))
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
print(total)
d = {1: 'a'}
try:
    for k in d:
        d[k + 1] = 'b'
except RuntimeError as e:
    print(e)
