"""The frame chain of coroutines awaiting each other: an awaited coroutine's f_back is the
awaiting coroutine's frame, before and after a suspension, and each is resumed by whoever
sends; a suspended coroutine's frame has no f_back; a generator's frame seen by a profile
function at its suspension and resumption is linked to whom it yields to."""
import sys
import types


def chain() -> list:
    frame = sys._getframe(1)
    names = []
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return names


@types.coroutine
def tick():
    yield 'tick'


async def inner():
    print('inner before', chain())
    await tick()
    print('inner after', chain())
    return 'inner result'


async def outer():
    result = await inner()
    print('outer', chain(), result)
    return result


def drive(coroutine):
    print('first', coroutine.send(None))
    print('suspended f_back', coroutine.cr_frame.f_back)
    try:
        coroutine.send(None)
    except StopIteration as stop:
        print('result', stop.value)


def resumer(coroutine):
    drive(coroutine)


resumer(outer())


def numbers():
    yield 1
    yield 2


def profiler(frame, event, arg):
    if frame.f_code.co_name == 'numbers':
        back = frame.f_back
        print(event, back.f_code.co_name if back is not None else None)


def consume():
    return max(numbers())


sys.setprofile(profiler)
print(consume())
sys.setprofile(None)
