"""`else` of a try runs only when the body completes: not after return, break or continue
(in functions, generators and except* statements, with and without finally)."""


def loop_break():
    for i in range(3):
        try:
            if i == 1:
                break
        except KeyError:
            pass
        else:
            print('else', i)
    return i


def loop_continue():
    for i in range(3):
        try:
            if i == 1:
                continue
        except KeyError:
            pass
        else:
            print('else', i)
        print('after', i)


def returns():
    try:
        return 'body'
    except KeyError:
        return 'handler'
    else:
        return 'else'


def with_finally():
    for i in range(2):
        try:
            if i == 0:
                continue
            return i
        except KeyError:
            pass
        else:
            print('never', i)
        finally:
            print('finally', i)


def break_in_nested_handler():
    """docutils' state machine: break inside an inner handler, the outer try has an else."""
    n = 0
    while True:
        n += 1
        if n > 3:
            return 'runaway'
        try:
            try:
                raise EOFError
            except EOFError:
                break
        except KeyError:
            pass
        else:
            print('outer else')
    return n


def generator():
    for i in range(3):
        try:
            if i == 1:
                break
            yield i
        except KeyError:
            pass
        else:
            yield f'else {i}'


def star():
    for i in range(3):
        try:
            if i == 1:
                break
        except* KeyError:
            pass
        else:
            print('star else', i)
    return i


def star_generator():
    for i in range(3):
        try:
            if i == 1:
                return
            yield i
        except* KeyError:
            pass
        else:
            yield f'star else {i}'


print(loop_break())
loop_continue()
print(returns())
print(with_finally())
print(break_in_nested_handler())
print(list(generator()))
print(star())
print(list(star_generator()))
