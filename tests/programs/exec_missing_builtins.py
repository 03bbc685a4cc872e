# exec with a __builtins__ lacking what a statement needs: CPython's NameError/ImportError.
code = compile("class A: pass", "", "exec")
for builtins in [{}, {'x': 1}]:
    try:
        exec(code, {'__builtins__': builtins})
        print('no error')
    except NameError as e:
        print('NameError', e)


class ReadOnly(dict):
    def __setitem__(self, key, value):
        raise TypeError('read-only')


import builtins
namespace = {'__builtins__': ReadOnly(builtins.__dict__)}
exec(code, namespace)
print(namespace['A'].__name__)
for statement in ["import os", "from os import path", "from os import *"]:
    try:
        exec(statement, {'__builtins__': {}})
    except ImportError as e:
        print('ImportError', e)
try:
    exec("__builtins__['superglobal'] = 2", {'__builtins__': ReadOnly(builtins.__dict__)})
except TypeError as e:
    print('TypeError', e)
