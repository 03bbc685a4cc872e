# Private name mangling: attributes, methods, nested classes, getattr, class-level names.
class Outer:
    __secret = 'outer secret'
    def __hidden(self):
        return 'hidden'
    def reveal(self):
        return self.__secret, self.__hidden(), Outer.__secret
    class __Inner:
        value = 1
    def inner(self):
        return self.__Inner.value
o = Outer()
print(o.reveal(), o.inner())
print(sorted(k for k in vars(Outer) if 'secret' in k or 'hidden' in k or 'Inner' in k))
print(getattr(o, '_Outer__secret'), hasattr(o, '__secret'))
class Sub(Outer):
    def peek(self):
        try:
            return self.__secret
        except AttributeError as e:
            return str(e)
print(Sub().peek())
class __Underscored:
    __x = 1
    def get(self):
        return self.__x
print(__Underscored().get(), [k for k in vars(__Underscored) if k.endswith('__x')])
class Dunder:
    __magic__ = 'not mangled'
print(Dunder.__magic__)
def func_in_class_scope():
    class K:
        __v = 5
        def m(self, __arg=3):
            return self.__v + __arg
    return K().m()
print(func_in_class_scope())
