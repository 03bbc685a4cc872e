import sys, io
print(sys.excepthook is sys.__excepthook__)
def blech(): pass
try:
    blechh
except NameError:
    old = sys.stderr
    sys.stderr = io.StringIO()
    sys.__excepthook__(*sys.exc_info())
    text = sys.stderr.getvalue()
    sys.stderr = old
print(text)
sys.excepthook(None, 'x', None)
