# Loops combined with try/except/finally, break and continue inside handlers, else clauses.
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ValueError(attempts)
        print('succeeded after', attempts)
        break
    except ValueError as e:
        print('retry', e)
        continue
    finally:
        print('finally for attempt', attempts)
for i in range(4):
    try:
        if i % 2:
            continue
        print('even', i)
    finally:
        print('always', i)
else:
    print('loop else')
def find(items, target):
    for index, item in enumerate(items):
        try:
            if item == target:
                return index
        finally:
            print('checked', item)
    else:
        return -1
print(find('abc', 'b'), find('ab', 'z'))
def nested_finally():
    try:
        try:
            return 'inner'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(nested_finally())
result = []
for x in range(3):
    try:
        1 / (x - 1)
    except ZeroDivisionError:
        result.append('zero')
        break
    else:
        result.append(x)
print(result)
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return 'exception discarded'
print(break_in_finally())
