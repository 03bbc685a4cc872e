"""Memphis's name diagnostics against pyflakes (the oracle) on standard-library files.

Compared: undefined names (M010, M012), undefined `__all__` entries (M011), unused imports
(M020), unused variables (M021), redefinitions of unused names (M022), as (code, line, name).
Every disagreement must fall in a class explained in `_explain` (each a deliberate difference);
`python3 tests/conformance/test_pyflakes_agreement.py [files]` prints the figures.
"""

from __future__ import annotations

import ast
import glob
import os
import re
import sys
import sysconfig
from collections import Counter

import pyflakes.checker as pyflakes_checker
import pytest

from interpreter.analysis import analyse_module

_CODES = {
    'UndefinedName': 'M010', 'UndefinedLocal': 'M012', 'UndefinedExport': 'M011',
    'UnusedImport': 'M020', 'UnusedVariable': 'M021', 'RedefinedWhileUnused': 'M022',
}


def _their_findings(tree, path: str) -> set[tuple[str, int, str]]:
    found = set()
    for message in pyflakes_checker.Checker(tree, filename=path).messages:
        code = _CODES.get(type(message).__name__)
        if code is None:
            continue
        name = str(message.message_args[0])
        # pyflakes reports an undefined `__all__` entry at the `__all__` statement.
        found.add((code, 0 if code == 'M011' else message.lineno, name))
    return found


def _our_findings(analysis) -> set[tuple[str, int, str]]:
    found = set()
    for finding in analysis.diagnostics:
        if finding.code not in _CODES.values():
            continue
        data = finding.data
        if finding.code == 'M020':
            found.add(('M020', data['statement'][0], data['imported']))
        elif finding.code == 'M022':
            found.add(('M022', data['statement'][0], data['name']))
        elif finding.code == 'M011':
            found.add(('M011', 0, data['name']))
        else:
            found.add((finding.code, finding.lineno, data['name']))
    return found


def _explain(difference, analysis, lines: list[str], ours, theirs) -> str | None:
    """The documented reason for one disagreement, or None if it is unexplained (a bug)."""
    code, lineno, name = difference
    bindings = analysis.bindings
    if code == 'M010' and ('M012', lineno, name) in ours:
        return 'a certain UnboundLocalError: M012 here, "undefined name" in pyflakes'
    if code == 'M012' and ('M010', lineno, name) in theirs:
        return 'a certain UnboundLocalError: M012 here, "undefined name" in pyflakes'
    if code == 'M021' and any(c == 'M012' and n == name for c, _, n in ours):
        return 'pyflakes: the assignment after a read that raises UnboundLocalError is unused'
    if code == 'M010' and difference in ours and bindings.module.star_imports:
        return 'a resolved star import does not provide the name'
    line = lines[lineno - 1] if 0 < lineno <= len(lines) else ''
    if re.search(r'#\s*noqa', line, re.IGNORECASE):
        return 'pyflakes ignores # noqa (flake8 applies it)'
    if code == 'M020' and name.endswith('.*'):
        return 'unused star imports are not reported'
    bare = name.rpartition(' as ')[2].rpartition('.')[2]
    if code == 'M020' and bare in {o.name for o in bindings.dunder_all or ()}:
        return "__all__ extended by .extend()/.append() in a branch: the import is exported"
    if code == 'M020' and analysis.filename.endswith('__init__.py') and ' as ' not in name:
        return 'explicit re-export (from .m import x as x) in a package __init__'
    if code == 'M011':
        return "module builds its namespace dynamically (globals() or a computed __all__)"
    at_line = [o for o in bindings.occurrences
               if o.lineno == lineno and o.name == name and o.symbol is not None]
    if code in ('M010', 'M012'):
        for occurrence in at_line:
            symbol = occurrence.symbol
            if any(o.ctx == 'del' for o in symbol.occurrences) and occurrence.scope is not (
                    symbol.scope):
                return ('deleted later in its scope: pyflakes runs nested function bodies '
                        'after the scope')
            if any(b.loops and set(b.loops) & set(occurrence.loops) for b in symbol.bindings):
                return 'read earlier in a loop than assigned: an earlier iteration binds it'
    if code == 'M012' and difference in theirs and re.search(
            rf'import\s+{re.escape(name)}\s+as\s', '\n'.join(lines)):
        return 'pyflakes marks `x` read when an alias of `import x as y` is read'
    if code == 'M010' and difference in theirs and any(
            o.ctx == 'del' for o in bindings.occurrences if o.name == name):
        return 'a del inside try: pyflakes assumes it ran'
    if code == 'M021':
        for occurrence in at_line:
            if occurrence.symbol.scope.kind == 'module':
                return 'pyflakes calls an assignment to a global-declared name unused'
            if any(o.ctx == 'load' and o.order < occurrence.order and set(o.loops)
                   & set(occurrence.loops) for o in occurrence.symbol.occurrences):
                return 'read earlier in a loop than assigned: an earlier iteration reads it'
    if code == 'M012' and difference in ours:
        for occurrence in at_line:
            if all(b.kind == 'annotation' for b in occurrence.symbol.bindings):
                return 'reading a local that is only annotated (x: int): certain UnboundLocalError'
    if code == 'M022':
        for occurrence in at_line:
            if occurrence.binding is not None and occurrence.binding.loops:
                return "pyflakes calls an import rebound in a loop 'shadowed by loop variable'"
        if name == '__class__':
            return 'pyflakes ignores reads of __class__ in a class body'
        defined_in = [s for s in bindings.symbols() if s.name == name]
        if difference in theirs and len(defined_in) > 1 and any(
                b.kind == 'import' for s in defined_in for b in s.bindings):
            return 'pyflakes: an unused import shadowed by a binding in a nested scope'
    return None


def compare(paths: list[str], verbose: bool = False
            ) -> tuple[Counter, Counter, Counter, Counter, list]:
    """(agreements, only pyflakes, only memphis by code; reasons; unexplained)."""
    agree, only_theirs, only_ours, reasons = Counter(), Counter(), Counter(), Counter()
    unexplained = []
    for path in paths:
        try:
            with open(path, encoding='utf-8') as file:
                source = file.read()
            tree = ast.parse(source)
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        theirs = _their_findings(tree, path)
        analysis = analyse_module(source, path, search_path=sys.path)
        ours = _our_findings(analysis)
        for item in theirs & ours:
            agree[item[0]] += 1
        for side, items in ((only_theirs, theirs - ours), (only_ours, ours - theirs)):
            for item in items:
                side[item[0]] += 1
                reason = _explain(item, analysis, analysis.lines, ours, theirs)
                if verbose and reason is not None:
                    print(reason, path, item)
                if reason is None:
                    unexplained.append((path, 'pyflakes' if side is only_theirs else 'memphis',
                                        *item))
                else:
                    reasons[reason] += 1
    return agree, only_theirs, only_ours, reasons, unexplained


def stdlib_sample(count: int) -> list[str]:
    root = sysconfig.get_paths()['stdlib']
    paths = sorted(p for p in glob.glob(os.path.join(root, '**', '*.py'), recursive=True)
                   if 'site-packages' not in p)
    step = max(1, len(paths) // count)
    return paths[::step][:count]


@pytest.mark.slow
def test_agreement_with_pyflakes_on_the_stdlib():
    agree, only_theirs, only_ours, _reasons, unexplained = compare(stdlib_sample(200))
    assert unexplained == []
    total = sum(agree.values())
    assert total > 150
    # Every explained difference is a small fraction of the findings.
    assert sum(only_theirs.values()) + sum(only_ours.values()) < total * 0.25


def main(count: int, verbose: bool = False) -> None:
    agree, only_theirs, only_ours, reasons, unexplained = compare(stdlib_sample(count), verbose)
    print(f'{count} stdlib files')
    print('| code | agree | only pyflakes | only memphis |')
    print('|---|---|---|---|')
    for code in sorted(set(agree) | set(only_theirs) | set(only_ours)):
        print(f'| {code} | {agree[code]} | {only_theirs[code]} | {only_ours[code]} |')
    for reason, number in reasons.most_common():
        print(f'{number:5}  {reason}')
    for item in unexplained:
        print('UNEXPLAINED', item)


if __name__ == '__main__':
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300, '-v' in sys.argv)
