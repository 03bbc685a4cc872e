import sys
def hook(t, v, tb):
    print("hook", t.__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name)
    raise KeyError('in hook')
sys.excepthook = hook
def f():
    1/0
f()
