# Arithmetic trees over locals: results, a caught ZeroDivisionError, and its carets when uncaught.
def f(a, b, c):
    x = a * b + c / (a - 1)
    return x
print(f(2, 3, 4))
print(f(1.5, 2, 3))
try:
    f(1, 2, 3)
except ZeroDivisionError as e:
    print(e)
f(1, 2, 3)
