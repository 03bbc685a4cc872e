"""compile(), exec() and eval() of bytes decode them as CPython does: BOM and PEP 263 cookie."""

latin = '# -*- coding: latin-1 -*-\nVALUE = "föö"\n'.encode('latin-1')
namespace = {}
exec(compile(latin, 'config.py', 'exec'), namespace)
print(namespace['VALUE'])

euro = '# vim: set fileencoding=iso-8859-15 :\nVALUE = "\u20ac"\n'.encode('iso-8859-15')
namespace = {}
exec(euro, namespace)
print(ascii(namespace['VALUE']))

second_line = '#!/usr/bin/env python\n# coding: cp1252\nVALUE = "\u2019"\n'.encode('cp1252')
namespace = {}
exec(compile(bytearray(second_line), 'script.py', 'exec'), namespace)
print(ascii(namespace['VALUE']))

exec(b'\xef\xbb\xbfprint("after a BOM")\n')
print(eval(b'  1 + 2'))
print(eval('# coding: latin-1\n"\xe9"'.encode('latin-1')))

for source in (b'# coding: no-such-codec\nx = 1\n', b'x = "\xff"\n',
               b'\xef\xbb\xbf# coding: latin-1\nx = 1\n'):
    try:
        compile(source, 'broken.py', 'exec')
    except SyntaxError as error:
        print(type(error).__name__, error.msg, error.lineno)
