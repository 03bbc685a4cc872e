class Point:
    def __init__(self, x):
        self.x = x

    def move(self, dx):
        self.x += dx


def untouched(n):
    return n * 2


def count(limit):
    total = 0
    for i in range(limit):
        total += i
    return total


counter = 0


def bump():
    global counter
    counter += 10


point = Point(1)
print(count(4))
untouched(3)
bump()
point.move(5)
print('end', counter, point.x)
