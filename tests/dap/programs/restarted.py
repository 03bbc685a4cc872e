def scale(values, factor):
    values = [v * factor for v in values]
    factor = 0
    print('scaled', values)
    return values


def outer(n):
    data = list(range(n))
    return scale(data, 10)


print('result', outer(3))
