"""Semantic tokens: what each name is (class, function, method, parameter, module, ...).

Classification comes from the bindings (scope-correct) and, for imported names, from the
module they come from (read from source). `tokens_delta` gives the edit between two encoded
token arrays for `textDocument/semanticTokens/full/delta`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import nodes as n
from .navigation import (
    ModuleLoader,
    SourceModule,
    builtin_object,
    import_path_parts,
    occurrence_target,
    reaching_binding,
)

__all__ = ['TOKEN_MODIFIERS', 'TOKEN_TYPES', 'SemanticToken', 'encode', 'semantic_tokens',
           'tokens_delta']

TOKEN_TYPES = ['namespace', 'class', 'function', 'method', 'parameter', 'variable', 'property',
               'decorator', 'keyword']
TOKEN_MODIFIERS = ['definition', 'readonly', 'defaultLibrary', 'async']


@dataclass(frozen=True)
class SemanticToken:
    """A name at (lineno, col) of `length` characters, its type and modifiers."""

    lineno: int
    col: int
    length: int
    type: str
    modifiers: frozenset[str] = frozenset()


_TARGET_TYPES = {'module': 'namespace', 'class': 'class', 'function': 'function',
                 'parameter': 'parameter', 'instance': 'variable', 'attribute': 'property',
                 'variable': 'variable'}


def _decorator_names(bindings) -> set:
    """(lineno, byte col) of the names that are decorators (`@name`), and ('attr', id) of the
    Attribute nodes of `@a.name` decorators. Only defs and classes have decorators: their
    bindings lead to them without walking the tree."""
    found: set = set()
    for binding in bindings.bindings():
        if binding.kind not in ('function', 'class'):
            continue
        for decorator in getattr(binding.node, 'decorator_list', None) or ():
            target = decorator.func if isinstance(decorator, n.Call) else decorator
            if isinstance(target, n.Name):
                found.add((target.lineno, target.col_offset))
            elif isinstance(target, n.Attribute):
                found.add(('attr', id(target)))
    return found


_SOFT_KEYWORD = re.compile(r'(match|case)\b')


def _soft_keywords(module: SourceModule) -> list[SemanticToken]:
    """`match` and `case` where they are keywords (editors' grammars often cannot tell)."""
    if 'match' not in module.source:
        return []
    found = []
    ranges = module.ranges
    for node in _statements(module.tree):
        if not isinstance(node, n.Match):
            continue
        lineno, col = node.lineno, ranges.char_col(node.lineno, node.col_offset)
        if _SOFT_KEYWORD.match(ranges.line(lineno), col):
            found.append(SemanticToken(lineno, col, 5, 'keyword'))
        for case in node.cases:
            pattern = case.pattern
            line = ranges.line(pattern.lineno)
            before = line[:ranges.char_col(pattern.lineno, pattern.col_offset)]
            start = before.rfind('case')
            if start >= 0 and not before[start + 4:].strip():
                found.append(SemanticToken(pattern.lineno, start, 4, 'keyword'))
    return found


def _statements(tree):
    """Every statement of the tree (expressions are not entered: cheaper than a full walk)."""
    todo = list(getattr(tree, 'body', None) or ())
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, n.ErrorStmt):
            todo.extend(child for child in node.nodes if isinstance(child, n.stmt))
            continue
        for field in ('body', 'orelse', 'finalbody'):
            block = getattr(node, field, None)
            if isinstance(block, list):
                todo.extend(block)
        for clause in getattr(node, 'handlers', None) or ():
            todo.extend(clause.body)
        for case in getattr(node, 'cases', None) or ():
            todo.extend(case.body)


def _builtin_type(name: str) -> str:
    value = builtin_object(name)
    if isinstance(value, type):
        return 'class'
    return 'function' if callable(value) else 'variable'


def _is_constant(name: str) -> bool:
    return name.isupper() and len(name) > 1


def semantic_tokens(loader: ModuleLoader, module: SourceModule) -> list[SemanticToken]:
    """The classified names of the module, in source order."""
    bindings = module.bindings
    decorators = _decorator_names(bindings)
    followed: dict[int, str | None] = {}
    tokens = []
    for occurrence in bindings.occurrences:
        if occurrence.kind == 'dunder-all' or occurrence.lineno != occurrence.end_lineno:
            continue
        modifiers = set()
        kind = occurrence.kind
        if kind == 'keyword':
            token_type = 'parameter'
        elif kind == 'attribute':
            node = occurrence.node
            token_type = 'decorator' if ('attr', id(node)) in decorators else 'property'
        elif kind == 'imported-name':
            continue  # the import binding at the same place is classified instead
        elif occurrence.resolution == 'builtin':
            token_type = _builtin_type(occurrence.name)
            modifiers.add('defaultLibrary')
        elif occurrence.symbol is None or not occurrence.symbol.bindings:
            continue
        else:
            binding = occurrence.binding or reaching_binding(occurrence)
            token_type = _binding_type(loader, module, binding, followed)
            if token_type is None:
                continue
            if occurrence.binding is not None and kind in ('definition', 'parameter'):
                modifiers.add('definition')
            if binding.kind == 'function' and isinstance(binding.node, n.AsyncFunctionDef):
                modifiers.add('async')
            if token_type == 'variable' and binding.scope.kind == 'module' and \
                    _is_constant(occurrence.name):
                modifiers.add('readonly')
            if (occurrence.lineno, module.ranges.byte_col(occurrence.lineno, occurrence.col)) \
                    in decorators:
                token_type = 'decorator'
        tokens.append(SemanticToken(occurrence.lineno, occurrence.col,
                                    occurrence.end_col - occurrence.col, token_type,
                                    frozenset(modifiers)))
    tokens.extend(_soft_keywords(module))
    tokens.extend(SemanticToken(lineno, col, end_col - col, 'namespace')
                  for _, lineno, col, end_col, _, _ in import_path_parts(module))
    tokens.sort(key=lambda token: (token.lineno, token.col))
    # One token per place (an augmented assignment's name is both read and written).
    return [token for index, token in enumerate(tokens)
            if index == 0 or (token.lineno, token.col) != (tokens[index - 1].lineno,
                                                           tokens[index - 1].col)]


def _binding_type(loader, module, binding, followed) -> str | None:
    kind = binding.kind
    if kind == 'function':
        return 'method' if binding.scope.kind == 'class' else 'function'
    if kind == 'class':
        return 'class'
    if kind == 'parameter':
        return 'parameter'
    if kind == 'submodule':
        return 'namespace'
    if kind != 'import':
        return 'variable'
    if binding.imported_name is None:
        return 'namespace'
    key = id(binding)
    if key not in followed:
        occurrence = binding.occurrence or module.bindings.occurrence_at(binding.lineno,
                                                                          binding.col)
        target = occurrence_target(loader, module, occurrence) if occurrence else None
        if target is None or (target.binding is binding):
            followed[key] = 'variable'
        elif target.kind == 'function' and target.binding is not None and \
                target.binding.scope.kind == 'class':
            followed[key] = 'method'
        else:
            followed[key] = _TARGET_TYPES.get(target.kind, 'variable') \
                if target.kind != 'builtin' else _builtin_type(target.name)
    return followed[key]


def encode(tokens: list[SemanticToken], to_units=None, ascii_line=None) -> list[int]:
    """The LSP integer array (relative lines and columns). `to_units(lineno, col)` converts a
    character column to the client's units (default: characters); it is skipped on the lines
    for which `ascii_line(lineno)` says every unit is one character."""
    data: list[int] = []
    previous_line, previous_start = 1, 0
    for token in tokens:
        if to_units is None or (ascii_line is not None and ascii_line(token.lineno)):
            start, end = token.col, token.col + token.length
        else:
            start = to_units(token.lineno, token.col)
            end = to_units(token.lineno, token.col + token.length)
        delta_line = token.lineno - previous_line
        delta_start = start - previous_start if delta_line == 0 else start
        bits = 0
        for modifier in token.modifiers:
            bits |= 1 << TOKEN_MODIFIERS.index(modifier)
        data.extend((delta_line, delta_start, end - start, TOKEN_TYPES.index(token.type), bits))
        previous_line, previous_start = token.lineno, start
    return data


def tokens_delta(old: list[int], new: list[int]) -> tuple[int, int, list[int]]:
    """One edit turning `old` into `new`: (start, delete count, inserted data); whole tokens
    (groups of 5 integers) are kept so that the edit is as small as a token diff."""
    limit = min(len(old), len(new)) // 5
    prefix = 0
    while prefix < limit and old[prefix * 5:prefix * 5 + 5] == new[prefix * 5:prefix * 5 + 5]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and \
            old[len(old) - suffix * 5 - 5:len(old) - suffix * 5] == \
            new[len(new) - suffix * 5 - 5:len(new) - suffix * 5]:
        suffix += 1
    start = prefix * 5
    return start, len(old) - suffix * 5 - start, new[start:len(new) - suffix * 5]
