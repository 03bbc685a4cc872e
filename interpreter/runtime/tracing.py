"""Step hooks (decision 8): line, call and return events for the code objects being traced.

`trace(code)` compiles the code's body a second time, instrumented, and swaps it in; every
other code object keeps its plain body and pays nothing. Events go to the current thread's
tracer, `tracer(frame, event, arg)`, as with `sys.settrace` ('call', 'line' with the line
number, 'return' with the value). Loops report their header line before each iteration, as
CPython does. Generator and class bodies are not instrumented yet.
"""

from __future__ import annotations

from .frames import Code, current_state

__all__ = [
    'line_event_before',
    'line_event_before_generator',
    'set_tracer',
    'trace',
    'traced_iterable',
    'traced_test',
    'untrace',
]


def set_tracer(tracer) -> None:
    """Install `tracer(frame, event, arg)` for this thread (None removes it)."""
    current_state().tracer = tracer


def _emit(f, event: str, arg) -> None:
    tracer = current_state().tracer
    if tracer is not None:
        tracer(f, event, arg)


def line_event_before(closure, lineno: int):
    def traced_statement(f):
        _emit(f, 'line', lineno)
        return closure(f)

    return traced_statement


def line_event_before_generator(closure, lineno: int):
    def traced_statement(f):
        _emit(f, 'line', lineno)
        return (yield from closure(f))

    return traced_statement


def traced_test(test, lineno: int):
    """A `while` test: its line is reported each time it is evaluated."""
    def traced(f):
        _emit(f, 'line', lineno)
        return test(f)

    return traced


def traced_iterable(iterable, lineno: int):
    """A `for` iterable: the header line at the start and before each later iteration."""
    def traced(f):
        _emit(f, 'line', lineno)
        return _TracedIterator(f, iter(iterable(f)), lineno)

    return traced


class _TracedIterator:
    __slots__ = ('frame', 'iterator', 'lineno', 'started')

    def __init__(self, frame, iterator, lineno: int) -> None:
        self.frame, self.iterator, self.lineno, self.started = frame, iterator, lineno, False

    def __iter__(self):
        return self

    def __next__(self):
        if self.started:
            _emit(self.frame, 'line', self.lineno)
        self.started = True
        return next(self.iterator)


def trace(code: Code) -> None:
    """Switch `code` (a function's) to its instrumented body, compiling it the first time."""
    from ..compiler import Compiler

    if code.instrumented is None:
        if code.kind != 'function' or type(code.node).__name__ != 'FunctionDef':
            raise NotImplementedError(f'tracing {code.kind} code is not supported yet')
        compiler = Compiler(code.scope, code.co_filename, kind=code.kind, body=code.node.body,
                            reuse=code.children, instrument=True)
        body = compiler.function_body(code.node.body)

        def instrumented(f):
            _emit(f, 'call', None)
            try:
                return body(f)
            finally:
                _emit(f, 'return', f.ret)

        instrumented.plain = code.body
        code.instrumented = instrumented
    if code.body is not code.instrumented:
        code.instrumented.plain = code.body
        code.body = code.instrumented


def untrace(code: Code) -> None:
    """Give `code` back its plain body."""
    if code.instrumented is not None and code.body is code.instrumented:
        code.body = code.instrumented.plain
