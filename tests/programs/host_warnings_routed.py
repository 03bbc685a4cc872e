"""Warnings that C code issues for the program (int()/float() results of a subclass,
bool(NotImplemented), an unawaited coroutine, re's template warnings) obey the program's
warnings filters and name the program's line, as in CPython."""

import gc
import re
import sys
import warnings


class IntLike:
    def __int__(self):
        return True


class FloatSub(float):
    pass


class FloatLike:
    def __float__(self):
        return FloatSub(2.5)


def convert():
    return int(IntLike()), float(FloatLike()), bool(NotImplemented)


def substitute():
    return re.sub('(?P<a>x)', r'\g<+1>', 'xx')


async def never_awaited():
    pass


def drop_a_coroutine():
    never_awaited()


def show(records):
    for record in records:
        name = record.filename.rsplit('/', 1)[-1]
        print(f'  {record.category.__name__} at {name}:{record.lineno}: {record.message}')


for action in ('always', 'ignore', 'once'):
    print(action)
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter(action)
        convert()
        convert()
        substitute()
        drop_a_coroutine()
    show(records)

with warnings.catch_warnings():
    warnings.simplefilter('error', DeprecationWarning)
    for call in (convert, substitute):
        try:
            call()
        except DeprecationWarning as error:
            print('raised:', error)

with warnings.catch_warnings(record=True) as records:
    warnings.simplefilter('always')
    warnings.filterwarnings('ignore', 'NotImplemented')
    convert()
show(records)

with warnings.catch_warnings(record=True) as records:
    warnings.simplefilter('always')
    frame = never_awaited().cr_frame
    frame.clear()
show(records)



def import_relative(package, spec):
    """__import__'s (C) ImportWarnings: no package to resolve from; __package__ != parent."""
    try:
        module = __import__('decoder', {'__package__': package, '__spec__': spec,
                                        '__name__': '__main__'}, {}, ('JSONDecoder',), 1)
        print('imported', module.__name__)
    except ImportError as error:
        print('ImportError:', error)


class Spec:
    parent = 'email'


with warnings.catch_warnings(record=True) as records:
    warnings.simplefilter('always')
    import_relative(None, None)
    import_relative('json', Spec())
show(records)



class Holder:
    """A file kept in a reference cycle: closed by nobody, found by the collector."""

    def __init__(self):
        self.itself = self
        self.file = open(__file__, 'rb')  # noqa: SIM115 - left open on purpose


with warnings.catch_warnings(record=True) as records:
    warnings.simplefilter('always')
    Holder()
    gc.collect()
for record in records:
    print(record.category.__name__, str(record.message).split(' name=')[0], record.lineno)
Holder()
gc.collect()  # a ResourceWarning is ignored by default
left_at_exit = Holder()  # and at exit

# the defaults: shown once per line in __main__, with the coroutine's tracemalloc hint; an
# ImportWarning is ignored
import_relative(None, None)
sys.stderr = sys.stdout
convert()
convert()
drop_a_coroutine()
print(substitute())
