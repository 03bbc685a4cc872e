"""Document symbols: the outline of one module (classes, functions, methods, variables).

Works on broken trees: a `def`/`class` header the parser could not read still gives a symbol
(from the text of its error statement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import nodes as n
from .node_ranges import NodeRanges, Range, name_range_in_header

__all__ = ['DocumentSymbol', 'document_symbols', 'function_signature', 'parameter_texts']


@dataclass
class DocumentSymbol:
    """One outline entry. `kind` is one of 'class', 'function', 'method', 'property',
    'variable', 'constant', 'field' (a class-level variable)."""

    name: str
    kind: str
    range: Range
    selection_range: Range
    detail: str = ''
    children: list[DocumentSymbol] = field(default_factory=list)


_FUNCTIONS = (n.FunctionDef, n.AsyncFunctionDef)
# Statements whose bodies still belong to the enclosing scope.
_BLOCKS = (n.If, n.For, n.AsyncFor, n.While, n.With, n.AsyncWith, n.Try, n.TryStar)
_BROKEN_HEADER = re.compile(r'\s*(?:async\s+)?(def|class)\s+(\w+)')


def _annotation_text(ranges: NodeRanges, node) -> str:
    return ranges.text(ranges.of(node)) if node is not None else ''


def _parameter_text(ranges: NodeRanges, arg, default=None) -> str:
    text = arg.arg
    if arg.annotation is not None:
        text += ': ' + _annotation_text(ranges, arg.annotation)
        if default is not None:
            return text + ' = ' + _annotation_text(ranges, default)
    elif default is not None:
        text += '=' + _annotation_text(ranges, default)
    return text


def parameter_texts(ranges: NodeRanges, args) -> list[str]:
    """Each parameter of an `arguments` node as written (`b=1`, `*c`, `**kw`, `/`, `*`)."""
    positional = list(args.posonlyargs) + list(args.args)
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    texts = []
    for index, arg in enumerate(positional):
        texts.append(_parameter_text(ranges, arg, defaults[index]))
        if args.posonlyargs and index == len(args.posonlyargs) - 1:
            texts.append('/')
    if args.vararg is not None:
        texts.append('*' + _parameter_text(ranges, args.vararg))
    elif args.kwonlyargs:
        texts.append('*')
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        texts.append(_parameter_text(ranges, arg, default))
    if args.kwarg is not None:
        texts.append('**' + _parameter_text(ranges, args.kwarg))
    return texts


def function_signature(ranges: NodeRanges, node) -> str:
    """`def f(a, b=1) -> int` for a function node (`async def` for coroutines)."""
    keyword = 'async def' if isinstance(node, n.AsyncFunctionDef) else 'def'
    text = f'{keyword} {node.name}({", ".join(parameter_texts(ranges, node.args))})'
    if node.returns is not None:
        text += ' -> ' + _annotation_text(ranges, node.returns)
    return text


def _decorated_range(ranges: NodeRanges, node) -> Range:
    rng = ranges.of(node)
    if node.decorator_list:
        first = ranges.of(node.decorator_list[0])
        # The '@' sits just before the decorator expression.
        return (first[0], max(first[1] - 1, 0), rng[2], rng[3])
    return rng


def _is_property(node) -> bool:
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, n.Call) else decorator
        if isinstance(target, n.Name) and target.id in ('property', 'cached_property'):
            return True
        if isinstance(target, n.Attribute) and target.attr in (
                'setter', 'getter', 'deleter', 'cached_property'):
            return True
    return False


def _target_names(target):
    if isinstance(target, n.Name):
        yield target
    elif isinstance(target, (n.Tuple, n.List)):
        for element in target.elts:
            yield from _target_names(element)
    elif isinstance(target, n.Starred):
        yield from _target_names(target.value)


class _Outline:
    def __init__(self, ranges: NodeRanges):
        self.ranges = ranges

    def body(self, statements, container: str) -> list[DocumentSymbol]:
        symbols: list[DocumentSymbol] = []
        seen: dict[str, DocumentSymbol] = {}
        for statement in statements:
            for symbol in self.statement(statement, container):
                if symbol.kind in ('variable', 'constant', 'field') and symbol.name in seen:
                    continue  # a variable assigned twice is listed once, at its first binding
                seen.setdefault(symbol.name, symbol)
                symbols.append(symbol)
        return symbols

    def statement(self, node, container: str) -> list[DocumentSymbol]:
        ranges = self.ranges
        if isinstance(node, _FUNCTIONS):
            kind = 'function'
            if container == 'class':
                kind = 'property' if _is_property(node) else 'method'
            return [DocumentSymbol(node.name, kind, _decorated_range(ranges, node),
                                   name_range_in_header(ranges, node),
                                   function_signature(ranges, node).partition('def ')[2]
                                   if kind != 'property' else '',
                                   self.body(node.body, 'function'))]
        if isinstance(node, n.ClassDef):
            return [DocumentSymbol(node.name, 'class', _decorated_range(ranges, node),
                                   name_range_in_header(ranges, node), '',
                                   self.body(node.body, 'class'))]
        if container == 'function':
            # Locals are not part of an outline; nested functions and classes are.
            return [s for child in _nested_statements(node) for s in self.statement(child, 'function')]
        if isinstance(node, (n.Assign, n.AnnAssign, n.AugAssign)):
            targets = node.targets if isinstance(node, n.Assign) else [node.target]
            symbols = []
            for target in targets:
                for name in _target_names(target):
                    kind = 'field' if container == 'class' else (
                        'constant' if name.id.isupper() and len(name.id) > 1 else 'variable')
                    symbols.append(DocumentSymbol(name.id, kind, ranges.of(node),
                                                  ranges.of(name)))
            return symbols
        if isinstance(node, n.ErrorStmt):
            header = self.broken(node, container)
            kept = [child for child in node.nodes if isinstance(child, n.stmt)]
            if header:
                # What the parser kept is the broken def/class header's block.
                inner = 'class' if header[0].kind == 'class' else 'function'
                header[0].children = [s for child in kept for s in self.statement(child, inner)]
                return header
            return [s for child in kept for s in self.statement(child, container)]
        return [s for child in _nested_statements(node) for s in self.statement(child, container)]

    def broken(self, node, container: str) -> list[DocumentSymbol]:
        rng = self.ranges.of(node)
        match = _BROKEN_HEADER.match(self.ranges.line(rng[0]), rng[1])
        if not match:
            return []
        kind = 'class' if match.group(1) == 'class' else (
            'method' if container == 'class' else 'function')
        return [DocumentSymbol(match.group(2), kind, rng,
                               (rng[0], match.start(2), rng[0], match.end(2)))]


def _nested_statements(node):
    if isinstance(node, _BLOCKS):
        yield from node.body
        yield from getattr(node, 'orelse', ())
        for handler in getattr(node, 'handlers', ()):
            yield from handler.body
        yield from getattr(node, 'finalbody', ())
    elif isinstance(node, n.Match):
        for case in node.cases:
            yield from case.body


def document_symbols(tree, ranges: NodeRanges) -> list[DocumentSymbol]:
    """The hierarchical outline of a module tree."""
    return _Outline(ranges).body(getattr(tree, 'body', []), 'module')
