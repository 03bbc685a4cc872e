# The __main__ module: __name__, __file__, sys.argv, print arguments, builtins identity.
import sys
print(__name__, __file__.endswith('main_module_misc.py'), sys.argv[0].endswith('main_module_misc.py'))
print(len(sys.argv), __doc__ is None, __builtins__.__name__ if hasattr(__builtins__, '__name__') else 'dict')
if __name__ == '__main__':
    print('running as main')
print('a', 'b', sep='-', end='!\n')
print('to stderr', file=sys.stderr)
print(*[1, 2, 3], sep=', ')
print()
sys.stdout.write('direct write\n')
print(type(len).__name__, len.__module__, abs(-2), round(2.675, 2), round(5), divmod(9, 4))
print(isinstance(print, type(len)), globals()['__name__'])
print(sys.getrecursionlimit() > 0, sys.maxsize > 2**31, type(sys.version_info).__name__)
print(hex(id(1))[:2], bool(hash('x')), type(None).__name__)
class Redirect:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass
old = sys.stdout
sys.stdout = Redirect()
print('captured')
captured = sys.stdout.parts
sys.stdout = old
print('captured parts:', captured)
