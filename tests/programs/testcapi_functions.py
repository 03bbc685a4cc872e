"""_testcapi as the program sees it: its C functions belong to the module it imported (the
`self` they return is it), its recorder of C-level trace events records the program's frames,
and sys.settrace(None) removes it, as in CPython."""
import sys

import _testcapi

print(_testcapi.meth_noargs() is _testcapi, _testcapi.meth_o(5)[0] is _testcapi)
print(_testcapi.meth_varargs(1, 2)[1], _testcapi.meth_varargs_keywords(1, a=2)[1:])


def gen():
    yield 1


def func():
    for _ in (
        gen()
    ):
        pass


events = []
_testcapi.settrace_to_record(events); func(); sys.settrace(None)  # noqa: E702
start = func.__code__.co_firstlineno
print([(line - start, what) for what, line, arg in events])
print(sys.gettrace())
del events
func()
print('no recorder left')
