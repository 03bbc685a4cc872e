"""A chaos-game fractal on a small grid (in the spirit of pyperformance's bm_chaos): a seeded
linear congruential generator, float transforms chosen at random, tuple unpacking, min/max."""


class Random:
    """A seeded LCG, so that both interpreters draw the same numbers."""

    def __init__(self, seed):
        self.state = seed

    def next_float(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state / 2147483648


TRANSFORMS = [
    (0.5, 0.0, 0.0, 0.5, 0.0, 0.0),
    (0.5, 0.0, 0.0, 0.5, 0.5, 0.0),
    (0.5, 0.0, 0.0, 0.5, 0.25, 0.433),
    (0.0, -0.3, 0.3, 0.0, 0.6, 0.2),
]


def chaos(points, size, seed):
    rng = Random(seed)
    grid = [[0] * size for _ in range(size)]
    x, y = 0.5, 0.5
    for _ in range(points):
        a, b, c, d, e, f = TRANSFORMS[int(rng.next_float() * len(TRANSFORMS))]
        x, y = a * x + b * y + e, c * x + d * y + f
        column = min(size - 1, max(0, int(x * size)))
        row = min(size - 1, max(0, int(y * size)))
        grid[row][column] += 1
    return grid


grid = chaos(300_000, 32, 1234)
print(sum(1 for row in grid for cell in row if cell), max(max(row) for row in grid))
