# Recursion: depth reached under the default limit and after sys.setrecursionlimit.
import sys
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
first = depth(0)
print(900 < first < 1000, sys.getrecursionlimit())
def count(n):
    return n if n == 0 else count(n - 1)
print(count(900))
def mutual_a(n):
    return n if n <= 0 else mutual_b(n - 1)
def mutual_b(n):
    return mutual_a(n - 1)
print(mutual_a(800))
try:
    count(5000)
except RecursionError as e:
    print('RecursionError:', e)
