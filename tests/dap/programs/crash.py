def divide(a, b):
    return a / b


def main():
    values = [4, 2, 0]
    results = []
    for value in values:
        results.append(divide(8, value))
    return results


print('start')
main()
print('never')
