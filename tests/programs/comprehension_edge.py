# Comprehensions: nested scopes, closures over the loop variable, conditions, unpacking targets.
pairs = [(1, 'a'), (2, 'b')]
print({k: v for k, v in pairs}, [v * k for k, v in pairs], {v for _, v in pairs} == {'a', 'b'})
funcs = [lambda: x for x in range(3)]
print([f() for f in funcs])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2 if x > 1])
print([(a, b) for a, *b in [(1, 2, 3), (4,)]])
def outer(n):
    return [[i * n for i in range(j)] for j in range(3)]
print(outer(2))
class Scope:
    factor = 3
    values = [1, 2]
    scaled = [v for v in values]
print(Scope.scaled)
print(list({x % 3: x for x in range(10)}.items()))
x = 'unchanged'
[x for x in range(3)]
print(x)
print(sorted({(i, j) for i in range(2) for j in range(2)}))
print([y := 5, y ** 2])
