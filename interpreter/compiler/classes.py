"""`class` statements: the body compiles to a class-body code run by `build_class`."""

from __future__ import annotations

from ..runtime.c_calls import profiling, reported_call
from ..runtime.classes import build_class
from ..runtime.templates import instantiate
from .core import has_annotations, setup_annotations
from .functions import apply_decorators, docstring_of
from .operators import operand_text
from .scope import ScopeKind, set_local_names

__all__ = ['ClassCompiler']


class ClassCompiler:
    """Mixin: `stmt_ClassDef`."""

    def stmt_ClassDef(self, node):
        decorators = tuple(self.expr(d) for d in node.decorator_list)
        code = self.reuse[self.code_key(node)] if self.reuse is not None else self.class_code(node)
        scope = code.scope
        class_cell = scope.class_cell_slot
        arguments = self.class_arguments(node)
        free_slots = tuple(self.scope.slots[name] for name in code.co_freevars)
        store = self.store_name(self.scope.mangle(node.name))
        name = node.name
        if self.instrument and decorators:
            from ..runtime.tracing import traced_decorators

            decorators, arguments = traced_decorators(decorators, node.decorator_list,
                                                      arguments, node.lineno)

        decorator_nodes = tuple(node.decorator_list)
        build = _profiled_build_class if self.instrument else build_class

        def define(f):
            applied = [d(f) for d in decorators]
            bases, keywords = arguments(f)
            fast = f.fast
            closure = tuple([fast[slot] for slot in free_slots])
            if '__build_class__' not in f.f_builtins:
                # CPython's LOAD_BUILD_CLASS (a custom `__build_class__` is not called: the
                # class is built as the builtin one builds it)
                raise NameError('__build_class__ not found')
            cls = build(code, f, name, bases, keywords, closure, class_cell)
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
        # a decorated class's code starts at its first decorator, as CPython's
        firstlineno = node.decorator_list[0].lineno if node.decorator_list else node.lineno
        code = self.new_code(node.name, qualname, firstlineno, 'class', node)
        code.body = compiler.class_body(node.body, qualname)
        code.children = compiler.child_codes
        code.scope = scope
        code.node = node
        set_local_names(code, scope, 0)
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
        annotated = has_annotations(body)
        if self.instrument and doc is not None:
            from ..runtime.tracing import stores_doc_first

            # CPython stores `__doc__` at the docstring's line, after the prologue
            block, doc = stores_doc_first(block, doc, body[0].lineno), None

        def class_body(f):
            names = f.names
            names['__module__'] = f.f_globals.get('__name__')
            names['__qualname__'] = qualname
            if annotated:
                setup_annotations(names)
            if doc is not None:
                names['__doc__'] = doc
            return block(f)

        return class_body


def _profiled_build_class(code, f, *arguments):
    """`build_class` in an instrumented body: a profile function sees the call of
    `__build_class__` that CPython's class statement makes (runtime.c_calls)."""
    if profiling[0]:
        return reported_call(f, f.f_builtins['__build_class__'], build_class, code, f,
                             *arguments)
    return build_class(code, f, *arguments)
