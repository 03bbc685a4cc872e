"""compile() of trees built with the ast classes, as code generators (Werkzeug's router) do."""
import ast
import traceback

call_in_fstring = ast.Module(body=[ast.Expr(ast.JoinedStr([
    ast.Call(ast.Name('str', ast.Load()), [ast.Constant(5)], []), ast.Constant('x')]),
    lineno=3, col_offset=0, end_lineno=3, end_col_offset=9)], type_ignores=[])
try:
    compile(call_in_fstring, '<s>', 'exec')
except TypeError as error:
    print('TypeError', error)
ast.fix_missing_locations(call_in_fstring)
exec(compile(call_in_fstring, '<s>', 'exec'))

expression = ast.Expression(ast.JoinedStr([
    ast.Call(ast.Name('str', ast.Load()), [ast.Constant(5)], []), ast.Constant('!')]))
ast.fix_missing_locations(expression)
print(eval(compile(expression, '<s>', 'eval')))
try:
    compile(call_in_fstring, '<s>', 'eval')
except TypeError as error:
    print('TypeError', error)

# line numbers of a parsed-then-compiled tree are the tree's
tree = ast.parse("def f(x):\n    return 1/x\nf(0)\n")
try:
    exec(compile(tree, 'built.py', 'exec'))
except ZeroDivisionError as error:
    print([(frame.lineno, frame.name) for frame in traceback.extract_tb(error.__traceback__)])

try:
    compile(ast.Module([ast.Nonlocal(['x'], lineno=1, col_offset=0)], []), 'b.py', 'exec')
except SyntaxError as error:
    print('SyntaxError', error, error.lineno)
try:
    compile(ast.Expression(ast.Name('x', ast.Store(), lineno=1, col_offset=0)), 'b.py', 'eval')
except ValueError as error:
    print('ValueError', error)
print(compile(tree, 'x', 'exec', ast.PyCF_ONLY_AST) is tree)

# parameters named as no source can name them ('.self'), positions all on line 1
function = ast.parse("def _(a, b=2, *r, k, **kw): return (a, b, r, k, kw)").body[0]
function.args.args[0].arg = '.self'
function.args.kwarg.arg = '.kwargs'
function.body[0].value.elts[0].id = '.self'
function.body[0].value.elts[4].id = '.kwargs'
function.name = '<builder:/x>'
module = ast.parse('')
module.body = [function]
for node in ast.walk(module):
    if 'lineno' in node._attributes:
        node.lineno = node.end_lineno = 1
        node.col_offset = node.end_col_offset = 0
namespace = {}
exec(compile(module, '<built>', 'exec'), namespace)
built = namespace['<builder:/x>']
print(built(1, k=3, z=4), built.__code__.co_varnames, built.__name__)
print(built(**{'.self': 9, 'k': 0}))
try:
    built(k=1)
except TypeError as error:
    print('TypeError', error)
