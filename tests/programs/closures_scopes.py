# Closures, cells, nonlocal, global, late binding, and class scopes.
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
print(c(), c(), c())
print(c.__closure__ is not None)

fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])

g = 'global'
def read_global():
    return g
def write_global():
    global g
    g = 'changed'
write_global()
print(read_global())

def unbound():
    print(x)
    x = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)

def outer():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(e)
    y = 2
    return inner()
print(outer())

x = 'module x'
class C:
    x = 'class x'
    def method(self):
        return x
    y = [x for _ in range(1)]
print(C().method(), C.y)

def make():
    v = 'enclosed'
    class D:
        attr = v
        def m(self):
            return v
    return D
print(make().attr, make()().m())

def deep():
    a = 1
    def l1():
        def l2():
            def l3():
                return a
            return l3()
        return l2()
    return l1()
print(deep())

def delete_cell():
    z = 1
    def get():
        return z
    del z
    try:
        get()
    except NameError as e:
        print(e)
delete_cell()
