# Scoping edge cases: global in nested functions, class-level names, nonlocal chains, shadowing.
x = 'global x'
def f():
    x = 'f local'
    def g():
        global x
        x = 'set by g'
    g()
    return x
print(f(), x)
def outer():
    a = 1
    def middle():
        def inner():
            nonlocal a
            a += 10
        inner()
        return a
    return middle()
print(outer())
class A:
    v = 1
    def get(self):
        return v
v = 'module v'
print(A().get())
def shadow(len=len):
    return len('abc')
print(shadow(), shadow(lambda s: 'custom'))
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([adder(10) for adder in make_adders()])
def loop_closure():
    funcs = []
    for i in range(3):
        def show():
            return i
        funcs.append(show)
    return [fn() for fn in funcs]
print(loop_closure())
def class_in_function():
    value = 'enclosing'
    class Inner:
        value = 'class attr'
        def method(self):
            return value
    return Inner().method(), Inner.value
print(class_in_function())
def rebind_builtin():
    print = lambda *a: 'shadowed'
    return print('x')
print(rebind_builtin())
def uses_later_global():
    return later
later = 'defined later'
print(uses_later_global())
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def nested_class_nonlocal():
    n = 0
    class C:
        def inc(self):
            nonlocal n
            n += 1
            return n
    c = C()
    c.inc()
    return c.inc()
print(nested_class_nonlocal())
