"""except*: the match is the exception being handled in its clause, re-raised parts keep the
original's structure and metadata, new exceptions are grouped with them; split() parts share
the group's traceback."""
import sys
import traceback


def show(e, indent=0):
    pad = ' ' * indent
    if isinstance(e, BaseExceptionGroup):
        print(f'{pad}{type(e).__name__}({e.message!r}) context={type(e.__context__).__name__}'
              f' cause={type(e.__cause__).__name__}')
        for inner in e.exceptions:
            show(inner, indent + 2)
    else:
        print(f'{pad}{e!r} context={e.__context__!r} cause={e.__cause__!r}')


def raise_in_clause():
    try:
        raise ExceptionGroup('eg', [ValueError(1), OSError(2)])
    except* OSError:
        print('handling', repr(sys.exception()))
        raise TypeError(3)


def bare_reraise_among_handled():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        pass
    except* TypeError:
        raise


def explicit_reraise():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError as e:  # noqa: TRY203 - a new raise of the part
        raise e  # noqa: TRY201


def nested_groups():
    try:
        raise ExceptionGroup('eg', [ValueError(1),
                                    ExceptionGroup('nested', [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print('clause got')
        show(e, 2)


def raise_from_in_clause():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as e:
        raise KeyError('x') from e


def naked_exception():
    try:
        raise ValueError('naked')
    except* ValueError as e:
        print('wrapped:', repr(e), e.exceptions[0].__traceback__ is not None)
        raise


class FalsyEG(ExceptionGroup):
    def __bool__(self):
        return False


def falsy_group():
    try:
        raise FalsyEG('eg', [TypeError(1), ValueError(2)])
    except* TypeError:
        pass


def in_generator():
    try:
        yield 'body'
        raise ExceptionGroup('eg', [ValueError(1), OSError(2)])
    except* OSError:
        yield repr(sys.exception())
        raise TypeError(3)


def generator_case():
    for value in in_generator():
        print('yielded', value)


for case in (generator_case, raise_in_clause, bare_reraise_among_handled, explicit_reraise, nested_groups,
             raise_from_in_clause, naked_exception, falsy_group):
    print('--', case.__name__)
    try:
        case()
    except BaseException as e:  # noqa: BLE001 - shown
        show(e)

# the parts split() derives have the group's traceback
try:
    raise ExceptionGroup('eg', [ValueError(1), ExceptionGroup('inner', [TypeError(2)])])
except ExceptionGroup as caught:
    group = caught
match, rest = group.split(TypeError)
print(match.__traceback__ is group.__traceback__, rest.__traceback__ is group.__traceback__)
print(group.subgroup(ValueError).__traceback__ is group.__traceback__)
print([frame.lineno for frame in traceback.extract_tb(match.__traceback__)])


def reraise_part():
    raise rest


try:
    reraise_part()
except ExceptionGroup as e:
    print([frame.name for frame in traceback.extract_tb(e.__traceback__)])

# uncaught: printed as CPython prints it
try:
    raise ExceptionGroup('outer', [ValueError('v'), KeyError('k'), OSError('o')])
except* ValueError:
    raise RuntimeError('in clause')
except* KeyError:
    pass
