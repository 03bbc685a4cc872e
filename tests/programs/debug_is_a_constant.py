"""`__debug__` is a constant the compiler folds (True without -O), not a lookup of the builtin:
a program that changes builtins.__debug__ still reads True everywhere."""
import builtins

print(builtins.__debug__, __debug__)
setattr(builtins, '__debug__', 'changed')
print(builtins.__debug__, __debug__)


def in_function():
    return __debug__


class InClass:
    value = __debug__


print(in_function(), InClass.value, eval('__debug__'), [__debug__ for _ in 'a'],
      (lambda: __debug__)())
exec('print(__debug__)', {'__builtins__': {'print': print, '__debug__': 0}})
try:
    exec('__debug__ = 1')
except SyntaxError as error:
    print(error)
setattr(builtins, '__debug__', True)
