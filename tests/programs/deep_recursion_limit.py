# Deeper recursion after sys.setrecursionlimit, and a clean RecursionError past the new limit.
import sys
sys.setrecursionlimit(5000)
def depth(n):
    return n if n == 0 else 1 + depth(n - 1)
print(depth(4500))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print('RecursionError:', e)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
class Node:
    def __init__(self, child=None):
        self.child = child
    def length(self):
        return 1 if self.child is None else 1 + self.child.length()
node = None
for _ in range(3000):
    node = Node(node)
print(node.length())
