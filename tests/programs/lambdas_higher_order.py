# Lambdas and higher-order functions: currying, composition, defaults, recursion via names.
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
double = lambda x: x * 2
print(compose(inc, double)(5), compose(double, inc)(5))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
adders = {name: (lambda n: lambda x: x + n)(n) for name, n in [('one', 1), ('ten', 10)]}
print(adders['one'](5), adders['ten'](5))
print(list(map(lambda p: p[0] * p[1], zip([1, 2, 3], [4, 5, 6]))))
print(sorted(['bob', 'Alice', 'carol'], key=lambda s: s.lower()))
print((lambda *args, **kw: (args, kw))(1, 2, a=3))
print((lambda x=[]: x.append(1) or len(x))(), (lambda: None)())
def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 9, 2), apply(lambda: 'no args'))
nums = [1, 2, 3, 4]
evens = filter(lambda v: v % 2 == 0, nums)
print(list(evens), list(reversed(sorted(nums, key=lambda v: -v))))
try:
    (lambda a: a)()
except TypeError as e:
    print(e)
print((lambda: (yield 1))().__next__())
