"""frame.f_lineno of a frame an exception left: where CPython's RERAISE is (end of `finally`,
the last handler's `except` line, a bare `raise`), or the raising line through a `with`."""
import sys
def after(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__.tb_next
        out = []
        while t:
            ln = t.tb_frame.f_lineno; out.append(None if ln is None else ln - t.tb_frame.f_code.co_firstlineno)
            t = t.tb_next
        return out

def a():
    try:
        1/0
    except TypeError as ex:
        pass
def b():
    try:
        1/0
    except TypeError:
        pass
    except KeyError:
        x = 1
        y = 2
def c():
    try:
        1/0
    finally:
        if sys:
            x = 1
        else:
            y = 2
def d():
    with open(__file__) as f, open(__file__) as g:
        x = 1
        1/0
def e():
    try:
        1/0
    except ZeroDivisionError:
        raise
def g():
    try:
        1/0
    except ZeroDivisionError as ex:
        x = 1
        raise
def h():
    try:
        1/0
    except ZeroDivisionError:
        x = 1
        raise KeyError
def i():
    try:
        try:
            1/0
        finally:
            x = 1
    except TypeError:
        pass
def k():
    for x in [1]:
        try:
            1/0
        finally:
            pass
def l():
    try:
        1/0
    except (TypeError,
            KeyError):
        pass
def m():
    with (open(__file__) as f,
          open(__file__) as g):
        1/0
def n():
    try:
        1/0
    except ZeroDivisionError:
        try:
            raise KeyError
        finally:
            pass
def o():
    try:
        1/0
    finally:
        x = 1; y = 2
def p():
    try:
        1/0
    except TypeError:
        pass
    else:
        pass
    finally:
        q = 3
def q():
    try:
        raise ValueError
    except ValueError as error:
        1/0
for f in [a, b, c, d, e, g, h, i, k, l, m, n, o, p, q]:
    print(f.__name__, after(f))


def if_no_else():
    try:
        1/0
    finally:
        if sys:
            x = 1
def if_elif():
    try:
        1/0
    finally:
        if not sys:
            x = 1
        elif sys:
            y = 2
def for_loop():
    try:
        1/0
    finally:
        for x in [1]:
            y = 1
def for_else():
    try:
        1/0
    finally:
        for x in [1]:
            y = 1
        else:
            z = 1
def while_loop():
    try:
        1/0
    finally:
        while not sys:
            y = 1
def with_stmt():
    try:
        1/0
    finally:
        with open(__file__):
            y = 1
def try_except():
    try:
        1/0
    finally:
        try:
            y = 1
        except KeyError:
            z = 2
def try_else():
    try:
        1/0
    finally:
        try:
            y = 1
        except KeyError:
            z = 2
        else:
            w = 3
def try_fin():
    try:
        1/0
    finally:
        try:
            y = 1
        finally:
            z = 2
def multiline():
    try:
        1/0
    finally:
        x = (1,
             2)
def call_multi():
    try:
        1/0
    finally:
        print(
            end='')
def defn():
    try:
        1/0
    finally:
        def g():
            pass
def klass():
    try:
        1/0
    finally:
        class C:
            pass
def match_():
    try:
        1/0
    finally:
        match 1:
            case 1:
                y = 1
def handler_body_raise():
    try:
        1/0
    except ZeroDivisionError:
        pass
    finally:
        x = 1
def nested_fin_except():
    try:
        1/0
    except (TypeError):
        pass
    finally:
        pass
def except_bare():
    try:
        1/0
    except TypeError:
        pass
    except:
        raise
def except_if():
    try:
        1/0
    except TypeError:
        if sys:
            pass
def glob():
    try:
        1/0
    finally:
        global x
def assert_():
    try:
        1/0
    finally:
        assert sys
def async_with():
    try:
        1/0
    finally:
        import os
def loop_in_try():
    for i in [1, 2]:
        try:
            1/0
        except TypeError:
            pass
def raise_from():
    try:
        1/0
    except ZeroDivisionError as e:
        raise
for name, f in list(globals().items()):
    if callable(f) and name not in ('after', 'a', 'b', 'c', 'd', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q') and getattr(f, '__module__', None) == '__main__':
        print(name, after(f))
