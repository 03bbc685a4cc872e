def compute(items):
    total = 0
    for item in items:
        total += item
        if item > 1:
            print('big', item)
    total = total * 10
    print('total', total)
    return total


result = compute([1, 2, 3])
print('result', result)


def guarded(values):
    with open(__file__) as handle:
        first = handle.readline()
    try:
        count = len(values)
    finally:
        count = -1 if not values else count
    return first.strip(), count


def numbers():
    for n in range(3):  # noqa: UP028 - a loop to stop in (tests/dap/test_goto.py)
        yield n
    yield 'end'


print(guarded([1]), list(numbers()))
