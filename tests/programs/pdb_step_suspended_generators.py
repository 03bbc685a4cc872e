"""pdb.set_trace() after a generator and a coroutine chain started: `step` into their
resumptions stops at '--Call--' in them, `next` in them stops at their later lines and
'--Return--' at their suspensions, `where` shows the coroutines awaiting each other."""
import io
import os
import pdb
import sys
import types


def debugger(script: str) -> tuple:
    out = io.StringIO()
    debugger = pdb.Pdb(stdin=io.StringIO(script), stdout=out, nosigint=True, readrc=False)
    debugger.use_rawinput = False
    return debugger, out


def show(out) -> None:
    sys.settrace(None)
    print(out.getvalue().replace(__file__, os.path.basename(__file__)))


def numbers():
    x = yield 1
    print('got', x)
    yield 2
    yield 3


@types.coroutine
def tick():
    yield 'tick'


async def leaf():
    await tick()
    return 'leaf done'


async def middle():
    value = await leaf()
    print('middle got', value)
    return value


g = numbers()
next(g)
d, out = debugger('step\nstep\nstep\nstep\nnext\nnext\ncontinue\n')
d.set_trace()
v = g.send(10)
print('sent', v)
show(out)

c = middle()
print('first', c.send(None))
d, out = debugger('step\nstep\nstep\nwhere\nnext\nnext\nnext\ncontinue\n')
d.set_trace()
try:
    c.send(None)
except StopIteration as stop:
    print('stop', stop.value)
show(out)
