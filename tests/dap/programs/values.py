import re


def recurse(depth):
    if depth == 0:
        marker = 'bottom'
        return marker
    return recurse(depth - 1)


def show(numbers, mapping):
    pattern = re.compile(r'\d+')
    found = pattern.findall('a1b22')
    total = sum(numbers)
    print('total', total)
    return found


numbers = list(range(2500))
mapping = {'alpha': 1, 2: [3, 4]}
show(numbers, mapping)
recurse(30)
print('end')
