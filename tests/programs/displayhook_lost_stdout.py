# sys.__displayhook__ with the program's sys.stdout deleted or None: RuntimeError, and `_`
# is reset before the write is attempted.
import builtins
import sys

saved = sys.stdout
for remove in (lambda: delattr(sys, 'stdout'), lambda: setattr(sys, 'stdout', None)):
    builtins._ = 'before'
    remove()
    try:
        sys.__displayhook__(42)
        result = 'no error'
    except RuntimeError as error:
        result = f'RuntimeError: {error}'
    finally:
        sys.stdout = saved
    print(result, builtins._)
sys.__displayhook__(43)
print(builtins._)
