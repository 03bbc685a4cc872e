# faulthandler's dumps show the interpreted stack of each thread, in the C functions' format
# (thread ids masked: they differ between runs); enable() works on a captured descriptor.
import faulthandler
import os
import re
import tempfile
import threading


def masked(text):
    return re.sub(r'0x[0-9a-f]{16}', '0x<thread>', text)


def read_dump(path):
    with open(path) as handle:
        return masked(handle.read())


started = threading.Event()
release = threading.Event()


def worker():
    started.set()
    release.wait()


def inner(path, all_threads):
    with open(path, 'w') as handle:
        handle.write('(buffered text is flushed first)\n')
        faulthandler.dump_traceback(file=handle, all_threads=all_threads)


def outer(path, all_threads):
    inner(path, all_threads)


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, 'dump.txt')
    outer(path, False)
    print(read_dump(path))
    thread = threading.Thread(target=worker)
    thread.start()
    started.wait()
    outer(path, True)
    print(read_dump(path))

    with open(path, 'w') as handle:
        faulthandler.dump_traceback_later(0.3, file=handle)
        finished = threading.Event()
        finished.wait(1.5)
        faulthandler.cancel_dump_traceback_later()
    print(read_dump(path))
    with open(path, 'w') as handle:
        faulthandler.dump_traceback_later(1.25, repeat=True, file=handle.fileno())
        faulthandler.cancel_dump_traceback_later()
    print(repr(read_dump(path)))
    release.set()
    thread.join()

    for bad in (0, -1.5):
        try:
            faulthandler.dump_traceback_later(bad)
        except ValueError as error:
            print('ValueError:', error)
    try:
        faulthandler.dump_traceback(file=-1)
    except ValueError as error:
        print('ValueError:', error)

    with open(path, 'w') as handle:
        faulthandler.enable(file=handle)
        print('enabled:', faulthandler.is_enabled())
        faulthandler.disable()
    print('enabled:', faulthandler.is_enabled())
