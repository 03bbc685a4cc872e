"""An invalid escape the tokenizer read before a syntax error is warned about once, first."""
import warnings

for source in ["'\\e' $", "x = 1\n'\\e' + (", "(\n'\\e'\n$", "1 +\n'\\e'", "'\\e'\n'\\q'\n1 +"]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always', category=DeprecationWarning)
        try:
            eval(source) if "\n" not in source else exec(source)  # noqa: S102
        except SyntaxError as e:
            print(repr(source), 'SyntaxError', e.msg, e.lineno)
    print(' ', [(str(x.message), x.lineno, x.filename) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter('error', category=DeprecationWarning)
    try:
        eval("'\\e' $")
    except SyntaxError as e:
        print('as error:', e.msg, e.lineno, e.offset)
