"""SyntaxError positions and text from compile() of strings and bytes: byte columns for bytes
declaring no encoding, a newline-terminated text, a range over several lines marked to the end
of its first line, backslash-continued lines, undecodable declarations."""
import traceback

sources = [
    b'x = "\xc3\xa9" + $', b'x = "\xc3\xa9" +', b'# coding: utf-8\nx = "\xc3\xa9" + $',
    b'\xef\xbb\xbfx = "\xc3\xa9" + $', b'x = (', b'def f(:\n  pass', b'x = "\xc3\xa9"; 1 +* 2',
    b'\xc3\xa9 = 1 $', b's = "\xc3\xa9" \\\n  $', b'x = 1 + \\\n  $', b'print("\\\n"$)',
    b"\xef\xbb\xbf#coding: utf8\nprint('\xe6\x88\x91')\n", b'# coding: foo\nx = 1',
    b'# coding: ascii\nx = "\xe9"', b'# coding: latin-1\nx = "\xe9" +',
    b'\xef\xbb\xbf# coding: latin-1\nx = 1',
    b'\ndef foo(*args, **kwargs):\n    pass\n\nfoo(a, z\n        for z in\n'
    b'            range(10), b, c)\n',
    b'f(a for a in b, c)', b'f(a, b for b in c, d)',
    # the tokenizer's own errors: the line without its end
    b'x = 0xI', b'x = 0xI\n', b'x = "abc\n', b"x = \'\'\'abc\n", b'x = $\n', b'x = )\n',
    b'x = (]\n', b'if x:\n    a\n  b\n', b'if x:\n\ta\n        b\n', b'x = 1 \\ 2\n',
    b'x = (\n', b'x = 1_\n', b'a = 0o8\n', b'x = [1,\n 2\n', b'x = \xe2\x82\xac\n',
    b'def f(:\n', b'x = 1 +\n', b'  x = 1\n', b'if 1:\npass\n', b'x = 1__0\n',
    # "never closed" is the parser's, at the tokenizer's (byte) column of the bracket
    b'x = "\xc3\xa9" (', b'x = "\xc3\xa9" + (1 +\n', b'\xc3\xa9 = [1,\n2\n',
]
for source in sources:
    for each in (source, source.decode('utf-8', 'replace').removeprefix('\ufeff')):
        try:
            compile(each, '<string>', 'exec')
        except SyntaxError as error:
            print(type(each).__name__, repr(error.msg), error.lineno, error.offset,
                  error.end_lineno, error.end_offset, repr(error.text))
            print(''.join(traceback.format_exception_only(error)), end='')
