"""Code objects are not picklable nor copyable (deepcopy keeps the same one), alone or inside
another object (typing.ForwardRef keeps one)."""
import copy
import pickle
import typing


def function():
    return 1


code = function.__code__
print(copy.deepcopy(code) is code, copy.deepcopy([code])[0] is code)
for attempt in (lambda: copy.copy(code), lambda: pickle.dumps(code),
                lambda: code.__reduce_ex__(1), lambda: code.__reduce__(),
                lambda: pickle.dumps(compile('x = 1', 's', 'exec'), 0)):
    try:
        attempt()
    except TypeError as error:
        print('TypeError', error)
reference = typing.ForwardRef('set[int]')
for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
    try:
        pickle.dumps(reference, protocol)
    except TypeError as error:
        print(protocol, 'TypeError', error)
