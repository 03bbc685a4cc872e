"""Completion: names visible at the cursor, keywords, module members and class attributes.

Modules' names are read from their source; classes' attributes from their bodies, the
`self.x = ...` assignments of their methods and their bases. Nothing is imported or run.
"""

from __future__ import annotations

import keyword
import os
import re
import sys
from dataclasses import dataclass

from .. import nodes as n
from .navigation import (
    ModuleLoader,
    SourceModule,
    Target,
    binding_target,
    builtin_object,
    members,
    resolve_attribute,
    resolve_name,
    submodule_names,
)
from .symbols import function_signature
from .workspace_index import fuzzy_score

__all__ = ['CompletionItem', 'completions']


@dataclass(frozen=True)
class CompletionItem:
    """`kind`: 'function', 'method', 'class', 'module', 'variable', 'parameter', 'attribute',
    'keyword' or 'property'."""

    label: str
    kind: str
    detail: str = ''


_IDENTIFIER_END = re.compile(r'[^\W\d]?\w*$')
_ATTRIBUTE = re.compile(r'((?:[^\W\d]\w*\s*\.\s*)*[^\W\d]\w*)\s*\.\s*(\w*)$')
_FROM_IMPORT = re.compile(r'^\s*from\s+(\.*)([\w.]*)\s+import\s+(?:\(?\s*)?(?:[\w\s,]*,\s*)?(\w*)$')
_IMPORT = re.compile(r'^\s*(?:import\s+(?:[\w.]+\s*,\s*)*|from\s+)(\.*)([\w.]*)$')
# How many lines up a parenthesised `from m import (` is looked for.
_IMPORT_LOOKBACK = 30
_KEYWORDS = sorted(set(keyword.kwlist) | set(keyword.softkwlist) - {'_'})


def _matches(label: str, typed: str) -> bool:
    """Whether `typed` is a case-insensitive subsequence of `label` starting at its start."""
    return not typed or (label[:1].lower() == typed[:1].lower()
                         and fuzzy_score(label, typed) is not None)


def _kind(target: Target) -> str:
    if target.kind == 'function' and target.binding is not None and \
            target.binding.scope.kind == 'class':
        return 'method'
    if target.kind == 'builtin':
        value = builtin_object(target.name)
        return 'class' if isinstance(value, type) else 'function' if callable(value) \
            else 'variable'
    return {'instance': 'variable'}.get(target.kind, target.kind)


def _binding_kind(symbol) -> str:
    if not symbol.bindings:
        return 'variable'
    binding = symbol.bindings[0]
    if binding.kind == 'submodule':
        return 'module'
    if binding.kind == 'import':
        return 'module' if binding.imported_name is None else 'variable'
    if binding.kind == 'function':
        return 'method' if binding.scope.kind == 'class' else 'function'
    return {'class': 'class', 'parameter': 'parameter'}.get(binding.kind, 'variable')


def _hidden(name: str, typed: str) -> bool:
    """Private names only when the user started typing an underscore."""
    return name.startswith('_') and not typed.startswith('_')


def _name_items(loader: ModuleLoader, module: SourceModule, lineno: int, col: int, typed: str
                ) -> list[CompletionItem]:
    items = []
    bindings = module.bindings
    for name, symbol in bindings.visible_names(lineno, col).items():
        if not _matches(name, typed) or _hidden(name, typed) or name == typed:
            continue
        if symbol.scope is bindings.builtins:
            items.append(CompletionItem(name, _kind(Target('builtin', name)), 'builtin'))
        elif symbol.bindings:
            binding = symbol.bindings[0]
            if binding.kind == 'import' and binding.imported_name is not None:
                # `from m import x`: what x is, read from m (the loader caches m).
                target = binding_target(loader, module, binding)
                if target is not None and target.binding is not binding:
                    items.append(CompletionItem(name, _kind(target),
                                                _detail(target.module, target.node)))
                    continue
            items.append(CompletionItem(name, _binding_kind(symbol),
                                        _detail(module, binding.node)))
    items.extend(CompletionItem(word, 'keyword') for word in _KEYWORDS
                 if _matches(word, typed) and word != typed)
    return items


def _member_items(loader: ModuleLoader, receiver: Target, typed: str) -> list[CompletionItem]:
    if receiver.kind == 'builtin':
        value = builtin_object(receiver.name)
        return [CompletionItem(name, 'method' if callable(getattr(value, name, None))
                               else 'attribute') for name in dir(value)
                if _matches(name, typed) and not _hidden(name, typed)]
    if receiver.kind == 'module' and receiver.module is None:
        # A builtin or extension module without source: only if the server already has it
        # (never imported for this).
        host = sys.modules.get(receiver.module_name or receiver.name)
        names = dir(host) if host is not None else []
        return [CompletionItem(name, 'attribute') for name in names
                if _matches(name, typed) and not _hidden(name, typed)]
    return [CompletionItem(name, _kind(target), _detail(target.module, target.node))
            for name, target in members(loader, receiver).items()
            if _matches(name, typed) and not _hidden(name, typed)]


def _detail(module: SourceModule | None, node) -> str:
    """A function's signature (`(a, b=1) -> int`) or a class's bases, for the item's detail."""
    if module is None:
        return ''
    if isinstance(node, (n.FunctionDef, n.AsyncFunctionDef)):
        return function_signature(module.ranges, node).partition(node.name)[2]
    if isinstance(node, n.ClassDef) and node.bases:
        return '(' + ', '.join(module.ranges.text(module.ranges.of(base))
                               for base in node.bases) + ')'
    return ''


def _module_items(loader: ModuleLoader, module: SourceModule, dots: str, dotted: str
                  ) -> list[CompletionItem]:
    """Modules importable by `import <dotted>` (the part after the last dot being typed)."""
    package, _, typed = dotted.rpartition('.')
    names: set[str] = set()
    if dots and not package and module.path is not None:
        directory = os.path.dirname(os.path.abspath(module.path))
        for _ in range(len(dots) - 1):
            directory = os.path.dirname(directory)
        directories = [directory]
    elif dots or package:
        location = loader.location(package or None, len(dots), module.path)
        directories = list(getattr(location, 'submodule_search_locations', None) or ()) \
            if location is not None else []
    else:
        directories = [entry or os.getcwd() for entry in loader.search_path]
        names.update(sys.builtin_module_names)
    for directory in directories:
        names.update(submodule_names(directory))
    return [CompletionItem(name, 'module') for name in sorted(names)
            if _matches(name, typed) and not _hidden(name, typed)]


def completions(loader: ModuleLoader, module: SourceModule, lineno: int, col: int
                ) -> list[CompletionItem]:
    """What may be typed at the position: a list the editor filters further."""
    before = module.ranges.line(lineno)[:col]
    if _in_comment_or_string(before):
        return []
    match = _FROM_IMPORT.match(before) or _FROM_IMPORT.match(
        _open_from_import(module, lineno, before))
    if match:
        dots, dotted, typed = match.groups()
        path = loader.module_path(dotted or None, len(dots), module.path)
        source = loader.load(path)
        if source is None:
            # `from . import ` beside a module of no package: its sibling modules.
            return _module_items(loader, module, dots, '.' + typed) if dots and not dotted \
                else []
        source.name = dotted
        items = _member_items(loader, Target('module', dotted, source, module_name=dotted),
                              typed)
        return items
    match = _IMPORT.match(before)
    if match:
        return _module_items(loader, module, match.group(1), match.group(2))
    match = _ATTRIBUTE.search(before)
    if match:
        chain = [part.strip() for part in match.group(1).split('.')]
        receiver = resolve_name(loader, module, chain[0], lineno, col)
        for part in chain[1:]:
            if receiver is None:
                break
            receiver = resolve_attribute(loader, receiver, part)
        if receiver is None:
            return []
        return _member_items(loader, receiver, match.group(2))
    typed = _IDENTIFIER_END.search(before).group()
    if typed and typed[0].isdigit():
        return []
    return _name_items(loader, module, lineno, col, typed)


def _open_from_import(module: SourceModule, lineno: int, before: str) -> str:
    """`from m import (a,\n b` written over several lines, as one line ('' if the cursor is
    not inside such a statement's parentheses)."""
    lines = [before]
    for previous in range(lineno - 1, max(0, lineno - _IMPORT_LOOKBACK), -1):
        text = module.ranges.line(previous)
        lines.insert(0, text)
        if text.lstrip().startswith('from '):
            joined = ' '.join(line.split('#')[0] for line in lines)
            return joined if joined.count('(') == 1 and ')' not in joined else ''
        if '(' in text or ')' in text:
            return ''
    return ''


def _in_comment_or_string(before: str) -> bool:
    """Whether the cursor is in a comment or a one-line string (a rough scan of the line)."""
    quote = None
    index = 0
    while index < len(before):
        char = before[index]
        if quote:
            if char == '\\':
                index += 1
            elif before.startswith(quote, index):
                index += len(quote) - 1
                quote = None
        elif char == '#':
            return True
        elif char in '\'"':
            quote = before[index:index + 3] if before[index:index + 3] in ('"""', "'''") \
                else char
            index += len(quote) - 1
        index += 1
    return quote is not None
