"""Generators: a pipeline of generator functions and a generator expression."""


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(source):
    for value in source:
        if value % 2 == 0:
            yield value


def squares(source):
    for value in source:
        yield value * value


print(sum(squares(evens(numbers(2_000_000)))))
print(sum(x for x in range(2_000_000) if x % 3 == 0))
