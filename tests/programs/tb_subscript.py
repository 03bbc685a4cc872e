# Uncaught KeyError from a subscript inside an expression.
data = {'a': {'b': 1}}
def lookup(d):
    value = d['a']['c'] * 2
    return value
print('before')
lookup(data)
