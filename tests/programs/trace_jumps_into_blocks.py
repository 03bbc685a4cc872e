# frame.f_lineno set by a trace function (pdb's `jump`) with CPython 3.11's rules: into the
# branches of if/match, a while body, a try body, else or finally, out of with, try, except
# and finally blocks (their __exit__, handlers and finally do not run), to the next line
# with code from a comment or an `else:` line; refused into a for body, an except clause, a
# with body, a case pattern, a continuation line, past the end.
import contextlib
import sys
import textwrap


class Context:
    def __init__(self, output, n):
        self.output, self.n = output, n

    def __enter__(self):
        self.output.append(self.n)

    def __exit__(self, *exc):
        self.output.append(-self.n)


def run(source, jump_from, jump_to):
    namespace = {'Context': Context, 'contextlib': contextlib}
    exec(textwrap.dedent(source), namespace)
    function = namespace['f']
    first = function.__code__.co_firstlineno
    output = []
    state = {'done': False, 'error': None}

    def tracer(frame, event, arg):
        if frame.f_code is not function.__code__:
            return None
        if event == 'line' and frame.f_lineno == first + jump_from and not state['done']:
            state['done'] = True
            try:
                frame.f_lineno = first + jump_to
            except ValueError as error:
                state['error'] = str(error).replace(str(first + jump_to), 'N')
        return tracer

    sys.settrace(tracer)
    try:
        function(output)
    except Exception as error:
        output.append(type(error).__name__)
    sys.settrace(None)
    print(f'{jump_from}->{jump_to}: {output} {state["error"]}')


MATCH = '''
def f(output):
    x = 1
    match x:
        case 1:
            output.append(4)
        case 2:
            output.append(6)
    output.append(7)
'''
for jump in [(1, 4), (1, 6), (7, 6), (4, 6), (1, 3), (1, 5), (4, 7)]:
    run(MATCH, *jump)

TRY = '''
def f(output):
    output.append(1)
    try:
        output.append(3)
    except ValueError:
        output.append(5)
    else:
        output.append(7)
    finally:
        output.append(9)
    output.append(10)
'''
for jump in [(1, 2), (1, 3), (1, 6), (1, 7), (1, 8), (1, 9), (3, 7), (3, 9), (10, 3), (10, 7),
             (1, 4), (1, 5), (9, 10), (9, 1)]:
    run(TRY, *jump)

WITH_WHILE = '''
def f(output):
    output.append(1)
    with Context(output, 2):
        output.append(3)
    while len(output) < 3:
        output.append(5)
        if output:
            output.append(7)
        else:
            output.append(9)
    output.append(10)
'''
for jump in [(1, 3), (1, 2), (3, 5), (1, 5), (1, 7), (1, 9), (10, 7), (1, 8), (1, 4), (10, 6),
             (3, 1), (7, 3), (5, 10), (3, 10), (1, 40), (1, -5)]:
    run(WITH_WHILE, *jump)

EXCEPT_FOR = '''
def f(output):
    try:
        1/0
    except ZeroDivisionError as e:
        output.append(4)
        output.append(5)
    output.append(6)
    for i in range(2):
        output.append(8)
    else:
        output.append(10)
    output.append(11)
'''
for jump in [(4, 6), (4, 1), (6, 8), (6, 10), (8, 10), (8, 11), (11, 8), (8, 6), (11, 9),
             (6, 9), (1, 7), (6, 3)]:
    run(EXCEPT_FOR, *jump)

NESTED = '''
def f(output):
    output.append(1)
    if output:
        while len(output) < 4:
            output.append(5)
            try:
                output.append(7)
                # a comment
                output.append(9)
            finally:
                output.append(11)
    output.append(
        13)
    return output
'''
for jump in [(1, 9), (1, 8), (13, 7), (11, 1), (1, 14), (9, 13), (1, 11), (1, 12), (11, 4),
             (11, 6), (13, 10)]:
    run(NESTED, *jump)

TRY_STAR = '''
def f(output):
    output.append(1)
    try:
        output.append(3)
    except* ValueError:
        output.append(5)
    else:
        output.append(7)
    finally:
        output.append(9)
    output.append(10)
'''
for jump in [(1, 3), (1, 7), (1, 9), (10, 3), (3, 7), (1, 5)]:
    run(TRY_STAR, *jump)
