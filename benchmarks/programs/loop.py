"""A while loop with integer arithmetic in a function."""


def count(n):
    total = 0
    i = 0
    while i < n:
        total += i * 2 % 7
        i += 1
    return total


print(count(5_000_000))
