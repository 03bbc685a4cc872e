# Errors raised by __bool__ inside an if test and by __repr__ inside print, uncaught.
class Flag:
    def __bool__(self):
        raise RuntimeError('no truth value')
class Shy:
    def __repr__(self):
        raise ValueError('cannot show')
try:
    if Flag():
        pass
except RuntimeError as e:
    print('caught', e)
items = [1, Shy()]
print(items)
