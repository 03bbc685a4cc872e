"""compile(): sources (str, bytes, buffers), flags, optimize levels, inherited __future__."""
from __future__ import annotations

import ast
import array

for source in ('x = 1', b'x = 1', bytearray(b'x = 1'), memoryview(b'x = 1'),
               array.array('b', b'x = 1'), 'x\0', b'x = 1\n\0', 1, None):
    try:
        namespace = {}
        exec(compile(source, 'name', 'exec'), namespace)
        print(type(source).__name__, namespace['x'])
    except (TypeError, SyntaxError) as error:
        print(type(source).__name__, type(error).__name__, error, getattr(error, 'lineno', ''))
for arguments in [('x', 'f', 'exec', 0xff), ('x', 'f', 'exec', 0, False, 3),
                  ('x', 'f', 'exec', 0, False, -2), ('x', 'f', 'bad'),
                  ('x', 'f', 'bad', ast.PyCF_ONLY_AST), ('x', 'f', 'func_type'),
                  ('x', b'bytes_name', 'eval'), ('x\ud800', 'f', 'exec')]:
    try:
        print(compile(*arguments).co_filename)
    except (TypeError, ValueError, UnicodeError) as error:
        print(type(error).__name__, error)
for source in ('x\0', memoryview(b'1 + 2'), b' \t 4'):
    try:
        print(eval(source))
    except SyntaxError as error:
        print(type(error).__name__, error)
print(ast.dump(compile('(int, str) -> bool', 'f', 'func_type', ast.PyCF_ONLY_AST)))
print(ast.dump(ast.parse('x = 1  # type: int', type_comments=True)))
try:
    ast.parse('def f(\n    *, # type: int\n    a, # type: int\n):\n    pass\n', type_comments=True)
except SyntaxError as error:
    print(error)
print(ast.dump(ast.parse('nonlocal x')))

optimized = '''
"""module doc"""
def f():
    """doc"""
    enabled = False
    if __debug__:
        enabled = True
    try:
        assert False, 'message'
    except AssertionError:
        return (True, f.__doc__, enabled, __debug__)
    return (False, f.__doc__, enabled, __debug__)
class C:
    "class doc"
print(f(), C.__doc__, globals().get('__doc__'))
'''
for level in (-1, 0, 1, 2):
    code = compile(optimized, '<optimized>', 'exec', optimize=level)
    exec(code, {})
    exec(compile(ast.parse(optimized), '<optimized>', 'exec', optimize=level), {})

annotated = 'def g(x: undefined) -> also_undefined: pass\nprint(g.__annotations__)'
exec(annotated)
exec(compile(annotated, 's', 'exec'))
try:
    exec(compile(annotated, 's', 'exec', dont_inherit=True))
except NameError as error:
    print('NameError', error)
exec(compile(annotated, 's', 'exec', 0x1000000, dont_inherit=True))
