"""sys.settrace started inside a coroutine another coroutine awaits: the awaiting one's
`await` resumed before tracing started, so the StopIteration carrying the awaited one's result
is not reported in it (CPython's SEND ran untraced); its 'return' and the caller's exception
are; the frames' f_back chains are the coroutines'."""
import sys
import types


@types.coroutine
def tick():
    yield 'tick'
async def inner(n):
    await tick()
    start()
    value = n * 2
    return value
async def outer():
    result = await inner(3)
    return result + 1
def drive(coroutine):
    try:
        while True:
            coroutine.send(None)
    except StopIteration as stop:
        return stop.value
def tracer(frame, event, arg):
    chain = []
    f = frame
    while f is not None:
        chain.append(f.f_code.co_name); f = f.f_back
    if event != 'line':
        print(event, frame.f_code.co_name, frame.f_lineno, chain,
              (arg[2] is not None) if event == 'exception' else '')
    return tracer
def start():
    f = sys._getframe(1)
    while f:
        f.f_trace = tracer
        f = f.f_back
    sys.settrace(tracer)
print(drive(outer()))
sys.settrace(None)
