# Comprehensions, generator expressions and lambdas nested inside operators, calls and assignments.
def render(fields):
    text = '(' + ','.join(repr(f) for f in fields) + ',)'
    pairs = [(k, v) for k, v in zip(fields, range(3))] + [(x, -1) for x in 'z']
    key = sorted(fields, key=lambda f: -len(f))[0] + '!'
    total = sum(len(f) for f in fields) * 2 + len([c for c in text if c == ','])
    return text, pairs, key, total
print(render(['ab', 'c', 'def']))
class Table:
    rows = [[1, 2], [3, 4]]
    width = max(len(r) for r in rows) + 1
    def cells(self):
        return {(i, j): v * 10 for i, row in enumerate(self.rows) for j, v in enumerate(row)}
print(Table.width, Table().cells())
adders = [lambda x, n=n: x + n for n in range(3)] + [lambda x: x * 100]
print([a(1) for a in adders])
