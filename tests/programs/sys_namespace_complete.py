"""vars(sys) and dir(sys) list the same names, every one readable, with no module hooks."""
import sys

names = vars(sys)
print(set(names) == set(dir(sys)), dir(sys) == sorted(names))
print('__getattr__' in names, '__dir__' in names)
print(all(hasattr(sys, name) for name in dir(sys)))
for name in ('version', 'maxsize', 'flags', 'float_info', 'getswitchinterval', 'stdout',
             'modules', 'path', 'exc_info', '_getframe'):
    print(name, name in names)
print(repr(sys.__package__), sys.__name__, sys.__spec__.name, sys.__spec__.origin)
sys.made_up = 1
print('made_up' in dir(sys), vars(sys)['made_up'])
del sys.made_up
print('made_up' in dir(sys), hasattr(sys, 'made_up'))
try:
    sys.no_such_attribute
except AttributeError as error:
    print(error)
