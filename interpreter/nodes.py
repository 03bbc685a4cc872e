"""Syntax tree node classes: the same names, fields and position attributes as CPython's `ast`.

Generated once from the host's `ast` module and kept by hand since; `ErrorExpr` and `ErrorStmt`
are Memphis's own, standing where the error-recovering parser skipped code.
"""

from __future__ import annotations

from sys import intern as _intern

__all__ = ['AST', 'DEL', 'LOAD', 'STORE', 'iter_child_nodes', 'iter_fields', 'to_ast', 'walk']


class AST:
    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _attributes: tuple[str, ...] = ()

    def __repr__(self) -> str:
        args = ', '.join(f'{name}={getattr(self, name, None)!r}' for name in self._fields)
        return f'{type(self).__name__}({args})'


def _deferred_attribute(self, name: str):
    # A def's __getattr__ (so only for an attribute that is not set): a function's body loaded
    # from the import cache stays pickled until its first read (imports.tree_pickle).
    if name == 'body':
        try:
            deferred = object.__getattribute__(self, 'deferred_body')
        except AttributeError:
            pass
        else:
            return deferred.load(self)
    raise AttributeError(f'{type(self).__name__!r} object has no attribute {name!r}',
                         name=name, obj=self)


class mod(AST):
    __slots__ = ()
    _fields = ()


class Module(mod):
    __slots__ = ('body', 'type_ignores')
    _fields = ('body', 'type_ignores')
    def __init__(self, body=None, type_ignores=None):
        self.body = body
        self.type_ignores = type_ignores


class Interactive(mod):
    __slots__ = ('body',)
    _fields = ('body',)
    def __init__(self, body=None):
        self.body = body


class Expression(mod):
    __slots__ = ('body',)
    _fields = ('body',)
    def __init__(self, body=None):
        self.body = body


class FunctionType(mod):
    __slots__ = ('argtypes', 'returns')
    _fields = ('argtypes', 'returns')
    def __init__(self, argtypes=None, returns=None):
        self.argtypes = argtypes
        self.returns = returns


class stmt(AST):
    __slots__ = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    _fields = ()
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    def __init__(self, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class FunctionDef(stmt):
    # deferred_body: the body's pickle while `body` is unset (imports.tree_pickle)
    __slots__ = ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment', 'deferred_body')
    _fields = ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment')
    __getattr__ = _deferred_attribute
    def __init__(self, name=None, args=None, body=None, decorator_list=None, returns=None, type_comment=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.name = name
        self.args = args
        self.body = body
        self.decorator_list = decorator_list
        self.returns = returns
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class AsyncFunctionDef(stmt):
    # deferred_body: the body's pickle while `body` is unset (imports.tree_pickle)
    __slots__ = ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment', 'deferred_body')
    _fields = ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment')
    __getattr__ = _deferred_attribute
    def __init__(self, name=None, args=None, body=None, decorator_list=None, returns=None, type_comment=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.name = name
        self.args = args
        self.body = body
        self.decorator_list = decorator_list
        self.returns = returns
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class ClassDef(stmt):
    __slots__ = ('name', 'bases', 'keywords', 'body', 'decorator_list')
    _fields = ('name', 'bases', 'keywords', 'body', 'decorator_list')
    def __init__(self, name=None, bases=None, keywords=None, body=None, decorator_list=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.name = name
        self.bases = bases
        self.keywords = keywords
        self.body = body
        self.decorator_list = decorator_list
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Return(stmt):
    __slots__ = ('value',)
    _fields = ('value',)
    def __init__(self, value=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Delete(stmt):
    __slots__ = ('targets',)
    _fields = ('targets',)
    def __init__(self, targets=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.targets = targets
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Assign(stmt):
    __slots__ = ('targets', 'value', 'type_comment')
    _fields = ('targets', 'value', 'type_comment')
    def __init__(self, targets=None, value=None, type_comment=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.targets = targets
        self.value = value
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class AugAssign(stmt):
    __slots__ = ('target', 'op', 'value')
    _fields = ('target', 'op', 'value')
    def __init__(self, target=None, op=None, value=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.target = target
        self.op = op
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class AnnAssign(stmt):
    __slots__ = ('target', 'annotation', 'value', 'simple')
    _fields = ('target', 'annotation', 'value', 'simple')
    def __init__(self, target=None, annotation=None, value=None, simple=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.target = target
        self.annotation = annotation
        self.value = value
        self.simple = simple
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class For(stmt):
    __slots__ = ('target', 'iter', 'body', 'orelse', 'type_comment')
    _fields = ('target', 'iter', 'body', 'orelse', 'type_comment')
    def __init__(self, target=None, iter=None, body=None, orelse=None, type_comment=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.target = target
        self.iter = iter
        self.body = body
        self.orelse = orelse
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class AsyncFor(stmt):
    __slots__ = ('target', 'iter', 'body', 'orelse', 'type_comment')
    _fields = ('target', 'iter', 'body', 'orelse', 'type_comment')
    def __init__(self, target=None, iter=None, body=None, orelse=None, type_comment=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.target = target
        self.iter = iter
        self.body = body
        self.orelse = orelse
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class While(stmt):
    __slots__ = ('test', 'body', 'orelse')
    _fields = ('test', 'body', 'orelse')
    def __init__(self, test=None, body=None, orelse=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.test = test
        self.body = body
        self.orelse = orelse
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class If(stmt):
    __slots__ = ('test', 'body', 'orelse')
    _fields = ('test', 'body', 'orelse')
    def __init__(self, test=None, body=None, orelse=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.test = test
        self.body = body
        self.orelse = orelse
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class With(stmt):
    __slots__ = ('items', 'body', 'type_comment')
    _fields = ('items', 'body', 'type_comment')
    def __init__(self, items=None, body=None, type_comment=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.items = items
        self.body = body
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class AsyncWith(stmt):
    __slots__ = ('items', 'body', 'type_comment')
    _fields = ('items', 'body', 'type_comment')
    def __init__(self, items=None, body=None, type_comment=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.items = items
        self.body = body
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Match(stmt):
    __slots__ = ('subject', 'cases')
    _fields = ('subject', 'cases')
    def __init__(self, subject=None, cases=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.subject = subject
        self.cases = cases
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Raise(stmt):
    __slots__ = ('exc', 'cause')
    _fields = ('exc', 'cause')
    def __init__(self, exc=None, cause=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.exc = exc
        self.cause = cause
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Try(stmt):
    __slots__ = ('body', 'handlers', 'orelse', 'finalbody')
    _fields = ('body', 'handlers', 'orelse', 'finalbody')
    def __init__(self, body=None, handlers=None, orelse=None, finalbody=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.body = body
        self.handlers = handlers
        self.orelse = orelse
        self.finalbody = finalbody
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class TryStar(stmt):
    __slots__ = ('body', 'handlers', 'orelse', 'finalbody')
    _fields = ('body', 'handlers', 'orelse', 'finalbody')
    def __init__(self, body=None, handlers=None, orelse=None, finalbody=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.body = body
        self.handlers = handlers
        self.orelse = orelse
        self.finalbody = finalbody
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Assert(stmt):
    __slots__ = ('test', 'msg')
    _fields = ('test', 'msg')
    def __init__(self, test=None, msg=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.test = test
        self.msg = msg
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Import(stmt):
    __slots__ = ('names',)
    _fields = ('names',)
    def __init__(self, names=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.names = names
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class ImportFrom(stmt):
    __slots__ = ('module', 'names', 'level')
    _fields = ('module', 'names', 'level')
    def __init__(self, module=None, names=None, level=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.module = module
        self.names = names
        self.level = level
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Global(stmt):
    __slots__ = ('names',)
    _fields = ('names',)
    def __init__(self, names=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.names = names
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Nonlocal(stmt):
    __slots__ = ('names',)
    _fields = ('names',)
    def __init__(self, names=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.names = names
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Expr(stmt):
    __slots__ = ('value',)
    _fields = ('value',)
    def __init__(self, value=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Pass(stmt):
    __slots__ = ()
    def __init__(self, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Break(stmt):
    __slots__ = ()
    def __init__(self, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Continue(stmt):
    __slots__ = ()
    def __init__(self, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class expr(AST):
    __slots__ = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    _fields = ()
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    def __init__(self, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class BoolOp(expr):
    __slots__ = ('op', 'values')
    _fields = ('op', 'values')
    def __init__(self, op=None, values=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.op = op
        self.values = values
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class NamedExpr(expr):
    __slots__ = ('target', 'value')
    _fields = ('target', 'value')
    def __init__(self, target=None, value=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.target = target
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class BinOp(expr):
    __slots__ = ('left', 'op', 'right')
    _fields = ('left', 'op', 'right')
    def __init__(self, left=None, op=None, right=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.left = left
        self.op = op
        self.right = right
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class UnaryOp(expr):
    __slots__ = ('op', 'operand')
    _fields = ('op', 'operand')
    def __init__(self, op=None, operand=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.op = op
        self.operand = operand
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Lambda(expr):
    __slots__ = ('args', 'body')
    _fields = ('args', 'body')
    def __init__(self, args=None, body=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.args = args
        self.body = body
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class IfExp(expr):
    __slots__ = ('test', 'body', 'orelse')
    _fields = ('test', 'body', 'orelse')
    def __init__(self, test=None, body=None, orelse=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.test = test
        self.body = body
        self.orelse = orelse
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Dict(expr):
    __slots__ = ('keys', 'values')
    _fields = ('keys', 'values')
    def __init__(self, keys=None, values=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.keys = keys
        self.values = values
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Set(expr):
    __slots__ = ('elts',)
    _fields = ('elts',)
    def __init__(self, elts=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.elts = elts
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class ListComp(expr):
    __slots__ = ('elt', 'generators')
    _fields = ('elt', 'generators')
    def __init__(self, elt=None, generators=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.elt = elt
        self.generators = generators
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class SetComp(expr):
    __slots__ = ('elt', 'generators')
    _fields = ('elt', 'generators')
    def __init__(self, elt=None, generators=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.elt = elt
        self.generators = generators
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class DictComp(expr):
    __slots__ = ('key', 'value', 'generators')
    _fields = ('key', 'value', 'generators')
    def __init__(self, key=None, value=None, generators=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.key = key
        self.value = value
        self.generators = generators
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class GeneratorExp(expr):
    __slots__ = ('elt', 'generators')
    _fields = ('elt', 'generators')
    def __init__(self, elt=None, generators=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.elt = elt
        self.generators = generators
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Await(expr):
    __slots__ = ('value',)
    _fields = ('value',)
    def __init__(self, value=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Yield(expr):
    __slots__ = ('value',)
    _fields = ('value',)
    def __init__(self, value=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class YieldFrom(expr):
    __slots__ = ('value',)
    _fields = ('value',)
    def __init__(self, value=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Compare(expr):
    __slots__ = ('left', 'ops', 'comparators')
    _fields = ('left', 'ops', 'comparators')
    def __init__(self, left=None, ops=None, comparators=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.left = left
        self.ops = ops
        self.comparators = comparators
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Call(expr):
    __slots__ = ('func', 'args', 'keywords')
    _fields = ('func', 'args', 'keywords')
    def __init__(self, func=None, args=None, keywords=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.func = func
        self.args = args
        self.keywords = keywords
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class FormattedValue(expr):
    __slots__ = ('value', 'conversion', 'format_spec')
    _fields = ('value', 'conversion', 'format_spec')
    def __init__(self, value=None, conversion=None, format_spec=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.value = value
        self.conversion = conversion
        self.format_spec = format_spec
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class JoinedStr(expr):
    __slots__ = ('values',)
    _fields = ('values',)
    def __init__(self, values=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.values = values
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


def _interned(value):
    # CPython interns the string constants made of name characters only (codeobject.c), so
    # equal literals are one object, across functions and modules: ('upper' is 'upper')
    if type(value) is str and value.isascii() and value.replace('_', 'a').isalnum():
        return _intern(value)
    return value


class Constant(expr):
    __slots__ = ('value', 'kind')
    _fields = ('value', 'kind')
    def __init__(self, value=None, kind=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.value = _interned(value)
        self.kind = kind
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset

    def __setstate__(self, state) -> None:
        # unpickled from the import cache: the strings are new objects, intern them again
        _, slots = state
        for name, value in slots.items():
            setattr(self, name, value)
        self.value = _interned(self.value)


class Attribute(expr):
    __slots__ = ('value', 'attr', 'ctx')
    _fields = ('value', 'attr', 'ctx')
    def __init__(self, value=None, attr=None, ctx=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.value = value
        self.attr = attr
        self.ctx = ctx
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Subscript(expr):
    __slots__ = ('value', 'slice', 'ctx')
    _fields = ('value', 'slice', 'ctx')
    def __init__(self, value=None, slice=None, ctx=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.value = value
        self.slice = slice
        self.ctx = ctx
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Starred(expr):
    __slots__ = ('value', 'ctx')
    _fields = ('value', 'ctx')
    def __init__(self, value=None, ctx=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.value = value
        self.ctx = ctx
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Name(expr):
    __slots__ = ('id', 'ctx')
    _fields = ('id', 'ctx')
    def __init__(self, id=None, ctx=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.id = id
        self.ctx = ctx
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class List(expr):
    __slots__ = ('elts', 'ctx')
    _fields = ('elts', 'ctx')
    def __init__(self, elts=None, ctx=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.elts = elts
        self.ctx = ctx
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Tuple(expr):
    __slots__ = ('elts', 'ctx')
    _fields = ('elts', 'ctx')
    def __init__(self, elts=None, ctx=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.elts = elts
        self.ctx = ctx
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Slice(expr):
    __slots__ = ('lower', 'upper', 'step')
    _fields = ('lower', 'upper', 'step')
    def __init__(self, lower=None, upper=None, step=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.lower = lower
        self.upper = upper
        self.step = step
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class expr_context(AST):
    __slots__ = ()
    _fields = ()


class Load(expr_context):
    __slots__ = ()


class Store(expr_context):
    __slots__ = ()


class Del(expr_context):
    __slots__ = ()


class boolop(AST):
    __slots__ = ()
    _fields = ()


class And(boolop):
    __slots__ = ()


class Or(boolop):
    __slots__ = ()


class operator(AST):
    __slots__ = ()
    _fields = ()


class Add(operator):
    __slots__ = ()


class Sub(operator):
    __slots__ = ()


class Mult(operator):
    __slots__ = ()


class MatMult(operator):
    __slots__ = ()


class Div(operator):
    __slots__ = ()


class Mod(operator):
    __slots__ = ()


class Pow(operator):
    __slots__ = ()


class LShift(operator):
    __slots__ = ()


class RShift(operator):
    __slots__ = ()


class BitOr(operator):
    __slots__ = ()


class BitXor(operator):
    __slots__ = ()


class BitAnd(operator):
    __slots__ = ()


class FloorDiv(operator):
    __slots__ = ()


class unaryop(AST):
    __slots__ = ()
    _fields = ()


class Invert(unaryop):
    __slots__ = ()


class Not(unaryop):
    __slots__ = ()


class UAdd(unaryop):
    __slots__ = ()


class USub(unaryop):
    __slots__ = ()


class cmpop(AST):
    __slots__ = ()
    _fields = ()


class Eq(cmpop):
    __slots__ = ()


class NotEq(cmpop):
    __slots__ = ()


class Lt(cmpop):
    __slots__ = ()


class LtE(cmpop):
    __slots__ = ()


class Gt(cmpop):
    __slots__ = ()


class GtE(cmpop):
    __slots__ = ()


class Is(cmpop):
    __slots__ = ()


class IsNot(cmpop):
    __slots__ = ()


class In(cmpop):
    __slots__ = ()


class NotIn(cmpop):
    __slots__ = ()


class comprehension(AST):
    __slots__ = ('target', 'iter', 'ifs', 'is_async')
    _fields = ('target', 'iter', 'ifs', 'is_async')
    def __init__(self, target=None, iter=None, ifs=None, is_async=None):
        self.target = target
        self.iter = iter
        self.ifs = ifs
        self.is_async = is_async


class excepthandler(AST):
    __slots__ = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    _fields = ()
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    def __init__(self, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class ExceptHandler(excepthandler):
    __slots__ = ('type', 'name', 'body')
    _fields = ('type', 'name', 'body')
    def __init__(self, type=None, name=None, body=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.type = type
        self.name = name
        self.body = body
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class arguments(AST):
    __slots__ = ('posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults')
    _fields = ('posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults')
    def __init__(self, posonlyargs=None, args=None, vararg=None, kwonlyargs=None, kw_defaults=None, kwarg=None, defaults=None):
        self.posonlyargs = posonlyargs
        self.args = args
        self.vararg = vararg
        self.kwonlyargs = kwonlyargs
        self.kw_defaults = kw_defaults
        self.kwarg = kwarg
        self.defaults = defaults


class arg(AST):
    __slots__ = ('arg', 'annotation', 'type_comment', 'lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    _fields = ('arg', 'annotation', 'type_comment')
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    def __init__(self, arg=None, annotation=None, type_comment=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.arg = arg
        self.annotation = annotation
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class keyword(AST):
    __slots__ = ('arg', 'value', 'lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    _fields = ('arg', 'value')
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    def __init__(self, arg=None, value=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.arg = arg
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class alias(AST):
    __slots__ = ('name', 'asname', 'lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    _fields = ('name', 'asname')
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    def __init__(self, name=None, asname=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.name = name
        self.asname = asname
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class withitem(AST):
    __slots__ = ('context_expr', 'optional_vars')
    _fields = ('context_expr', 'optional_vars')
    def __init__(self, context_expr=None, optional_vars=None):
        self.context_expr = context_expr
        self.optional_vars = optional_vars


class match_case(AST):
    __slots__ = ('pattern', 'guard', 'body')
    _fields = ('pattern', 'guard', 'body')
    def __init__(self, pattern=None, guard=None, body=None):
        self.pattern = pattern
        self.guard = guard
        self.body = body


class pattern(AST):
    __slots__ = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    _fields = ()
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    def __init__(self, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchValue(pattern):
    __slots__ = ('value',)
    _fields = ('value',)
    def __init__(self, value=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchSingleton(pattern):
    __slots__ = ('value',)
    _fields = ('value',)
    def __init__(self, value=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchSequence(pattern):
    __slots__ = ('patterns',)
    _fields = ('patterns',)
    def __init__(self, patterns=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.patterns = patterns
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchMapping(pattern):
    __slots__ = ('keys', 'patterns', 'rest')
    _fields = ('keys', 'patterns', 'rest')
    def __init__(self, keys=None, patterns=None, rest=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.keys = keys
        self.patterns = patterns
        self.rest = rest
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchClass(pattern):
    __slots__ = ('cls', 'patterns', 'kwd_attrs', 'kwd_patterns')
    _fields = ('cls', 'patterns', 'kwd_attrs', 'kwd_patterns')
    def __init__(self, cls=None, patterns=None, kwd_attrs=None, kwd_patterns=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.cls = cls
        self.patterns = patterns
        self.kwd_attrs = kwd_attrs
        self.kwd_patterns = kwd_patterns
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchStar(pattern):
    __slots__ = ('name',)
    _fields = ('name',)
    def __init__(self, name=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.name = name
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchAs(pattern):
    __slots__ = ('pattern', 'name')
    _fields = ('pattern', 'name')
    def __init__(self, pattern=None, name=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.pattern = pattern
        self.name = name
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchOr(pattern):
    __slots__ = ('patterns',)
    _fields = ('patterns',)
    def __init__(self, patterns=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.patterns = patterns
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class type_ignore(AST):
    __slots__ = ()
    _fields = ()


class TypeIgnore(type_ignore):
    __slots__ = ('lineno', 'tag')
    _fields = ('lineno', 'tag')
    def __init__(self, lineno=None, tag=None):
        self.lineno = lineno
        self.tag = tag



class ErrorExpr(expr):
    """An expression the parser could not read; `nodes` keeps what it could."""
    __slots__ = ('nodes',)
    _fields = ('nodes',)
    def __init__(self, nodes=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.nodes = nodes if nodes is not None else []
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class ErrorStmt(stmt):
    """A statement the parser skipped; `nodes` keeps the sub-trees it could still read."""
    __slots__ = ('nodes',)
    _fields = ('nodes',)
    def __init__(self, nodes=None, lineno=0, col_offset=0, end_lineno=0, end_col_offset=0):
        self.nodes = nodes if nodes is not None else []
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


LOAD = Load()
STORE = Store()
DEL = Del()


def iter_fields(node: AST):
    """Yield (name, value) for each field of `node`, in declaration order."""
    for name in node._fields:
        yield name, getattr(node, name, None)


def iter_child_nodes(node: AST):
    """Yield the direct child nodes of `node`."""
    for name in node._fields:
        value = getattr(node, name, None)
        if isinstance(value, AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, AST):
                    yield item


def walk(node: AST):
    """Yield `node` and every node below it (breadth first, like `ast.walk`)."""
    from collections import deque

    todo = deque([node])
    while todo:
        current = todo.popleft()
        todo.extend(iter_child_nodes(current))
        yield current


def to_ast(node):
    """Convert a Memphis tree to the host's `ast` classes, for comparison with `ast.parse`.

    Error nodes (only present when the source has syntax errors) become `ast.Name('<error>')`
    and `ast.Pass`, since `ast` has nothing like them.
    """
    import ast as host_ast

    def convert(value):
        if isinstance(value, AST):
            cls = type(value)
            if cls is ErrorExpr:
                result = host_ast.Name(id='<error>', ctx=host_ast.Load())
            elif cls is ErrorStmt:
                result = host_ast.Pass()
            else:
                result = getattr(host_ast, cls.__name__)()
                for name in cls._fields:
                    setattr(result, name, convert(getattr(value, name, None)))
            for name in cls._attributes:
                setattr(result, name, getattr(value, name, None))
            return result
        if isinstance(value, list):
            return [convert(item) for item in value]
        return value

    return convert(node)
