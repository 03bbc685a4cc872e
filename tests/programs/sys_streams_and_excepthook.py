import sys, io, contextlib
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print("after", repr(buf.getvalue()))
old = sys.stdout
sys.stdout = io.StringIO()
print("hidden")
x = sys.stdout.getvalue()
sys.stdout = old
print(x.strip())
sys.stderr = sys.stdout
import types, json
print(type(sys) is types.ModuleType, isinstance(json, types.ModuleType), type(sys).__name__)
print(sorted(n for n in dir(sys) if n.startswith('std')))
def hook(t, v, tb):
    print("hook", t.__name__, v, file=sys.__stderr__)
sys.excepthook = hook
1/0
