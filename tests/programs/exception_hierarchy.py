# Exception class hierarchy, matching order, tuples, args, str/repr, custom hierarchies.
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, reason):
        super().__init__(f'{table}: {reason}')
        self.table = table
class Timeout(DbError):
    pass
for exc in [Timeout('users', 'slow'), DbError('t', 'r'), AppError('plain'), KeyError('k'),
            LookupError('lookup'), IndexError(3)]:
    try:
        raise exc
    except Timeout as e:
        print('Timeout', e.table, e)
    except DbError as e:
        print('DbError', e.args)
    except (KeyError, IndexError) as e:
        print('key or index', type(e).__name__, repr(e), str(e))
    except LookupError as e:
        print('lookup', e)
    except AppError as e:
        print('app', e)
print(issubclass(Timeout, Exception), Timeout.__mro__[1].__name__, KeyError.__mro__[1].__name__)
print(repr(ValueError()), repr(ValueError(1, 2)), str(KeyError('q')), str(OSError(2, 'msg')))
try:
    raise OSError(2, 'No such file')
except FileNotFoundError as e:
    print('mapped to subclass', type(e).__name__, e.errno)
handlers = (ValueError, TypeError)
try:
    int('x')
except handlers as e:
    print('tuple from variable', type(e).__name__)
try:
    try:
        raise ValueError('first')
    finally:
        raise TypeError('from finally')
except TypeError as e:
    print(e, '| context:', repr(e.__context__))
e = Exception('a', 'b')
print(e.args, e.with_traceback(None) is e, BaseException.__subclasses__ is not None)
class WithState(Exception):
    def __reduce__(self):
        return (WithState, ())
print(isinstance(WithState(), Exception), StopIteration(5).value, SystemExit(3).code)
