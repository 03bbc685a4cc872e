# An uncaught exception group with nested groups and chained members.
def fail(n):
    raise ValueError(f'bad {n}')
errors = []
for i in range(3):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
try:
    raise KeyError('context')
except KeyError:
    raise ExceptionGroup('top', [errors[0], ExceptionGroup('inner', errors[1:]), TypeError('t')])
