# Protocols 0 and 1 pickle an instance of a class with a C base other than object through
# object.__reduce_ex__, which returns copyreg._reconstructor: pickle.py saves it by name after
# checking it is the object in sys.modules['copyreg'] (Jinja2's LRUCache, Werkzeug's
# MultiDict). Every protocol round-trips, with the same bytes as CPython's.
import copy
import copyreg
import pickle


class Bag(dict):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = 1


class Plain:
    def __init__(self):
        self.x = [1, 2]


class Slotted(list):
    __slots__ = ('tag',)

    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag

    def __getstate__(self):
        return self.tag

    def __setstate__(self, state):
        self.tag = state


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for obj in (Bag({'a': 1}), Plain(), Slotted([3, 4], 'z')):
        data = pickle.dumps(obj, proto)
        back = pickle.loads(data)
        state = back.tag if isinstance(back, Slotted) else vars(back)
        print(proto, type(back).__name__, state, list(back) if isinstance(back, (dict, list))
              else '', data if proto < 2 else len(data))

print(copyreg._reconstructor.__module__, copyreg._reconstructor.__qualname__)
print(pickle.loads(pickle.dumps(copyreg._reconstructor, 0)) is copyreg._reconstructor)
print(copy.deepcopy(Bag({'b': 2})).extra, copy.copy(Slotted([1], 'q')).tag)
print(Bag({'c': 3}).__reduce_ex__(1)[0] is copyreg._reconstructor)
