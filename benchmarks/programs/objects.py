"""Object-heavy code: instances, attribute access, method calls, properties."""


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


class Particle:
    def __init__(self, position, velocity):
        self.position = position
        self.velocity = velocity

    def step(self):
        self.position = self.position.add(self.velocity)


particles = [Particle(Vector(i, -i), Vector(1, 2)) for i in range(100)]
for _ in range(8_000):
    for particle in particles:
        particle.step()
print(sum(p.position.norm1 for p in particles))
