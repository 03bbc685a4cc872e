def numbers(limit):
    for value in range(limit):
        if value == 2:
            raise ValueError('two')
        yield value * 10


def consume():
    seen = []
    try:
        # next() rather than a for loop: the step hooks do not report an exception a
        # generator raises into a for loop yet (reported to the runtime's owner)
        iterator = numbers(4)
        while True:
            seen.append(next(iterator))
    except ValueError as error:
        seen.append(str(error))
    return seen


print(consume())
