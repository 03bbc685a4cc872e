"""Line events inside a statement, where CPython's bytecode changes line (traced code only).

CPython reports a 'line' event whenever the next instruction is on another line than the last
one, and an expression's own instruction (the call, the operator, the display's build, the
jump of `and`/`or`, a chained comparison's compare) carries the line of its node, after its
operands' instructions. So `x = f(a,\\n b)` reports lines 1, 2, 1, and `return (\\n a)` reports
2, 1: the statement's first event is at the line of its first instruction.

`line_plan(statement)` says, for each expression node of a statement (not of its nested
statements), the line to report before it runs (a leaf, or a node whose own instruction runs
first, such as a comprehension's function) and the line to report after it (the line of its
parent's instruction, when that comes next). `first_line(statement)` is where it starts.
"""

from __future__ import annotations

from .constants import NOT_CONSTANT, constant_value

__all__ = ['first_leaf_line', 'first_line', 'line_plan', 'name_store_lines', 'plan_expression',
           'plan_handler', 'plan_test', 'plan_with_item', 'tail_statements']

# nodes whose own instruction runs before their children (MAKE_FUNCTION of a comprehension;
# a lambda's defaults come first when it has some)
_OWN_FIRST = frozenset({'ListComp', 'SetComp', 'DictComp', 'GeneratorExp'})
# statement -> its expression fields, in evaluation order (the value before the targets)
_STATEMENT_FIELDS = {
    'Expr': ('value',), 'Assign': ('value', 'targets'), 'AugAssign': ('target', 'value'),
    'AnnAssign': ('value', 'target'), 'Return': ('value',), 'If': ('test',),
    'Assert': ('test', 'msg'), 'Raise': ('exc', 'cause'), 'Delete': ('targets',),
    'For': ('iter',), 'AsyncFor': ('iter',), 'While': ('test',),
}
# the field whose value the statement's own instruction (store, return, jump, pop) follows
_VALUE_FIELD = {'Expr': 'value', 'Assign': 'value', 'AugAssign': 'value', 'AnnAssign': 'value',
                'Return': 'value', 'If': 'test', 'Assert': 'test', 'Raise': 'exc',
                'For': 'iter', 'AsyncFor': 'iter', 'While': 'test'}
# statements whose first instruction is their first expression's (the others start at their
# own line: a NOP, an import, a definition, ...)
_STARTS_WITH_VALUE = frozenset({'Expr', 'Assign', 'AnnAssign', 'Return', 'If', 'Assert',
                                'Raise', 'While', 'For', 'AsyncFor'})


# statements whose test is compiled by compiler_jump_if (plan_test)
_TESTED = frozenset({'If', 'While', 'Assert'})


def _folded(node, in_iteration: bool) -> bool:
    """Whether CPython loads the display `node` as one constant: a tuple of constants; a list
    or set of more than two constants (or of any number iterated over or tested with `in`)."""
    kind = type(node).__name__
    if kind not in ('Tuple', 'List', 'Set'):
        return False
    if not all(constant_value(element) is not NOT_CONSTANT for element in node.elts):
        return False
    return kind == 'Tuple' or in_iteration or len(node.elts) > 2


def _children(node, in_iteration: bool = False) -> list:
    """The expression children of `node` in the order CPython evaluates them."""
    kind = type(node).__name__
    if _folded(node, in_iteration):
        return []
    if kind == 'Dict':
        ordered = []
        for key, value in zip(node.keys, node.values):
            if key is not None:
                ordered.append(key)
            ordered.append(value)
        return ordered
    if kind == 'Call':
        return [node.func, *node.args, *(keyword.value for keyword in node.keywords)]
    if kind in _OWN_FIRST:
        return [node.generators[0].iter]
    if kind == 'Lambda':
        return [*node.args.defaults, *(d for d in node.args.kw_defaults if d is not None)]
    if kind == 'IfExp':
        return [node.test, node.body, node.orelse]
    if kind == 'JoinedStr':
        return list(node.values)
    if kind == 'FormattedValue':
        return [node.value] + ([node.format_spec] if node.format_spec is not None else [])
    if kind in ('Yield', 'YieldFrom', 'Await', 'Starred', 'Attribute', 'UnaryOp', 'NamedExpr'):
        value = node.operand if kind == 'UnaryOp' else node.value
        return [value] if value is not None else []
    if kind == 'BinOp':
        return [node.left, node.right]
    if kind == 'BoolOp':
        return list(node.values)
    if kind == 'Compare':
        return [node.left, *node.comparators]
    if kind == 'Subscript':
        return [node.value, node.slice]
    if kind == 'Slice':
        return [part for part in (node.lower, node.upper, node.step) if part is not None]
    if kind in ('List', 'Tuple', 'Set'):
        return list(node.elts)
    return []


def _is_method_call(node) -> bool:
    """Whether CPython 3.11 compiles the call as LOAD_METHOD/CALL (maybe_optimize_method_call)."""
    func = node.func
    return (type(func).__name__ == 'Attribute' and type(func.ctx).__name__ == 'Load'
            and len(node.args) + len(node.keywords) + bool(node.keywords) < 30
            and not any(type(arg).__name__ == 'Starred' for arg in node.args)
            and all(keyword.arg is not None for keyword in node.keywords))


def _first_leaf_line(node, in_iteration: bool = False) -> int:
    while True:
        if type(node).__name__ in _OWN_FIRST:
            return node.lineno
        children = _children(node, in_iteration)
        if not children:
            return node.lineno
        node = children[0]
        in_iteration = False


def first_leaf_line(node) -> int:
    """The line of the first instruction of the expression `node`."""
    return _first_leaf_line(node)


def first_line(statement) -> int:
    """The line of the statement's first instruction."""
    kind = type(statement).__name__
    if kind in ('With', 'AsyncWith'):
        return _first_leaf_line(statement.items[0].context_expr)
    if kind in _STARTS_WITH_VALUE:
        field = _STATEMENT_FIELDS[kind][0]
        value = getattr(statement, field, None)
        if isinstance(value, list):
            value = value[0] if value else None
        if value is not None:
            return _first_leaf_line(value, field == 'iter')
    return statement.lineno


def _plan(node, after: int | None, plan: dict, in_iteration: bool = False) -> None:
    kind = type(node).__name__
    children = _children(node, in_iteration)
    before = node.lineno if not children or kind in _OWN_FIRST else None
    if kind == 'IfExp':
        after_children = [None, None, None]  # (the test: plan_test); then the chosen branch
    elif kind == 'BoolOp':
        after_children = [node.lineno] * (len(children) - 1) + [None]
    elif kind == 'Compare':
        after_children = [None] + [node.lineno] * (len(children) - 1)
    elif kind == 'Call' and _is_method_call(node):
        # LOAD_METHOD ... CALL: the call has the method name's line too
        after_children = [None] * (len(children) - 1) + [node.func.end_lineno]
    elif kind == 'Attribute':
        # its LOAD_ATTR (LOAD_METHOD) has the line of the name (update_start_location_to_
        # match_attr), which may follow the object's
        after_children = [node.end_lineno]
    else:
        after_children = [None] * (len(children) - 1) + [node.lineno]
    if kind in ('IfExp', 'BoolOp'):
        # the value of the chosen branch (or the last operand) is the node's value: what
        # follows it is the parent's instruction
        after_children[-1] = after
        if kind == 'IfExp':
            after_children[1] = after
    if before is not None or after is not None:
        plan[id(node)] = (before, after)
    tested = [False] * len(children)
    if kind == 'Compare':  # `x in [1, 2]`: the list is a constant tuple
        tested[1:] = [type(op).__name__ in ('In', 'NotIn') for op in node.ops]
    for index, (child, child_after, iterated) in enumerate(zip(children, after_children,
                                                               tested)):
        if kind == 'IfExp' and index == 0:
            plan_test(child, node.lineno, plan)  # compiler_ifexp jumps by compiler_jump_if
        else:
            _plan(child, child_after, plan, iterated)


def plan_test(test, line: int, plan: dict) -> int:
    """Plan `test` as compile.c's compiler_jump_if compiles it, its jump at `line`: a `not`
    jumps on its operand, a boolean operation or conditional expression on each part; a
    comparison sets its own line, which stays the current one for its jump and what follows
    (nothing restores it). Returns the line after the test."""
    kind = type(test).__name__
    if kind == 'UnaryOp' and type(test.op).__name__ == 'Not':
        return plan_test(test.operand, line, plan)
    if kind == 'BoolOp':
        for value in test.values:
            line = plan_test(value, line, plan)
        return line
    if kind == 'IfExp':
        for part in (test.test, test.body, test.orelse):
            line = plan_test(part, line, plan)
        return line
    if kind == 'Compare':
        line = test.lineno
    _plan(test, line, plan)
    return line


def plan_expression(node, after: int | None, plan: dict, *, in_iteration: bool = False) -> None:
    """Add to `plan` the lines of `node` and its children; `after` is the line of the
    instruction that follows it (None: none of its own); `in_iteration`: it is iterated."""
    _plan(node, after, plan, in_iteration)


def line_plan(statement) -> dict[int, tuple[int | None, int | None]]:
    """{id(expression node): (line before it, line after it)} for the statement's own
    expressions (None: no event there)."""
    kind = type(statement).__name__
    plan: dict = {}
    if kind in _TESTED:
        after = plan_test(statement.test, statement.lineno, plan)
        if kind == 'Assert' and statement.msg is not None:
            # the raise that follows the message has the line the test left current
            _plan(statement.msg, after, plan)
        return plan
    for field in _STATEMENT_FIELDS.get(kind, ()):
        value = getattr(statement, field, None)
        for node in value if isinstance(value, list) else [value]:
            if node is not None:
                _plan(node, statement.lineno if field == _VALUE_FIELD.get(kind) else None, plan,
                      in_iteration=field == 'iter')
    return plan


def plan_handler(handler, plan: dict) -> None:
    """An `except` clause's type: its loads, then CHECK_EXC_MATCH on the `except` line."""
    if handler.type is not None:
        _plan(handler.type, handler.lineno, plan)


def name_store_lines(target) -> list[int] | None:
    """The lines of the store instructions of a target made of names only (UNPACK_SEQUENCE
    of a tuple or list, then its elements'), in order; None if it stores anything else."""
    kind = type(target).__name__
    if kind == 'Name':
        return [target.lineno]
    if kind == 'Starred':
        return name_store_lines(target.value)
    if kind in ('Tuple', 'List'):
        lines = [target.lineno]
        for element in target.elts:
            element_lines = name_store_lines(element)
            if element_lines is None:
                return None
            lines += element_lines
        return lines
    return None


def _plan_store(target, plan: dict) -> None:
    """The loads of an attribute or subscript target, or of those in a tuple or list."""
    kind = type(target).__name__
    if kind == 'Attribute':  # STORE_ATTR has the attribute name's line
        _plan(target.value, target.end_lineno, plan)
    elif kind == 'Subscript':  # STORE_SUBSCR has the subscript's line
        _plan(target.value, None, plan)
        _plan(target.slice, target.lineno, plan)
    elif kind in ('Tuple', 'List'):
        for element in target.elts:
            _plan_store(element.value if type(element).__name__ == 'Starred' else element, plan)


def plan_with_item(item, plan: dict) -> list[int]:
    """A `with` item: its context expression (BEFORE_WITH, on the `with` line, follows: the
    tracer reports it as `__enter__` is looked up), then its target. Returns the lines of the
    target's store (names, or a tuple or list of names: they have no side effect, so the first
    is reported before the store and the others after), or the line of a tuple's unpacking
    (the loads of its attributes and subscripts report theirs), or none."""
    _plan(item.context_expr, None, plan)
    target = item.optional_vars
    if target is None:
        return []
    lines = name_store_lines(target)
    if lines is not None:
        return lines
    _plan_store(target, plan)
    return [target.lineno] if type(target).__name__ in ('Tuple', 'List') else []


def tail_statements(body: list) -> set[int]:
    """The ids of the statements a code's implicit return follows: its last, and the last of
    each branch of an `if` that is one of them. (After a `try`/`except*` that handled an
    exception, that return has the last clause's line: compile.c's epilogue of the clauses
    has no line, so the return's is the one set last.)"""
    found: set[int] = set()
    pending = [body]
    while pending:
        statements = pending.pop()
        if not statements:
            continue
        last = statements[-1]
        found.add(id(last))
        if type(last).__name__ == 'If':
            pending.extend((last.body, last.orelse))
    return found
