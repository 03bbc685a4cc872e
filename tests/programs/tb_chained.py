# Uncaught exception with implicit chaining through a handler.
def parse(text):
    try:
        return int(text)
    except ValueError:
        raise LookupError(f'cannot parse {text!r}')
parse('abc')
