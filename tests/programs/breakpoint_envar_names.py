"""PYTHONBREAKPOINT names that cannot be imported warn as CPython's C hook does (split at the last
dot, the module imported by PyImport_Import); importable ones are called."""

import os, warnings
for envar in ('.', '..', '.foo', 'foo.', '.int', 'int.', '.foo.bar', '..foo.bar', '/./', 'nosuchbuiltin', 'nosuchmodule.nosuchcallable', 'json.dumps', 'print'):
    os.environ['PYTHONBREAKPOINT'] = envar
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            r = breakpoint({'a': 1})
            print(envar, 'returned', r)
        except Exception as e:
            print(envar, type(e).__name__, e)
    print(envar, [(x.category.__name__, str(x.message), x.lineno) for x in w])
