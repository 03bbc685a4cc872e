"""frame.clear(): refused on an executing frame, closes a suspended generator reached through a
traceback, releases the locals its call held (cells too: f_locals is then empty)."""
import sys, weakref
endly = False
def g():
    global endly
    try:
        1/0
    except ZeroDivisionError as e:
        f = e.__traceback__.tb_frame
        try:
            f.clear()
        except RuntimeError as err:
            print('RuntimeError', err)
        try:
            f.f_back.clear()
        except RuntimeError as err:
            print('RuntimeError back', err)
        yield f
    finally:
        endly = True
gen = g()
f = next(gen)
print(endly)
f.clear()
print(endly, gen.gi_frame)

class C: pass
def inner(x=5, **kw):
    1/0
def outer(c):
    try:
        inner(c=c)
    except ZeroDivisionError as e:
        return e
c = C(); wr = weakref.ref(c)
exc = outer(c)
del c
import gc; gc.collect()
print(wr() is not None)
tb = exc.__traceback__
while tb is not None:
    tb.tb_frame.clear()
    tb = tb.tb_next
gc.collect()
print(wr())
def h():
    x = 1
    def k(): return x
    return sys._getframe()
fr = h()
fr.clear()
print(fr.f_locals)
