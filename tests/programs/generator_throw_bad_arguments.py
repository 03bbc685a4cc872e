# generator.throw() with bad arguments raises TypeError without finishing the generator
def f():
    while True:
        try:
            print((yield))
        except ValueError as v:
            print("caught ValueError (%s)" % (v))
g = f(); next(g)
for args in [(ValueError, "foo", 23), (ValueError(1), "foo"), ("abc",)]:
    try:
        g.throw(*args)
    except TypeError as e:
        print('TypeError:', e)
print('running:', g.gi_frame is not None)
g.throw(ValueError)
