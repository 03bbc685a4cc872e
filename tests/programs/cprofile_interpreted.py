# cProfile of interpreted functions with a deterministic timer: call counts, recursive
# calls, total and inline times, callers (pstats reads the profiler's entries), generator
# resumptions, enable/disable, sys.getprofile, a failing timer reported as unraisable.
import cProfile
import pstats
import sys

clock = 0


def timer():
    return clock


def tick(units):
    global clock
    clock += units


def leaf():
    tick(10)


def recursive(n):
    tick(1)
    if n:
        recursive(n - 1)
    leaf()


def numbers():
    for n in range(3):
        tick(2)
        yield n


def main():
    tick(5)
    recursive(2)
    leaf()
    total = 0
    for number in numbers():  # (a built-in calling it would be its caller: no such entries)
        total += number
    return total


profiler = cProfile.Profile(timer, 0.001)
print('result', profiler.runcall(main))
stats = pstats.Stats(profiler)
for (_, _, name), (cc, nc, tt, ct, callers) in sorted(stats.stats.items()):
    print(name, nc, cc, round(tt, 3), round(ct, 3),
          sorted((caller[2], values[0]) for caller, values in callers.items()))

profiler = cProfile.Profile()
profiler.enable()
print('enabled', sys.getprofile() is profiler)
profiler.disable()
print('disabled', sys.getprofile())
with cProfile.Profile() as context:
    leaf()
print(sorted(key[2] for key in pstats.Stats(context).stats))


def failing_timer():
    raise ValueError('no time')


def unraisable(args):
    print('unraisable', args.exc_type.__name__, args.exc_value, args.object.__name__)


sys.unraisablehook = unraisable
profiler = cProfile.Profile(failing_timer)
profiler.enable()
leaf()
profiler.disable()
sys.unraisablehook = sys.__unraisablehook__
