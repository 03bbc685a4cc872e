# The bytecode-level fields of code objects (co_consts, co_names) are CPython's for the same
# source, with nested code objects that run (Werkzeug's debugger console finds a lambda's code
# in co_consts); a module's code object survives marshal (Jinja2's bytecode cache).
import io
import marshal
import types

SOURCE = '''
"""doc"""
from __future__ import annotations
def f(a, *, k=3):
    """fdoc"""
    g = lambda: a + 1.5
    return [x * 2 for x in range(a)], g, "s", (1, 2), dict(k=1), -7, None
class C:
    def m(self): return {1, 2} | {3}
y = 5
'''


def describe(value):
    if isinstance(value, types.CodeType):
        return f'<code {value.co_qualname}>'
    return repr(value)


def show(code, depth=0):
    consts = ', '.join(describe(const) for const in code.co_consts)
    print('  ' * depth + f'{code.co_name}: ({consts}) names={code.co_names}')
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            show(const, depth + 1)


code = compile(SOURCE, '<console>', 'exec')
show(code)


def closure_consts():
    def inner(x=(1, 'two')):
        return x, 3.5
    return inner


print([describe(const) for const in closure_consts.__code__.co_consts])
print(closure_consts().__code__.co_consts, closure_consts().__code__.co_names)
print(describe.__code__.co_names)

# the lambda found in co_consts is the code the function runs
namespace = {}
exec(compile('y = 5\nx = lambda: y', '<debugger>', 'exec'), namespace)
found = [const for const in compile('x = lambda: y', '<d>', 'exec').co_consts
         if isinstance(const, types.CodeType)]
print(len(found), found[0].co_name, namespace['x']())

for dumped in (marshal.dumps(code), marshal.dumps(code, 2)):
    loaded = marshal.loads(dumped)
    print(type(loaded).__name__, loaded.co_filename, loaded.co_name)
    run = {}
    exec(loaded, run)
    print(run['__doc__'], run['f'](3)[0], run['f'](2)[1](), run['C']().m(), run['y'],
          run['f'].__code__.co_consts[0])

buffer = io.BytesIO()
marshal.dump(compile('value = [n * n for n in range(4)]', '/templates/page.html', 'exec'),
             buffer)
buffer.seek(0)
run = {}
exec(marshal.load(buffer), run)
print(run['value'])
print(marshal.loads(marshal.dumps((1, 'a', b'b', 2.5, None, frozenset({3})))))

# the optimization level survives a marshal round trip (compileall's hardlink dedup compares
# the marshalled code of each level)
source = 'assert False, "removed at -O"\nprint("reached")\n'
marshalled = []
for level in (0, 1, 2):
    data = marshal.dumps(compile(source, 'optimized.py', 'exec', dont_inherit=True,
                                 optimize=level))
    marshalled.append(data)
    try:
        exec(marshal.loads(data), {})
    except AssertionError as error:
        print(level, 'AssertionError', error)
print(marshalled[0] != marshalled[1])
