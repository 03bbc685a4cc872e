"""Float arithmetic in nested loops (a small n-body style kernel)."""


def advance(bodies, steps, dt):
    for _ in range(steps):
        for i in range(len(bodies)):
            xi, yi, vxi, vyi = bodies[i]
            for j in range(i + 1, len(bodies)):
                xj, yj, vxj, vyj = bodies[j]
                dx = xi - xj
                dy = yi - yj
                d2 = dx * dx + dy * dy + 0.01
                mag = dt / (d2 * d2 ** 0.5)
                vxi -= dx * mag
                vyi -= dy * mag
                bodies[j] = [xj, yj, vxj + dx * mag, vyj + dy * mag]
            bodies[i] = [xi + dt * vxi, yi + dt * vyi, vxi, vyi]
    return bodies


bodies = [[float(i), float(i * 2 % 5), 0.0, 0.0] for i in range(6)]
print(round(advance(bodies, 40_000, 0.001)[0][0], 6))
