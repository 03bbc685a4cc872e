# Uncaught ZeroDivisionError deep in calls: carets under the failing operator.
def divide(a, b):
    return a / b

def middle(x):
    result = divide(x, 0) + 1
    return result

middle(10)
