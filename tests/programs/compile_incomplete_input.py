"""compile() with PyCF_ALLOW_INCOMPLETE_INPUT (what codeop passes): a source cut off at the
end of input raises SyntaxError('incomplete input'), so codeop asks for another line; a real
error stays what it is."""
import codeop

ALLOW_INCOMPLETE = 0x4000
DONT_IMPLY_DEDENT = 0x200

SOURCES = [
    'x = 1', 'if x:', 'if x:\n  pass', 'if x:\n  pass\n', 'if x: pass', 'def f(', '(1,\n2',
    '"""abc', "'abc", "'abc\n", 'x = = 1', '1 +', '1 +\n', 'for i in y:\n', '@dec',
    'x = [1,', 'lambda:', 'try:\n  pass\n', 'try:\n  pass\nexcept:\n  pass\n', '\\',
    'a = 1 \\', 'x = 1 +\\\n', 'if 1:\n  x = (1 +\n', 'def f():\n  return', 'match x:',
    'else:', ')', 'x = 1\ny = 2', 'if x:\n  pass\nelse: pass',
    # a compound statement on its header line, trailing blanks: 'single' mode's last NEWLINE
    'def f(): pass', 'if 1: pass  # c', '@d\ndef f(): pass', 'if 1: pass\n  ',
    'if 1:\n    pass\n  ', 'if 1:\n  pass\n  ', '  ', 'if 1:\n  pass\n    ', '# c\n  ',
]

for source in SOURCES:
    for mode in ('single', 'exec', 'eval'):
        try:
            compile(source, '<input>', mode, ALLOW_INCOMPLETE | DONT_IMPLY_DEDENT)
            direct = 'compiles'
        except SyntaxError as error:
            direct = (f'{type(error).__name__}: {error.msg} ({error.lineno}, {error.offset}, '
                      f'{error.end_lineno}, {error.end_offset})')
        try:
            command = codeop.compile_command(source, '<input>', mode)
            asked = 'more input' if command is None else 'complete'
        except SyntaxError as error:
            asked = f'{type(error).__name__}: {error.msg}'
        print(f'{source!r:36} {mode:6} {asked:42} | {direct}')

compiler = codeop.CommandCompiler()
print(compiler('for i in range(2):'), compiler('for i in range(2):\n  print(i)\n') is not None)
