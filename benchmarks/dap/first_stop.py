def work(n):
    total = 0
    for i in range(n):
        total += i
    return total


result = work(10)
print(result)
