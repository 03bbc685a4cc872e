# except* splits exception groups among handlers; unhandled parts propagate.
def show(eg):
    if isinstance(eg, BaseExceptionGroup):
        return f'{type(eg).__name__}({eg.message!r}, [{", ".join(show(e) for e in eg.exceptions)}])'
    return f'{type(eg).__name__}({eg})'

try:
    raise ExceptionGroup('many', [ValueError('v1'), TypeError('t1'), ValueError('v2')])
except* ValueError as eg:
    print('values:', show(eg))
except* TypeError as eg:
    print('types:', show(eg))

try:
    try:
        raise ExceptionGroup('mixed', [ValueError('v'), KeyError('k')])
    except* ValueError:
        print('handled values only')
except ExceptionGroup as rest:
    print('rest:', show(rest))

try:
    raise KeyError('naked')
except* KeyError as eg:
    print('naked wrapped:', show(eg))

try:
    try:
        raise ExceptionGroup('g', [ValueError('a')])
    except* ValueError:
        raise RuntimeError('new in handler')
except (ExceptionGroup, RuntimeError) as eg:
    print('new raised:', show(eg))

try:
    try:
        raise ExceptionGroup('g', [ValueError('a'), TypeError('b')])
    except* ValueError:
        raise
except ExceptionGroup as eg:
    print('re-raised:', show(eg))

try:
    try:
        raise ValueError('plain')
    except* TypeError:
        print('not here')
except ValueError as e:
    print('plain propagates unchanged:', e)

try:
    try:
        raise ExceptionGroup('x', [ValueError()])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)

eg = ExceptionGroup('nested', [ValueError('1'), ExceptionGroup('inner', [TypeError('2')])])
try:
    raise eg
except* TypeError as caught:
    print('nested match:', show(caught))
except* ValueError as caught:
    print('nested value:', show(caught))
print(show(eg.subgroup(lambda e: isinstance(e, TypeError))))
