"""Signature help: the call around the cursor, its signature and the active parameter."""

import pytest
from navigation_workspace import make_workspace, source_module

from interpreter.analysis.signature import signature_help

PRELUDE = ('import json\nfrom pkg.core import Engine\n'
           'def f(a, b=1, *rest, key: str = "k", **options) -> int:\n'
           '    """Eff."""\n'
           'e = Engine(1)\n')


@pytest.fixture
def workspace(tmp_path):
    return make_workspace(tmp_path)


def helped(workspace, call):
    loader, paths = workspace
    text = PRELUDE + call
    module = source_module(paths['main.py'].replace('main.py', 'edited.py'), text)
    lines = text.split('\n')
    info = signature_help(loader, module, len(lines), len(lines[-1]))
    return None if info is None else (info.label, info.active)


@pytest.mark.parametrize('call, label, active', [
    ('f(', 'f(a, b=1, *rest, key: str = "k", **options) -> int', 0),
    ('f(1, ', 'f(a, b=1, *rest, key: str = "k", **options) -> int', 1),
    ('f(1, 2, 3, 4', 'f(a, b=1, *rest, key: str = "k", **options) -> int', 2),
    ('f(1, key=', 'f(a, b=1, *rest, key: str = "k", **options) -> int', 3),
    ('f(1, other=', 'f(a, b=1, *rest, key: str = "k", **options) -> int', 4),
    ('f(g(1), [1, 2], ', 'f(a, b=1, *rest, key: str = "k", **options) -> int', 2),
    ('Engine(', 'Engine(fuel, power=2)', 0),
    ('e.run(', 'run(steps: int = 1) -> int', 0),
    ('json.dumps({"a": (1, 2)}, ', None, None),  # keyword-only parameters follow
    ('print("(", ', "print(*args, sep=' ', end='\\n', file=None, flush=False)", 0),
])
def test_signatures(workspace, call, label, active):
    got = helped(workspace, call)
    assert got is not None
    if label is not None:
        assert got[0] == label
    else:
        assert got[0].startswith('dumps(obj, *, skipkeys=False')
    assert got[1] == active


def test_multi_line_call_and_nested_call(workspace):
    assert helped(workspace, 'f(1,\n  2,\n  Engine(') == ('Engine(fuel, power=2)', 0)
    assert helped(workspace, 'f(1,\n  2,\n  Engine(3), ')[1] == 2


def test_class_without_init(workspace):
    assert helped(workspace, 'class Plain:\n    pass\nPlain(') == ('Plain()', None)


def test_outside_calls_and_unknown_callees(workspace):
    assert helped(workspace, 'x = (1, ') is None
    assert helped(workspace, 'f(1)') is None
    assert helped(workspace, 'unknown(1, ') is None


def test_methods_of_builtin_values_are_bound(workspace):
    assert helped(workspace, 's = "a b"\ns.split(",", ') == ('split(sep=None, maxsplit=-1)', 1)
