"""Hover: what the name under the cursor is (kind, signature, docstring), in Markdown.

Imported names are followed to their definition; a module's docstring is read from its source
(never imported). Builtins are described from the host's `builtins` objects.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from .. import nodes as n
from .navigation import (
    ModuleLoader,
    SourceModule,
    Target,
    builtin_object,
    docstring_of,
    target_at,
)
from .node_ranges import Range
from .symbols import function_signature, parameter_texts

__all__ = ['HoverInfo', 'describe', 'hover']

# Long docstrings are cut: a hover is a glance, not the documentation.
_MAX_DOC_LINES = 40
_MAX_VALUE_CHARS = 80


@dataclass
class HoverInfo:
    """Markdown text and the range of the name it describes."""

    markdown: str
    range: Range


def _code(text: str) -> str:
    return f'```python\n{text}\n```'


def _doc(text: str | None) -> str:
    if not text:
        return ''
    lines = text.splitlines()
    if len(lines) > _MAX_DOC_LINES:
        lines = lines[:_MAX_DOC_LINES] + ['...']
    return '\n\n' + '\n'.join(lines)


def _class_header(module: SourceModule, node) -> str:
    bases = [module.ranges.text(module.ranges.of(base)) for base in node.bases]
    bases += [module.ranges.text(module.ranges.of(keyword)) for keyword in node.keywords]
    return f'class {node.name}' + (f'({", ".join(bases)})' if bases else '')


def _builtin(name: str) -> str:
    value = builtin_object(name)
    if inspect.isclass(value):
        header = f'class {name}'
    elif callable(value):
        try:
            header = f'def {name}{inspect.signature(value)}'
        except (TypeError, ValueError):
            header = f'def {name}(...)'
    else:
        header = f'(builtin) {name}: {type(value).__name__}'
    doc = inspect.getdoc(value) if callable(value) else None
    return _code(header) + _doc(doc)


def _variable(target: Target) -> str:
    statement = target.node
    text = f'(variable) {target.name}'
    if target.module is not None and isinstance(statement, (n.Assign, n.AnnAssign)):
        ranges = target.module.ranges
        if isinstance(statement, n.AnnAssign):
            text += ': ' + ranges.text(ranges.of(statement.annotation))
        value = statement.value
        if value is not None:
            value_text = ranges.text(ranges.of(value))
            if '\n' not in value_text and len(value_text) <= _MAX_VALUE_CHARS:
                text += ' = ' + value_text
    return _code(text)


def describe(target: Target) -> str:
    """The Markdown description of a resolved name."""
    module = target.module
    if target.kind == 'builtin':
        return _builtin(target.name)
    if target.kind == 'module':
        name = target.module_name or target.name
        return _code(f'(module) {name}') + _doc(module.docstring if module else None)
    if module is None:
        return _code(f'({target.kind}) {target.name}')
    node = target.node
    if target.kind == 'function' and isinstance(node, (n.FunctionDef, n.AsyncFunctionDef)):
        prefix = '(method) ' if target.binding is not None and \
            target.binding.scope.kind == 'class' else ''
        return _code(prefix + function_signature(module.ranges, node)) + _doc(docstring_of(node))
    if target.kind in ('class', 'instance') and isinstance(node, n.ClassDef):
        header = _class_header(module, node)
        if target.kind == 'instance':
            header = f'(instance of) {header}'
        return _code(header) + _doc(docstring_of(node))
    if target.kind == 'parameter' and isinstance(node, n.arg):
        text = _parameter_text(module, node)
        return _code(f'(parameter) {text}')
    if target.kind == 'attribute':
        return _code(f'(attribute) {target.name}')
    return _variable(target)


def _parameter_text(module: SourceModule, arg) -> str:
    for function in n.walk(module.tree):
        if isinstance(function, (n.FunctionDef, n.AsyncFunctionDef, n.Lambda)):
            args = function.args
            every = list(args.posonlyargs) + list(args.args) + list(args.kwonlyargs)
            every += [a for a in (args.vararg, args.kwarg) if a is not None]
            if any(a is arg for a in every):
                texts = [t for t in parameter_texts(module.ranges, args) if t not in '/*']
                for text in texts:
                    if text.lstrip('*').split(':')[0].split('=')[0] == arg.arg:
                        return text
    return arg.arg


def hover(loader: ModuleLoader, module: SourceModule, lineno: int, col: int
          ) -> HoverInfo | None:
    """The hover for the name at the position (None where there is no name)."""
    found = target_at(loader, module, lineno, col)
    if found is None:
        return None
    occurrence, target = found
    if target is None:
        if occurrence.resolution == 'unresolved':
            return HoverInfo(_code(f'(unresolved) {occurrence.name}'), occurrence.range)
        return None
    return HoverInfo(describe(target), occurrence.range)
