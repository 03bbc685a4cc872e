# Object lifetimes: temporaries, arguments and return values are freed when CPython frees them.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __lt__(self, other):
        return True
    def __del__(self):
        print('freed', self.name)
def compare_chain():
    return Noisy('a') < Noisy('b') < Noisy('c')
print(compare_chain())
print('after call')
def returns_temp():
    return Noisy('ret')
returns_temp()
print('after discarded return value')
def holds(arg):
    return 1
holds(Noisy('arg'))
print('after argument call')
