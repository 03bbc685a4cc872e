"""sys.setprofile/sys.settrace release the function they replace; its finalizer installing
another one is CPython's RuntimeError, reported as unraisable, and the outer install wins."""
import sys
import warnings

warnings.simplefilter('ignore')  # (Memphis's note that host calls are not profiled)


def foo(*args):
    pass


def bar(*args):
    pass


class Profiler:
    def __call__(self, *args):
        pass

    def __del__(self):
        sys.setprofile(bar)


class Tracer:
    def __call__(self, *args):
        pass

    def __del__(self):
        sys.settrace(bar)


sys.unraisablehook = lambda unraisable: print(
    'unraisable:', unraisable.object.__qualname__, type(unraisable.exc_value).__name__,
    unraisable.exc_value)
sys.setprofile(Profiler())
sys.setprofile(foo)
print(sys.getprofile() is foo)
sys.setprofile(None)
sys.settrace(Tracer())
sys.settrace(None)
print(sys.gettrace())
sys.settrace(Tracer())
sys.setprofile(Profiler())
sys.settrace(None)
sys.setprofile(None)
print(sys.gettrace(), sys.getprofile())
