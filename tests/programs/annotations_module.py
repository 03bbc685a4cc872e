# Annotations at module, class and function level; __annotations__ contents and evaluation order.
x: int = 1
y: 'forward'
print(__annotations__)
def side(label):
    print('evaluating', label)
    return label
class K:
    a: side('class annotation') = 5
    b: int
    def m(self, p: side('param') = side('default')) -> side('return'):
        q: side('local annotation not evaluated') = 1
        return q
print(K.__annotations__, K.a, K().m())
print(K.m.__annotations__)
try:
    print(y)
except NameError as e:
    print(e)
obj = K()
obj.attr: int = 3
print(obj.attr, 'attr' in K.__annotations__)
d = {}
d['key']: str = 'v'
print(d)
