"""compile() in 'single' mode with several statements (the error at the comment that starts
CPython's NEWLINE token), and the filenames compile() takes."""
import warnings

for source in ['1\n2', 'a = 13\nb = 187', 'del x\ndel y', 'f()\ng()', 'f()\n# blah\nblah()',
               'f()\nxy # blah\nblah()', 'x = 5 # comment\nx = 6\n', 'é = 5 # c\nx=1',
               "c = '''\nd=1\n'''\na = 1\n\nb = 2\n", 'x = 5   \nx = 6', 'def f(): pass\n']:
    try:
        compile(source, '<s>', 'single')
        print('compiled', repr(source))
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
for filename in ('file.py', b'file.py', bytearray(b'file.py'), memoryview(b'file.py'),
                 list(b'file.py'), 3):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            code = compile('pass', filename, 'exec')
            print(code.co_filename, [(str(w.message), w.category.__name__) for w in caught])
        except TypeError as e:
            print('TypeError', e)
