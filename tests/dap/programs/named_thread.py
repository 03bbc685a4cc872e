import threading


def worker(n):
    total = n * 10
    return total


thread = threading.Thread(target=worker, args=(4,), name='cruncher')
thread.start()
thread.join()
print('joined')
