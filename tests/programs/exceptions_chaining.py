# Exception chaining: __context__, __cause__, __suppress_context__, finally and else.
def show(e):
    print(type(e).__name__, e, '| cause:', repr(e.__cause__), '| context:', repr(e.__context__),
          '| suppress:', e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('during')
except ValueError as e:
    show(e)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError('from') from z
except ValueError as e:
    show(e)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('none') from None
except ValueError as e:
    show(e)

def f():
    try:
        return 'try'
    finally:
        print('finally runs')
print(f())

def g():
    try:
        raise KeyError('k')
    finally:
        return 'finally wins'
print(g())

def h():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print('fin', i)
    return i
print(h())

def k():
    for i in range(3):
        try:
            continue
        finally:
            print('cont fin', i)
k()

try:
    pass
except Exception:
    print('no')
else:
    print('else ran')
finally:
    print('finally ran')

try:
    raise TypeError('a', 'b')
except (ValueError, TypeError) as e:
    print(e.args)
try:
    e
except NameError as err:
    print('e unbound after except:', err)

class MyError(Exception):
    def __init__(self, value):
        super().__init__(value)
        self.value = value
try:
    raise MyError(42)
except MyError as e:
    print(e.value, repr(e), str(e))

try:
    raise MyError
except TypeError as e:
    print('TypeError', e)

try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)

def reraiser():
    try:
        raise KeyError('orig')
    except KeyError:
        raise
try:
    reraiser()
except KeyError as e:
    show(e)

import sys
try:
    raise ValueError('info')
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
print(sys.exc_info())
