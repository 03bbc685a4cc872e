"""Loop headers and conditions spread over lines: a `for` starts at its iterable's line, a
`while` at its test's, and a jump after a comparison keeps the comparison's line (CPython's
compiler_jump_if, conditional expressions too); a lambda starts at its body's first instruction and returns at its own
line: the line events and the lines tracebacks show are CPython's."""
import asyncio


def gen():
    yield 1


def for_iterable_below():
    total = 0
    for _ in (
        gen()
    ):
        total += 1
    for item in \
            [3, 4]:
        total += item
    for item in [
            5, 6]:
        total += item
    return total


def while_tests(n):
    steps = []
    while (
        n > 0
    ):
        n -= 1
        steps.append(n)
    while \
            n < 2:
        n += 1
    while not (
        n == 5
    ):
        n += 1
    while (
        n and n < 7
    ):
        n += 1
    return steps, n


def if_tests(a, b):
    found = []
    if (
        a > b
    ):
        found.append('greater')
    if (a > 0 and
            b < 10):
        found.append('both')
    if not (
        a
    ):
        found.append('not a')
    if (
        a if b else a < 0
    ):
        found.append('ifexp')
    assert (
        a >= 0
    ), 'negative'
    return found


def conditional_values(a, b):
    x = (a
         if (b >
             1)
         else 0)
    y = (a if
         b > 1 else
         0)
    return x, y


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.n -= 1
        if self.n < 0:
            raise StopAsyncIteration
        return self.n


async def async_for_below():
    seen = []
    async for value in (
        Countdown(2)
    ):
        seen.append(value)
    return seen


constant_below = lambda: (  # noqa: E731
    1
)
call_below = lambda x: str(  # noqa: E731
    x,
)
generator_below = lambda: (yield  # noqa: E731
                           1)

print(constant_below(), call_below(2), list(generator_below()))
print(for_iterable_below(), conditional_values(1, 2), conditional_values(1, 0))
print(while_tests(3))
print(if_tests(2, 1), if_tests(0, 20))
print(asyncio.run(async_for_below()))
try:
    if_tests(-1, 0)
except AssertionError as error:
    print('AssertionError', error)
