"""Points with float coordinates made, normalised and reduced (after pyperformance's
bm_float): object creation, math functions, attribute access."""

from math import cos, sin, sqrt


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return f'<Point: x={self.x}, y={self.y}, z={self.z}>'

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x  # noqa: FURB136 - as bm_float
        self.y = self.y if self.y > other.y else other.y  # noqa: FURB136 - as bm_float
        self.z = self.z if self.z > other.z else other.z  # noqa: FURB136 - as bm_float
        return self


def maximize(points):
    next_ = points[0]
    for p in points[1:]:
        next_ = next_.maximize(p)
    return next_


def benchmark(n):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i)
    for p in points:
        p.normalize()
    return maximize(points)


for _ in range(3):
    result = benchmark(50_000)
print(result)
