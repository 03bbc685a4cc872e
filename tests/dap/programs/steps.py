def square(n):
    result = n * n
    return result


def total(values):
    acc = 0
    for v in values:
        acc += square(v)
    return acc


numbers = [1, 2, 3]
table = {'a': 1, 'b': [2, 3]}
answer = total(numbers)
print('answer', answer)
