# sys.setprofile on interpreted code: 'call' and 'return' of every interpreted frame
# (functions, generators, classes, comprehensions); host functions' c_* events are left out.
import sys
import warnings

# Memphis says (CrossingWarning) that host functions' events are missing: not under test here
warnings.filterwarnings('ignore', message=r'sys\.setprofile')

def show(frame, event, arg):
    if event.startswith('c_'):
        return
    if not isinstance(arg, (int, str, list, type(None))):
        arg = type(arg).__name__
    print(f'{event:7} {frame.f_code.co_name:10} {arg!r}')


def leaf(x):
    return x + 1


def gen():
    yield leaf(1)
    yield 2


def raises():
    raise ValueError('no')


def main():
    total = sum([leaf(i) for i in range(2)])
    for value in gen():
        total += value
    class Inner:
        pass
    try:
        raises()
    except ValueError:
        pass
    return total


sys.setprofile(show)
main()
sys.setprofile(None)
print('getprofile after:', sys.getprofile())
