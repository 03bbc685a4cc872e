"""`class` statements: the body compiles to a class-body code run by `build_class`."""

from __future__ import annotations

from ..runtime.classes import build_class
from ..runtime.templates import instantiate
from .functions import apply_decorators, docstring_of
from .operators import operand_text
from .scope import ScopeKind

__all__ = ['ClassCompiler']


class ClassCompiler:
    """Mixin: `stmt_ClassDef`."""

    def stmt_ClassDef(self, node):
        decorators = tuple(self.expr(d) for d in node.decorator_list)
        code = self.reuse[id(node)] if self.reuse is not None else self.class_code(node)
        scope = code.scope
        class_cell = scope.slots.get('__class__') if '__class__' in scope.cells else None
        arguments = self.class_arguments(node)
        free_slots = tuple(self.scope.slots[name] for name in code.co_freevars)
        store = self.store_name(self.scope.mangle(node.name))
        name = node.name

        decorator_nodes = tuple(node.decorator_list)

        def define(f):
            applied = [d(f) for d in decorators]
            bases, keywords = arguments(f)
            fast = f.fast
            closure = tuple([fast[slot] for slot in free_slots])
            cls = build_class(code, f, name, bases, keywords, closure, class_cell)
            if applied:
                cls = apply_decorators(f, cls, applied, decorator_nodes)
            store(f, cls)

        return define

    def class_code(self, node):
        from . import Compiler

        qualname = self.qualname_for(node.name)
        scope = self.child_scope(node, ScopeKind.CLASS, node.name, qualname)
        scope.layout([])
        compiler = Compiler(scope, self.filename, kind='class', body=node.body,
                            future=self.future)
        code = self.new_code(node.name, qualname, node.lineno, 'class', node)
        code.body = compiler.class_body(node.body, qualname)
        code.children = compiler.child_codes
        code.scope = scope
        code.node = node
        code.co_varnames = tuple(scope.varnames)
        code.co_cellvars = tuple(n for n in scope.varnames if n in scope.cells)
        code.co_freevars = tuple(scope.frees)
        code.nlocals = len(scope.varnames)
        code.cell_slots = scope.cell_slots
        code.free_slots = scope.free_slots
        return code

    def class_arguments(self, node):
        """A closure giving (bases tuple, keywords dict) with host call syntax for * and **."""
        pieces, values = [], []
        for base in node.bases:
            if type(base).__name__ == 'Starred':
                shape, value = self.operand(base.value)
                pieces.append('*' + operand_text(shape, f'A{len(values)}'))
            else:
                shape, value = self.operand(base)
                pieces.append(operand_text(shape, f'A{len(values)}'))
            values.append(value)
        for keyword in node.keywords:
            shape, value = self.operand(keyword.value)
            text = operand_text(shape, f'A{len(values)}')
            pieces.append(f'**{text}' if keyword.arg is None else f'{keyword.arg}={text}')
            values.append(value)
        names = ''.join(f'A{i}, ' for i in range(len(values)))
        source = (f'def make({names}):\n'
                  f'    def arguments(f):\n'
                  f'        return split({", ".join(pieces)})\n'
                  f'    return arguments\n'
                  f'def split(*bases, **keywords):\n'
                  f'    return bases, keywords\n')
        return instantiate(source, 'make')(*values)

    def class_body(self, body: list, qualname: str):
        """The body with CPython's prologue: `__module__`, `__qualname__`, annotations, doc."""
        doc = docstring_of(body)
        block = self.block(body)
        has_annotations = any(type(s).__name__ == 'AnnAssign' for s in _walk_statements(body))

        def class_body(f):
            names = f.names
            names['__module__'] = f.f_globals.get('__name__')
            names['__qualname__'] = qualname
            if doc is not None:
                names['__doc__'] = doc
            if has_annotations:
                names['__annotations__'] = {}
            return block(f)

        return class_body


def _walk_statements(body: list):
    for statement in body:
        yield statement
        kind = type(statement).__name__
        if kind in ('FunctionDef', 'AsyncFunctionDef', 'ClassDef'):
            continue
        for field in ('body', 'orelse', 'finalbody', 'handlers'):
            inner = getattr(statement, field, None)
            if isinstance(inner, list):
                yield from _walk_statements(inner)
        for case in getattr(statement, 'cases', None) or ():
            yield from _walk_statements(case.body)
