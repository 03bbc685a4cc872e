# globals(), locals(), vars(), dir(), eval and exec with namespaces.
g = 1
print('g' in globals(), globals() is globals())
def f(a):
    b = 2
    loc = locals()
    print(sorted(loc), loc['a'], loc['b'])
    print(dir())
    return eval('a + b')
print(f(3))
ns = {}
exec('x = 5\ny = x * 2\ndef h():\n    return y', ns)
print(ns['y'], ns['h'](), sorted(k for k in ns if k != '__builtins__'))
print(eval('x + 1', {'x': 10}), eval('x + y', {'x': 1}, {'y': 2}))
exec('print("from exec", g)')
code = compile('1 + 2', '<expr>', 'eval')
print(eval(code))
code = compile('z = 3', '<stmt>', 'exec')
space = {}
exec(code, space)
print(space['z'])
class K:
    a = 1
    print(sorted(k for k in locals() if not k.startswith('__')))
print(vars(K)['a'], sorted(vars(K().__class__))[:2])
try:
    eval('1 +')
except SyntaxError as e:
    print('SyntaxError', e.msg)
try:
    eval('undefined_thing')
except NameError as e:
    print(e)
def uses_exec():
    exec('inner = 1')
    return 'inner' in locals()
print(uses_exec())
print(eval('[i for i in range(3)]'))
l = {}
exec('def sq(n): return n * n\nr = sq(4)', {}, l)
print(l['r'])
