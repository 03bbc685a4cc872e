"""Signature help: the signature of the call around the cursor and the active parameter."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field

from .. import nodes as n
from ..lexer import lex
from ..tokens import NAME, OP
from .navigation import (
    ModuleLoader,
    SourceModule,
    Target,
    builtin_object,
    callable_of,
    docstring_of,
    resolve_attribute,
    resolve_name,
)
from .symbols import parameter_texts

__all__ = ['SignatureInfo', 'signature_help']

# How far back the call's opening bracket is looked for.
_LOOKBACK_LINES = 30


@dataclass
class SignatureInfo:
    """`label` is `name(params) -> ret`; `parameters` the parameter texts in it (as written);
    `active` the index of the parameter being typed (None if past them all)."""

    label: str
    parameters: list[str]
    active: int | None
    documentation: str | None = None
    names: list[str] = field(default_factory=list)


@dataclass
class _Call:
    callee: list[str]
    commas: int = 0
    keyword: str | None = None


def _open_call(text: str) -> _Call | None:
    """The innermost call whose `(` is open at the end of `text`, from its tokens."""
    tokens, _errors = lex(text)
    stack: list = []
    for index, token in enumerate(tokens):
        if token.kind != OP:
            continue
        if token.string in '([{':
            stack.append(_Call(_callee_before(tokens, index)) if token.string == '(' else None)
        elif token.string in ')]}':
            if stack:
                stack.pop()
        elif token.string == ',' and stack and stack[-1] is not None:
            stack[-1].commas += 1
            stack[-1].keyword = None
        elif token.string == '=' and stack and stack[-1] is not None and index and \
                tokens[index - 1].kind == NAME:
            stack[-1].keyword = tokens[index - 1].string
    for call in reversed(stack):
        return call if call is not None and call.callee else None
    return None


def _callee_before(tokens, index: int) -> list[str]:
    chain: list[str] = []
    index -= 1
    while index >= 0 and tokens[index].kind == NAME:
        chain.insert(0, tokens[index].string)
        if index >= 1 and tokens[index - 1].kind == OP and tokens[index - 1].string == '.':
            index -= 2
        else:
            break
    return chain


def _builtin_signature(target: Target) -> SignatureInfo | None:
    value = builtin_object(target.name)
    try:
        signature = inspect.signature(value)
    except (TypeError, ValueError):
        return None
    every = list(signature.parameters.values())
    if '.' in target.name and every and every[0].name == 'self':
        # `"a b".split(`: a method looked up on an instance is bound.
        every = every[1:]
        signature = signature.replace(parameters=every)
    parameters = [str(p) for p in every]
    names = [p.name for p in every]
    shown = target.name.rpartition('.')[2]
    return SignatureInfo(f'{shown}{signature}', parameters, None, inspect.getdoc(value), names)


def _source_signature(function: Target, drop_first: bool, shown_name: str) -> SignatureInfo:
    node = function.node
    args = node.args
    texts = parameter_texts(function.module.ranges, args)
    arguments = list(args.posonlyargs) + list(args.args)
    names = []
    for text in texts:
        names.append(text.lstrip('*').split(':')[0].split('=')[0].strip())
    if drop_first and arguments:
        texts, names = texts[1:], names[1:]
        if texts and texts[0] == '/':
            texts, names = texts[1:], names[1:]
    label = f'{shown_name}({", ".join(texts)})'
    if node.returns is not None and shown_name == node.name:
        label += ' -> ' + function.module.ranges.text(function.module.ranges.of(node.returns))
    return SignatureInfo(label, texts, None, docstring_of(node), names)


def _active(info: SignatureInfo, call: _Call) -> int | None:
    names = info.names
    if call.keyword is not None:
        if call.keyword in names:
            return names.index(call.keyword)
        for index, text in enumerate(info.parameters):
            if text.startswith('**'):
                return index
        return None
    position = 0
    for index, text in enumerate(info.parameters):
        if text in ('/', '*') or text.startswith('**'):
            if text == '*' or text.startswith('**'):
                break
            continue
        if text.startswith('*'):
            return index  # *args takes every further positional argument
        if position == call.commas:
            return index
        position += 1
    return None


def signature_help(loader: ModuleLoader, module: SourceModule, lineno: int, col: int
                   ) -> SignatureInfo | None:
    """The signature of the call the cursor is in, with its active parameter (None when the
    cursor is in no call, or the callee is not known)."""
    first = max(1, lineno - _LOOKBACK_LINES)
    lines = [module.ranges.line(i) for i in range(first, lineno)]
    lines.append(module.ranges.line(lineno)[:col])
    call = _open_call('\n'.join(lines))
    if call is None:
        return None
    target = resolve_name(loader, module, call.callee[0], lineno, col)
    for part in call.callee[1:]:
        if target is None:
            return None
        target = resolve_attribute(loader, target, part)
    if target is None:
        return None
    if target.kind == 'builtin':
        info = _builtin_signature(target)
    else:
        function = callable_of(loader, target)
        if function is None and target.kind == 'class' and isinstance(target.node, n.ClassDef):
            # No `__init__` in the class or its source bases: called without arguments.
            return SignatureInfo(f'{target.name}()', [], None, docstring_of(target.node))
        if function is None or not isinstance(function.node, (n.FunctionDef,
                                                              n.AsyncFunctionDef)):
            return None
        bound = function is not target or _is_bound_method(function, call)
        shown = target.name if function is not target else function.name
        info = _source_signature(function, bound, shown)
        if function is not target and info.documentation is None:
            info.documentation = docstring_of(target.node)
    if info is None:
        return None
    info.active = _active(info, call)
    return info


def _is_bound_method(function: Target, call: _Call) -> bool:
    """`obj.method(...)`: a method looked up on an instance (or a class method) skips its
    first parameter; `Class.method(obj, ...)` does not, which needs a type we don't have, so a
    dotted call of a method counts as bound unless it is a staticmethod."""
    binding = function.binding
    if binding is None or binding.scope.kind != 'class' or len(call.callee) < 2:
        return False
    decorators = {d.id for d in function.node.decorator_list if isinstance(d, n.Name)}
    return 'staticmethod' not in decorators
