class Helper:
    def method(self, n):
        return n + 1


def inner(n):
    return n * 2


def outer(a, b):
    return a + b


helper = Helper()
result = outer(inner(3), helper.method(2))
print('result', result)
