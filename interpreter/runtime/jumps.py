"""Jumps in traced code: `frame.f_lineno = line` in a trace function (pdb's `jump`) and a
debugger's goto, with CPython 3.11's rules.

A jump is a `JumpTo` raised at the line event the frame is stopped at. It unwinds, skipping
the handlers, `finally` blocks and `__exit__` calls of what it leaves (CPython pops their
stack entries without running them: `catch_in_frame` lets it through), to the innermost
running statement list of the frame that holds the target, which goes on at the target's
statement, or enters the compound statement holding it (`enter_statement`): the branch of an
`if` or `match` without its test, a `while` body and then the loop, a `try` body or `else`
with its handlers and `finally`, a `finally` block, a loop's `else`.

The target is the first line at or after the one asked for that has code (a comment, an
`else:`, a `try:` or a `finally:` line has none), as CPython's line table says. Refused as in
CPython: into a `for` body, an `except` clause, a `with` body or a `case` pattern (their
stack entries would be missing); not modelled: a jump between two `except` clauses of one
`try` (CPython keeps the exception), into a block of a generator that is not running, or to a
line inside a statement (a continuation line).
"""

from __future__ import annotations

from ..nodes import AST, Lambda, expr, stmt

__all__ = [
    'JumpTo',
    'RestartFrame',
    'Rewind',
    'enter_generator_statement',
    'enter_statement',
    'entry_position',
    'jump_refusal',
    'jump_target',
    'sibling_handler_jumps',
    'statement_line',
]

_DEFINITIONS = ('FunctionDef', 'AsyncFunctionDef', 'ClassDef')
_GENERATOR_KINDS = ('generator', 'coroutine', 'asyncgen')


class Rewind(BaseException):
    """Raised by a step hook to move a frame's execution elsewhere; never reported as an
    exception (to the step hook, `sys.settrace` or tracebacks): it is the debugger's doing."""


class RestartFrame(Rewind):
    """Raised by a step hook to run `frame`'s function again from its start (a debugger's
    restart frame): the frame's instrumented body catches it and calls `reset(frame)` (which
    puts the arguments back) before running the body again."""

    def __init__(self, frame, reset) -> None:
        super().__init__(frame)
        self.frame = frame
        self.reset = reset


class JumpTo(Rewind):
    """Raised by a step hook at a line event to go on at `line` of the same frame (a
    debugger's goto, CPython's `frame.f_lineno = line`; a line without code means the next
    one with code): the innermost instrumented statement list of `frame` holding the target
    catches it (runtime.tracing.jumpable_block). Which jumps are allowed is
    `jump_refusal`'s to say."""

    def __init__(self, frame, line: int, *, reported: bool = True) -> None:
        line = jump_target(frame.f_code, line) or line
        super().__init__(frame, line)
        self.frame = frame
        self.line = line
        # a debugger's goto stops at the target's line event; a trace function's jump goes
        # on without one there (CPython's next event is the following line's)
        self.reported = reported


def statement_line(node) -> int:
    """A statement's line: a decorated definition starts at its first decorator, as its
    line event does."""
    decorators = getattr(node, 'decorator_list', None)
    return decorators[0].lineno if decorators else node.lineno


# where a jump can go

def _expression_lines(node, lines: set) -> None:
    """The lines where the expressions of `node` (not of its nested statements) start."""
    for field in node._fields:
        value = getattr(node, field, None)
        for child in value if isinstance(value, list) else (value,):
            if not isinstance(child, AST) or isinstance(child, stmt):
                continue
            if isinstance(child, expr):
                lines.add(child.lineno)
                if isinstance(child, Lambda):
                    continue  # its body is another code's
            _expression_lines(child, lines)


def _breaks_out(statements: list) -> bool:
    """Whether a `break` of `statements` (not of a loop nested in them) leaves their loop."""
    for statement in statements:
        kind = type(statement).__name__
        if kind == 'Break':
            return True
        if kind in _DEFINITIONS or kind in ('For', 'AsyncFor', 'While'):
            if kind in ('For', 'AsyncFor', 'While') and _breaks_out(statement.orelse):
                return True
            continue
        for field in ('body', 'orelse', 'finalbody'):
            inner = getattr(statement, field, None)
            if isinstance(inner, list) and _breaks_out(inner):
                return True
        for clause in (getattr(statement, 'handlers', None) or ()) + \
                (getattr(statement, 'cases', None) or ()):
            if _breaks_out(clause.body):
                return True
    return False


def _constant_truth(test) -> bool | None:
    """The truth of a constant test (None: not a constant)."""
    if type(test).__name__ == 'Constant':
        return bool(test.value)
    return None


def _never_completes(statements: list) -> bool:
    """Whether running `statements` never goes on after them: CPython's compiler leaves out
    what follows such a statement (unreachable code), so no jump can reach it."""
    for statement in statements:
        kind = type(statement).__name__
        if kind in ('Return', 'Raise', 'Continue', 'Break'):
            return True
        if kind == 'While' and _constant_truth(statement.test) and \
                not _breaks_out(statement.body):
            return True
        if kind == 'If':
            truth = _constant_truth(statement.test)
            if truth is not False and _never_completes(statement.body) and (
                    truth or statement.orelse and _never_completes(statement.orelse)):
                return True
            if truth is False and statement.orelse and _never_completes(statement.orelse):
                return True
        if kind in ('Try', 'TryStar'):
            if statement.finalbody and _never_completes(statement.finalbody):
                return True
            if (_never_completes(statement.body) or statement.orelse and
                    _never_completes(statement.orelse)) and \
                    all(_never_completes(handler.body) for handler in statement.handlers):
                return True
    return False


def _lines_with_code(statements: list, lines: set, inside: set, *,
                     function_body: bool = False) -> None:
    """Add the lines where `statements` (and those nested) start to `lines`, the other lines
    their expressions have code at to `inside`; not those of statements after one that never
    completes (compiled out by CPython as unreachable)."""
    for index, statement in enumerate(statements):
        if index and _never_completes(statements[index - 1:index]):
            break
        kind = type(statement).__name__
        if kind in ('Global', 'Nonlocal'):
            continue
        if function_body and index == 0 and kind == 'Expr' and \
                type(statement.value).__name__ == 'Constant' and \
                isinstance(statement.value.value, str):
            continue  # a docstring
        if kind not in ('Try', 'TryStar'):
            lines.add(statement_line(statement))
        if kind in _DEFINITIONS:
            for decorator in statement.decorator_list:
                _expression_lines(decorator, inside)
            continue
        _expression_lines(statement, inside)
        for field in ('body', 'orelse', 'finalbody'):
            inner = getattr(statement, field, None)
            if isinstance(inner, list):
                _lines_with_code(inner, lines, inside)
        for handler in getattr(statement, 'handlers', None) or ():
            lines.add(handler.lineno)
            _lines_with_code(handler.body, lines, inside)
        for case in getattr(statement, 'cases', None) or ():
            lines.add(case.pattern.lineno)
            _lines_with_code(case.body, lines, inside)


def _code_lines(code) -> tuple[set, set]:
    """(the lines where statements and clauses of `code` start, the other lines with code)."""
    body = getattr(getattr(code, 'node', None), 'body', None)
    lines: set = set()
    inside: set = set()
    if isinstance(body, list):
        _lines_with_code(body, lines, inside, function_body=code.kind != 'module')
    return lines, inside - lines


def jump_target(code, line: int) -> int | None:
    """The first line at or after `line` with code in `code` (None: none)."""
    lines, inside = _code_lines(code)
    following = [candidate for candidate in lines | inside if candidate >= line]
    return min(following) if following else None


def _last_line(code) -> int:
    node = code.node
    last = getattr(node, 'end_lineno', None)
    if last is None and getattr(node, 'body', None):  # a module
        last = node.body[-1].end_lineno
    return last or code.co_firstlineno


def _holds(statement, line: int) -> bool:
    """Whether the compound statement `statement` has a statement or clause at `line`."""
    if type(statement).__name__ in _DEFINITIONS:
        return False
    return statement.lineno < line <= (statement.end_lineno or statement.lineno)


def _entry_refusal(statement, line: int) -> str | None:
    """Why a jump cannot enter `statement` to reach `line` inside it (None: it can)."""
    kind = type(statement).__name__
    if kind in ('With', 'AsyncWith'):
        return 'incompatible stacks'  # its __exit__ would be missing
    for handler in getattr(statement, 'handlers', None) or ():
        if handler.lineno <= line <= handler.end_lineno:
            return _NO_EXCEPTION
    for case in getattr(statement, 'cases', None) or ():
        if case.pattern.lineno <= line and (not case.body or line < case.body[0].lineno):
            return 'incompatible stacks'  # the subject would be missing
        found = _refusal_in(case.body, line)
        if found is not False:
            return found
    for field in ('body', 'orelse', 'finalbody'):
        statements = getattr(statement, field, None)
        if not isinstance(statements, list):
            continue
        if kind in ('For', 'AsyncFor') and field == 'body' and \
                any(s.lineno <= line <= s.end_lineno for s in statements):
            return "can't jump into the body of a for loop"
        found = _refusal_in(statements, line)
        if found is not False:
            return found
    return None


_NO_EXCEPTION = "can't jump into an 'except' block as there's no exception"


def _sibling_clause_body(nodes: list, line: int, inner: list) -> list | None:
    """The body of the `except` clause holding `line`, of the `try` of `nodes` holding it,
    when one of the `inner` running lists is the body of another clause of that `try`."""
    statement = next((s for s in nodes if _holds(s, line)), None)
    handlers = getattr(statement, 'handlers', None) if type(statement).__name__ == 'Try' else None
    if not handlers:
        return None
    running = {id(runner[0][0]) for runner in inner if runner[0]}
    if not any(id(handler.body[0]) in running for handler in handlers):
        return None
    for handler in handlers:
        if handler.body[0].lineno <= line <= handler.body[-1].end_lineno:
            return handler.body
    return None


def _refusal_in(statements: list, line: int):
    """`_entry_refusal` for a statement list holding `line`; False if it does not hold it."""
    for statement in statements:
        if statement_line(statement) == line:
            return None
        if _holds(statement, line):
            return _entry_refusal(statement, line)
    return False


def _running_blocks(host_frame, frame) -> list:
    """The instrumented statement lists of `frame` running on the host stack (innermost
    first), as (their statements, the index running, whether they yield)."""
    from . import tracing

    runners = []
    block_file = tracing.__file__
    while host_frame is not None:
        code = host_frame.f_code
        if code.co_name == 'block' and code.co_filename == block_file:
            local = host_frame.f_locals
            if local.get('f') is frame and 'nodes' in local:
                runners.append((local['nodes'], local['index'], 'items' in local))
        host_frame = host_frame.f_back
    return runners


def _suspended_blocks(body, frame) -> list:
    """`_running_blocks` of a generator's frame suspended in its instrumented `body` (a host
    generator): the statement lists its suspended host generators run."""
    from . import tracing

    chain = []
    block_file = tracing.__file__
    while body is not None:
        host_frame = getattr(body, 'gi_frame', None)
        if host_frame is None:
            break
        code = host_frame.f_code
        if code.co_name == 'block' and code.co_filename == block_file:
            local = host_frame.f_locals
            if local.get('f') is frame and 'nodes' in local:
                chain.append((local['nodes'], local['index'], 'items' in local))
        body = getattr(body, 'gi_yieldfrom', None)
    return chain[::-1]


def jump_refusal(host_frame, frame, line: int, suspended_body=None) -> str | None:
    """Why `frame` cannot go on at `line` (None: it can), `host_frame` being a host frame of
    the thread inside the line event `frame` is stopped at (CPython's messages where CPython
    refuses too); or, `suspended_body` given, the instrumented body of a generator's frame
    that is suspending (its 'return' event)."""
    code = frame.f_code
    if line < code.co_firstlineno:
        return f'line {line} comes before the current code block'
    target = jump_target(code, line) if line <= _last_line(code) else None
    if target is None:
        return f'line {line} comes after the current code block'
    if target not in _code_lines(code)[0]:
        # inside a statement: what its first lines put on the stack would be missing
        return 'incompatible stacks'
    runners = _running_blocks(host_frame, frame) if suspended_body is None \
        else _suspended_blocks(suspended_body, frame)
    if not runners:
        return ('the frame started before the debugger instrumented its code: it can only '
                'jump in frames that start from now on')
    for position, (nodes, _, _) in enumerate(runners):
        found = _refusal_in(nodes, target)
        if found is False:
            continue
        if found == _NO_EXCEPTION:
            body = _sibling_clause_body(nodes, target, runners[:position])
            if body is not None:
                return _refusal_in(body, target) or None
        return found
    return f'line {target} is not in the running code of {frame.f_code.co_name}'


# going on at the target

def entry_position(nodes: list, lines: tuple, line: int) -> tuple[int, int | None] | None:
    """Where a statement list goes on for a jump to `line`: (the index of its statement at
    `line`, None) or (the index of the compound statement holding it, `line`); None when the
    list does not hold `line`."""
    if line in lines:
        return lines.index(line), None
    for index, statement in enumerate(nodes):
        if _holds(statement, line):
            return index, line
    return None


def _compiled_block(closure, statements: list):
    """(the compiled statement list of `statements` inside the compiled statement `closure`,
    the cell holding it): an instrumented list is tagged with its nodes (runtime.tracing.
    jumpable_block)."""
    pending = [(closure, None)]
    seen = set()
    while pending:
        value, holder = pending.pop(0)
        if id(value) in seen:
            continue
        seen.add(id(value))
        nodes = getattr(value, 'memphis_nodes', None)
        if nodes is not None and len(nodes) == len(statements) and \
                all(a is b for a, b in zip(nodes, statements)):
            return value, holder
        if isinstance(value, (list, tuple)):
            pending.extend((item, None) for item in value)
            continue
        for cell in getattr(value, '__closure__', None) or ():
            try:
                held = cell.cell_contents
            except ValueError:
                continue
            if callable(held) or isinstance(held, (list, tuple)):
                pending.append((held, cell))
    raise LookupError('no compiled block for the statements')


def _part_holding(statement, line: int) -> list:
    for case in getattr(statement, 'cases', None) or ():
        if case.body and case.body[0].lineno <= line <= case.body[-1].end_lineno:
            return case.body
    for field in ('body', 'orelse', 'finalbody'):
        statements = getattr(statement, field, None)
        if isinstance(statements, list) and statements and \
                statements[0].lineno <= line <= statements[-1].end_lineno:
            return statements
    raise LookupError(f'line {line} is not in a block of the statement')


def _once(cell, replacement):
    """Put `replacement` in `cell` for one call: the original comes back as it is called."""
    original = cell.cell_contents

    def once(f, *args):
        cell.cell_contents = original
        return replacement(f, *args)

    cell.cell_contents = once


def _skipped(f):
    return None


def enter_statement(f, node, closure, line: int):
    """Run the compound statement `node` (compiled: `closure`) from `line` inside it, as if
    execution had reached that statement; its result is the statement's (a return, break or
    continue)."""
    from ..compiler.core import BREAK, CONTINUE

    statement = getattr(closure, 'memphis_inner', closure)  # (without its own line event)
    kind = type(node).__name__
    part = _part_holding(node, line)
    block, cell = _compiled_block(statement, part)
    if kind in ('If', 'Match') or part is node.orelse and kind in ('For', 'AsyncFor', 'While') \
            or part is getattr(node, 'finalbody', None):
        return block(f, line)
    if kind == 'While':
        result = block(f, line)
        if result is BREAK:
            return None
        if result is not None and result is not CONTINUE:
            return result
        return statement(f)  # back to the test
    if kind in ('Try', 'TryStar') and cell is not None:
        # the statement runs with its handlers and `finally`, its body (or else) from `line`
        _once(cell, lambda frame: block(frame, line))
        if part is node.orelse:
            _once(_compiled_block(statement, node.body)[1], _skipped)
        return statement(f)
    raise LookupError(f'cannot enter a {kind} statement')


def enter_generator_statement(f, node, closure, line: int):
    """`enter_statement` for a compound statement that yields (`closure`: a host generator
    function), driven by `yield from`."""
    from ..compiler.core import BREAK, CONTINUE

    statement = getattr(closure, 'memphis_inner', closure)
    kind = type(node).__name__
    part = _part_holding(node, line)
    block, cell = _compiled_block(statement, part)
    yields = getattr(block, 'memphis_gen', False)
    if kind in ('If', 'Match') or part is node.orelse and kind in ('For', 'AsyncFor', 'While') \
            or part is getattr(node, 'finalbody', None):
        return (yield from block(f, line)) if yields else block(f, line)
    if kind == 'While':
        result = (yield from block(f, line)) if yields else block(f, line)
        if result is BREAK:
            return None
        if result is not None and result is not CONTINUE:
            return result
        return (yield from statement(f))  # back to the test
    if kind in ('Try', 'TryStar') and cell is not None:
        # (the cell's closure, one shot: the statement calls it as it calls its block)
        _once(cell, lambda frame: block(frame, line))
        if part is node.orelse:
            body_cell = _compiled_block(statement, node.body)[1]
            _once(body_cell, _skipped_generator if getattr(
                body_cell.cell_contents, 'memphis_gen', False) else _skipped)
        return (yield from statement(f))
    raise LookupError(f'cannot enter a {kind} statement')


def _skipped_generator(f):
    return None
    yield  # (a generator: a yielding block's stand-in)


# between the `except` clauses of one `try`: CPython's stack is the same in each clause's body,
# so a jump from one into another's body is allowed, the exception still being handled

def _sibling_target(jump, f, siblings: list):
    """The (block, is_generator) of the clause body of `siblings` that `jump` goes into."""
    if jump.frame is not f:
        return None
    for nodes, block, is_generator in siblings:
        if nodes[0].lineno <= jump.line <= nodes[-1].end_lineno:
            return block, is_generator
    return None


def sibling_handler_jumps(compiled: list, blocks: list) -> tuple:
    """The compiled clauses of a `try` (compiler.statements' `handlers`) whose bodies take a
    jump into another clause's body: run from within the running clause (its exception is
    still the one being handled), then the `try` goes on as after that clause."""
    siblings = [(handler.body, block, is_generator)
                for (*_, handler), (block, is_generator) in zip(compiled, blocks)]
    # (in a `try` that yields, every clause is run as a generator: any may go on in one that
    # yields)
    yields = any(is_gen for *_, is_gen, _ in compiled)
    return tuple((match, store, unbind, _taking_sibling_jumps(body, is_gen, yields, siblings),
                  yields, handler)
                 for match, store, unbind, body, is_gen, handler in compiled)


def _taking_sibling_jumps(body, is_gen: bool, yields: bool, siblings: list):
    # (the other clause runs outside the handler of the JumpTo: the exception being handled
    # there is the `try`'s)
    if yields:
        def clause_generator(f):
            try:
                return (yield from body(f)) if is_gen else body(f)
            except JumpTo as caught:
                jump = caught
            while True:
                target = _sibling_target(jump, f, siblings)
                if target is None:
                    raise jump
                block, is_generator = target
                try:
                    return (yield from block(f, jump.line)) if is_generator \
                        else block(f, jump.line)
                except JumpTo as again:
                    jump = again

        clause_generator.memphis_gen = True
        return clause_generator

    def clause(f):
        try:
            return body(f)
        except JumpTo as caught:
            jump = caught
        while True:
            target = _sibling_target(jump, f, siblings)
            if target is None:
                raise jump
            try:
                return target[0](f, jump.line)
            except JumpTo as again:
                jump = again

    return clause
