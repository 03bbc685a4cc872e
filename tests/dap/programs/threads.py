import _thread
import time

finished = []


def worker(n):
    total = n * 10
    finished.append(total)
    return total


_thread.start_new_thread(worker, (4,))
while not finished:
    time.sleep(0.01)
print('result', finished[0])
