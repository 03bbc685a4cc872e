"""A module's docstring is its __doc__: for the script, imported modules and exec'd code."""
import email
import json
import os
import sys
import tempfile

print(__doc__)
print(json.__doc__.splitlines()[0])
print(email.__doc__)

with tempfile.TemporaryDirectory() as folder:
    with open(os.path.join(folder, 'documented.py'), 'w') as handle:
        handle.write('"""Documented module."""\nfrom __future__ import annotations\n'
                     'x: int = 1\nprint("inside:", __doc__)\n')
    with open(os.path.join(folder, 'undocumented.py'), 'w') as handle:
        handle.write('x = 1\n"""Not a docstring."""\n')
    sys.path.insert(0, folder)
    import documented
    import undocumented
    print(documented.__doc__, documented.__annotations__)
    print(undocumented.__doc__)

for source in ('"""exec doc"""\nx = 1', 'x = 1', '("""parenthesized""")', 'f"""f-string"""',
               'b"""bytes"""', '"""first"""\n"""second"""'):
    namespace = {}
    exec(source, namespace)
    print(repr(source), '->', repr(namespace.get('__doc__', 'no __doc__')))

namespace = {}
exec(compile('"""single"""', '<input>', 'single'), namespace)
print('single:', repr(namespace.get('__doc__', 'no __doc__')))
print('eval:', repr(eval('"""expression"""')))


class Mapping(dict):
    def __setitem__(self, key, value):
        print('store', key, repr(value))
        super().__setitem__(key, value)


exec('"""mapped"""\ny = 2', {}, Mapping())
