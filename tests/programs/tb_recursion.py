# RecursionError: the repeated lines are collapsed exactly as CPython does.
def down(n):
    return down(n + 1)
def probe(n):
    try:
        return probe(n + 1)
    except RecursionError:
        return n
print(probe(0) > 900)
down(0)
