def make_counter(start):
    count = start
    label = 'counter'
    print(label)

    def bump(step):
        nonlocal count
        count += step
        return count

    return bump


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


bump = make_counter(10)
bump(1)
bump(2)
point = Point(3, 4)
print(point.norm2())
