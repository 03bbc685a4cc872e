# Walrus binding (including in comprehensions) and comprehension scoping rules.
if (n := 10) > 5:
    print('n is', n)
data = [1, 2, 3, 4]
print([y for x in data if (y := x * 2) > 4], y)
total = 0
print([total := total + x for x in data], total)
def f():
    result = [last := i for i in range(3)]
    return result, last
print(f())
x = 'outer'
print([x for x in range(2)], x)
print({k: v for k, v in zip('ab', range(2))}, {c for c in 'aab'} == {'a', 'b'})
print([(i, j) for i in range(3) for j in range(i) if j % 2 == 0])
print([[j for j in range(i)] for i in range(3)])
class C:
    items = [1, 2]
    doubled = [i * 2 for i in items]
    try:
        bad = [items for _ in range(1)]
    except NameError as e:
        print('class scope:', e)
print(C.doubled)
while (chunk := data[:2]):
    print(chunk)
    data = data[2:]
print(sum(x * x for x in range(5)))
gen = (i for i in range(3))
print(next(gen), list(gen))
def outer():
    v = 5
    return [v + i for i in range(2)]
print(outer())
print([i for i in range(3) if i if i > 1])
