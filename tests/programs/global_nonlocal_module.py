# Module-level globals modified from functions, classes and comprehensions; globals() writes.
total = 0
def add(n):
    global total
    total += n
for i in range(4):
    add(i)
print(total)
globals()['injected'] = 'via globals()'
print(injected)
def reader():
    return [total + i for i in range(2)]
print(reader())
class Config:
    global configured
    configured = True
print(configured)
def define_global():
    global late_global
    late_global = 'created in function'
define_global()
print(late_global)
def count_calls():
    count_calls.calls = getattr(count_calls, 'calls', 0) + 1
    return count_calls.calls
count_calls(); count_calls()
print(count_calls.calls)
name = 'module'
def shadows():
    name = 'local'
    def inner():
        return name
    return inner()
print(shadows(), name)
