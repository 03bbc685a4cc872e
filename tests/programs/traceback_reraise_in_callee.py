# A handler that calls a function re-raising the exception being handled (a bare `raise`, as
# Flask's handle_user_exception does): the handler's frame appears again, at the call, as in
# CPython, whether the exception comes back through a call, a comprehension, a generator, a
# host function, __exit__ or a `finally`.
import sys
import traceback


def fail():
    return 1 / 0


def reraise(error):
    if isinstance(error, KeyError):
        return None
    raise


def reraise_explicitly(error):
    raise error


def through_call():
    try:
        fail()
    except Exception as error:
        reraise(error)


def through_explicit_raise():
    try:
        fail()
    except Exception as error:
        reraise_explicitly(error)


def through_comprehension():
    try:
        fail()
    except Exception as error:
        return [reraise(error) for _ in range(1)]


def generator(error):
    yield 1
    raise error


def through_generator():
    try:
        fail()
    except Exception as error:
        return list(generator(error))


def through_host_function():
    try:
        fail()
    except Exception as error:
        return list(map(reraise, [error]))


class ReraisingExit:
    def __enter__(self):
        return self

    def __exit__(self, kind, error, tb):
        raise error


def through_exit():
    with ReraisingExit():
        fail()


def in_finally():
    try:
        fail()
    finally:
        print('finally runs')


def nested_handlers():
    try:
        through_call()
    except ZeroDivisionError as error:
        reraise(error)


def show(function):
    print(f'--- {function.__name__}')
    try:
        function()
    except Exception:
        traceback.print_exc(file=sys.stdout)
        tb = sys.exc_info()[2]
        lines = []
        while tb is not None:
            lines.append(f'{tb.tb_frame.f_code.co_name}:{tb.tb_lineno}')
            tb = tb.tb_next
        print(' '.join(lines))


for case in (through_call, through_explicit_raise, through_comprehension, through_generator,
             through_host_function, through_exit, in_finally, nested_handlers):
    show(case)
nested_handlers()
