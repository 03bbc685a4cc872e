# PEP 646 (3.11): a starred *args annotation is the one element its value unpacks to.
Ts = (int,)


def f(*args: *Ts): pass


print(f.__annotations__)
for bad in ((), (int, str)):
    Ts = bad
    try:
        def g(*args: *Ts): pass
    except ValueError as error:
        print('ValueError:', error)
