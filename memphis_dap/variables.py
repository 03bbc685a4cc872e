"""The variables view: values as debugpy shows them, foreign objects marked, children by reference.

Runs in the stopped program thread (reprs may run user code, and only the program runs it).
"""

from __future__ import annotations

import itertools
import threading

__all__ = ['References', 'Variable', 'children_of', 'present']

PAGE_LIMIT = 1000
"""How many children a container shows at most when the client asks without paging."""


def _foreign_description(value):
    try:
        from interpreter.bridge.foreign import describe
    except ImportError:  # the bridge's foreign-object model is not there: nothing is marked
        return None
    try:
        return describe(value)
    except Exception:  # noqa: BLE001 - an object the bridge cannot describe is shown plainly
        return None


def safe_repr(value) -> str:
    try:
        return repr(value)
    except Exception as error:  # noqa: BLE001 - a failing repr is shown, as debugpy does
        return f'<error in repr: {type(error).__name__}: {error}>'


def present(value) -> dict:
    """`value`, `type` and (for foreign objects) `presentationHint` of a variable."""
    shown = {'value': safe_repr(value), 'type': type(value).__name__}
    description = _foreign_description(value)
    if description is not None and description.foreign:
        shown['type'] = description.display_type
        shown['presentationHint'] = {'attributes': ['foreign']}
    return shown


def has_children(value) -> bool:
    """Everything but plain scalars expands (an empty container still has its folders)."""
    return not (value is None or isinstance(value, (bool, int, float, complex, str, bytes)))


class Variable:
    """A child shown in the view: its name, value and how to write it in an expression."""

    __slots__ = ('evaluate_name', 'name', 'value')

    def __init__(self, name: str, value, evaluate_name: str | None) -> None:
        self.name = name
        self.value = value
        self.evaluate_name = evaluate_name


class Group:
    """debugpy's 'special variables' and 'function variables' folders (a scope's folders have
    their name as evaluateName, an object's none, as debugpy shows them)."""

    def __init__(self, name: str, members: list[Variable], evaluate_name: str | None) -> None:
        self.name = name
        self.members = members
        self.evaluate_name = evaluate_name


def _child_name(parent: str | None, suffix: str) -> str | None:
    return None if parent is None else parent + suffix


def _is_special(name: str) -> bool:
    return name.startswith('__') and name.endswith('__')


def group_names(items: list[Variable], *, scope: bool = False) -> list:
    """Dunders in 'special variables', callables in 'function variables', then the rest."""
    special = [v for v in items if _is_special(v.name)]
    functions = [v for v in items if not _is_special(v.name) and callable(v.value)
                 and not isinstance(v.value, type)]
    rest = [v for v in items if v not in special and v not in functions]
    result: list = []
    if special:
        result.append(Group('special variables', special,
                            'special variables' if scope else None))
    if functions:
        result.append(Group('function variables', functions,
                            'function variables' if scope else None))
    result.extend(rest)
    return result


def children_of(value, evaluate_name: str | None, start: int = 0, count: int = 0,
                kind: str | None = None) -> list:
    """The children debugpy shows for `value`: a container's attribute folders, its items and
    `len()`; an object's attributes. `kind` is DAP's filter ('indexed': the items alone,
    'named': the rest); `start`/`count` page what the filter leaves (at most PAGE_LIMIT items
    when no count is given)."""
    if isinstance(value, Group):
        return value.members
    if not isinstance(value, (dict, list, tuple, set, frozenset)):
        items = group_names(_attributes(value, evaluate_name))
        return items[start:start + count] if count else items[start:]
    groups = [item for item in group_names(_attributes(value, evaluate_name))
              if isinstance(item, Group)]
    length = Variable('len()', len(value), f'len({evaluate_name})' if evaluate_name else None)
    if kind == 'named':
        named = [*groups, length]
        return named[start:start + count] if count else named[start:]
    if kind != 'indexed':
        # one index space: the folders, then the items, then len()
        head = groups[start:start + count] if count else groups[start:]
        start = max(start - len(groups), 0)
        if count:
            count -= len(head)
            if count <= 0:
                return head
        items = _items(value, evaluate_name, start, count)
        if start + len(items) >= len(value) and (not count or len(items) < count):
            items.append(length)
        return head + items
    return _items(value, evaluate_name, start, count)


def _items(value, evaluate_name: str | None, start: int, count: int) -> list[Variable]:
    stop = start + (count or PAGE_LIMIT)
    if isinstance(value, dict):
        return [Variable(safe_repr(key), item, _child_name(evaluate_name, f'[{safe_repr(key)}]'))
                for key, item in itertools.islice(value.items(), start, stop)]
    if isinstance(value, (list, tuple)):
        return [Variable(str(index), item, _child_name(evaluate_name, f'[{index}]'))
                for index, item in enumerate(itertools.islice(value, start, stop), start)]
    return [Variable(safe_repr(item), item, None) for item in itertools.islice(value, start, stop)]


def _attributes(value, evaluate_name: str | None) -> list[Variable]:
    """Attributes by host introspection: `dir` and `getattr` (what a foreign object answers)."""
    items = []
    try:
        names = sorted(dir(value))
    except Exception:  # noqa: BLE001 - an object without a usable dir shows no children
        return []
    for name in names:
        try:
            item = getattr(value, name)
        except Exception:  # noqa: BLE001, S112 - unreadable attributes are left out
            continue
        items.append(Variable(name, item, _child_name(evaluate_name, f'.{name}')))
    return items


class References:
    """variablesReference numbers for the containers shown while threads are stopped."""

    def __init__(self) -> None:
        self.counter = itertools.count(1)
        self.entries: dict[int, tuple] = {}
        self.lock = threading.Lock()

    def add(self, thread_id: int, container) -> int:
        with self.lock:
            number = next(self.counter)
            self.entries[number] = (thread_id, container)
            return number

    def get(self, number: int) -> tuple | None:
        with self.lock:
            return self.entries.get(number)

    def drop_thread(self, thread_id: int) -> None:
        with self.lock:
            for number in [n for n, (t, _) in self.entries.items() if t == thread_id]:
                del self.entries[number]
