"""'Did you mean' suggestions for NameError and AttributeError, as CPython 3.11 computes them.

A port of the algorithm in CPython's Python/suggestions.c: a Levenshtein distance over UTF-8
bytes where a case change costs 1 and any other edit 2, limited to a third of the characters.
"""

from __future__ import annotations

__all__ = ['suggestion_for']

_MAX_CANDIDATE_ITEMS = 750
_MAX_STRING_SIZE = 40
_MOVE_COST = 2
_CASE_COST = 1


def _substitution_cost(a: int, b: int) -> int:
    if (a & 31) != (b & 31):
        return _MOVE_COST
    if a == b:
        return 0
    if 65 <= a <= 90:
        a += 32
    if 65 <= b <= 90:
        b += 32
    return _CASE_COST if a == b else _MOVE_COST


def _distance(a: bytes, b: bytes, max_cost: int) -> int:
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    end = 0
    while end < len(a) and end < len(b) and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    if end:
        a, b = a[:len(a) - end], b[:len(b) - end]
    if not a or not b:
        return (len(a) + len(b)) * _MOVE_COST
    if len(a) > _MAX_STRING_SIZE or len(b) > _MAX_STRING_SIZE:
        return max_cost + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * _MOVE_COST > max_cost:
        return max_cost + 1
    row = [(i + 1) * _MOVE_COST for i in range(len(a))]
    result = 0
    for b_index, code in enumerate(b):
        distance = result = b_index * _MOVE_COST
        minimum = None
        for index, char in enumerate(a):
            substitute = distance + _substitution_cost(code, char)
            distance = row[index]
            insert_delete = min(result, distance) + _MOVE_COST
            result = min(insert_delete, substitute)
            row[index] = result
            if minimum is None or result < minimum:
                minimum = result
        if minimum > max_cost:
            return max_cost + 1
    return result


def _best(candidates: list, name: str) -> str | None:
    if len(candidates) >= _MAX_CANDIDATE_ITEMS:
        return None
    wanted = name.encode('utf-8', 'surrogatepass')
    best, best_distance = None, None
    for item in candidates:
        if not isinstance(item, str) or item == name:
            continue
        encoded = item.encode('utf-8', 'surrogatepass')
        max_distance = (len(wanted) + len(encoded) + 3) * _MOVE_COST // 6
        if best_distance is not None:
            max_distance = min(max_distance, best_distance - 1)
        distance = _distance(wanted, encoded, max_distance)
        if distance > max_distance:
            continue
        if best is None or distance < best_distance:
            best, best_distance = item, distance
    return best


def suggestion_for(error: BaseException, frame) -> str | None:
    """The name CPython would suggest for `error` (raised in Memphis `frame`), or None."""
    name = getattr(error, 'name', None)
    if not isinstance(name, str):
        return None
    if isinstance(error, AttributeError):
        obj = getattr(error, 'obj', None)
        if obj is None and 'obj' not in dir(error):
            return None
        try:
            candidates = dir(obj)
        except Exception:  # noqa: BLE001 - a failing __dir__ means no suggestion
            return None
        return _best(candidates, name)
    if frame is None:
        return None
    varnames = list(frame.f_code.co_varnames) if frame.f_code.kind != 'module' else []
    for candidates in (varnames, list(frame.f_globals), list(frame.f_builtins)):
        found = _best(candidates, name)
        if found is not None:
            return found
    return None
