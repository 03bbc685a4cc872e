# Interpreted asyncio (tasks, gather, queues, timeouts) and threading/queue/concurrent.futures.
import asyncio
import concurrent.futures
import queue
import threading


async def worker(name, jobs, results):
    while True:
        job = await jobs.get()
        await asyncio.sleep(0)
        results.append((name, job * job))
        jobs.task_done()


async def main():
    jobs = asyncio.Queue()
    results = []
    for n in range(6):
        jobs.put_nowait(n)
    tasks = [asyncio.create_task(worker(f'w{i}', jobs, results)) for i in range(2)]
    await jobs.join()
    for task in tasks:
        task.cancel()
    gathered = await asyncio.gather(*tasks, return_exceptions=True)
    print(sorted(job for _, job in results), [type(g).__name__ for g in gathered])
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except TimeoutError:
        print('timed out')
    values = await asyncio.gather(*(asyncio.sleep(0, result=i) for i in range(3)))
    print(values)
    event = asyncio.Event()
    asyncio.get_running_loop().call_soon(event.set)
    await event.wait()
    print('event set', event.is_set())
    return 'done'


print(asyncio.run(main()))

counter = 0
lock = threading.Lock()


def add(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1


threads = [threading.Thread(target=add, args=(200,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
q = queue.Queue()
producer = threading.Thread(target=lambda: [q.put(i) for i in range(3)])
producer.start()
producer.join()
print([q.get() for _ in range(3)], q.empty())
with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(lambda x: x * 10, range(5))))
    future = pool.submit(divmod, 7, 2)
    print(future.result())
