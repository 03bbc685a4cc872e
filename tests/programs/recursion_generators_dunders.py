# Deep recursion through yield from chains and through operator dunders (host C frames).
def walk(n):
    if n:
        yield n
        yield from walk(n - 1)
print(sum(walk(900)))
class T:
    def __init__(self, d):
        self.d = d
    def __eq__(self, other):
        return self.d == 0 or T(self.d - 1) == other
print(T(400) == 1)
import sys
sys.setrecursionlimit(10000)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(9000))
def g(n):
    if n:
        yield from g(n - 1)
    yield n
print(len(list(g(5000))))
