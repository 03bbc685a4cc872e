# Objects host C code hands out are the program's own: re.error raised for a bad replacement
# template (C calls the re module to parse it), copyreg.__newobj__/__newobj_ex__ returned by
# object.__reduce_ex__ (copy and pickle compare them with `is`).
import copy
import copyreg
import pickle
import re

try:
    re.sub('a', '\\c', 'a')
except re.error as error:
    print('caught re.error:', error, error.pos)


class C:
    pass


class K:
    def __getnewargs_ex__(self):
        return (), {'a': 1}

    def __new__(cls, a=0):
        instance = object.__new__(cls)
        instance.a = a
        return instance


print(C().__reduce_ex__(2)[0] is copyreg.__newobj__, K().__reduce_ex__(4)[0] is copyreg.__newobj_ex__)
print(copy.copy(K()).a, pickle.loads(pickle.dumps(K(), 4)).a, type(copy.deepcopy(C())).__name__)
