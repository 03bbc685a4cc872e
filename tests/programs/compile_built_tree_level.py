"""A tree built with the ast classes whose ImportFrom has level None, or none at all: compile()
reads it as 0, as CPython's obj2ast does."""
import ast
tree = ast.parse('from math import sqrt')
tree.body[0].level = None
ns = {}
exec(compile(tree, 's', 'exec'), ns)
print(ns['sqrt'])
tree = ast.parse('from math import sqrt')
del tree.body[0].level
exec(compile(tree, 's', 'exec'), ns)
print(ns['sqrt'])
