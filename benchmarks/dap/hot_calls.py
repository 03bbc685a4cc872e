import sys
import time


def hot(n):
    return n + 1


def cold(n):
    value = n * 2
    return value


calls = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
start = time.process_time()
total = 0
for i in range(calls):
    total = hot(total)
elapsed = time.process_time() - start
print(f'elapsed {elapsed:.6f}')
