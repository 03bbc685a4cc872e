# Order of class creation steps: decorators, metaclass __new__/__init__, __set_name__, __init_subclass__.
log = []
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        log.append(f'Meta.__new__ {name}')
        return super().__new__(mcs, name, bases, ns, **kw)
    def __init__(cls, name, bases, ns, **kw):
        log.append(f'Meta.__init__ {name}')
        super().__init__(name, bases, ns, **kw)
class Named:
    def __set_name__(self, owner, name):
        log.append(f'__set_name__ {owner.__name__}.{name}')
class Base(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        log.append(f'__init_subclass__ {cls.__name__} {kw}')
def decorate(label):
    log.append(f'decorator expression {label}')
    def apply(cls):
        log.append(f'apply {label} to {cls.__name__}')
        return cls
    return apply
@decorate('outer')
@decorate('inner')
class Child(Base, option=1):
    log.append('class body runs')
    field = Named()
print('\n'.join(log))
print(type(Child).__name__, Child.__mro__[1].__name__)
def make_class(n):
    class Dynamic:
        value = n
        def get(self):
            return self.value + n
    return Dynamic
print(make_class(3)().get(), make_class(4).__qualname__)
