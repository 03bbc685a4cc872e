"""Issue 8: examples/flask_app under Memphis, with Flask, Werkzeug, Jinja2, MarkupSafe,
ItsDangerous, Click and Blinker interpreted, compared with the same app under CPython."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
APP = ROOT / 'examples' / 'flask_app'
TIMEOUT = 600


def run(arguments: list[str], *, memphis: bool, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    interpreter = [sys.executable, '-m', 'interpreter'] if memphis else [sys.executable]
    env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8')
    env.pop('FLASK_APP', None)
    return subprocess.run(interpreter + arguments, cwd=cwd, capture_output=True, env=env,
                          timeout=TIMEOUT, check=False)


def same_as_cpython(arguments: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess:
    expected = run(arguments, memphis=False, cwd=cwd)
    actual = run(arguments, memphis=True, cwd=cwd)
    assert actual.stderr.decode() == expected.stderr.decode()
    assert actual.stdout.decode() == expected.stdout.decode()
    assert actual.returncode == expected.returncode
    return actual


def test_every_test_client_response_is_cpythons() -> None:
    result = same_as_cpython(['tests/flask/responses.py', str(APP)])
    lines = result.stdout.decode().splitlines()
    assert len(lines) >= 25
    # the responses are the app's, not errors: each route kind answered as written
    text = result.stdout.decode()
    for expected in ('"200 OK"', '"201 CREATED"', '"302 FOUND"', '"304 NOT MODIFIED"',
                     '"400 BAD REQUEST"', '"403 FORBIDDEN"', '"404 NOT FOUND"',
                     '"500 INTERNAL SERVER ERROR"', 'MEMPHIS!', '{\\"number\\":12,\\"square\\":144}',
                     '{\\"visits\\":2}', 'href=\\"/notes/1\\"', '&lt;escaped&gt;'):
        assert expected in text


def test_demo_prints_what_cpython_prints() -> None:
    result = same_as_cpython(['demo.py'], cwd=APP)
    assert result.returncode == 0
    assert 'GET /square/12 -> 200 OK' in result.stdout.decode()


@pytest.mark.parametrize('arguments', [
    ['routes'], ['routes', '--sort', 'rule'], ['--help'], ['nosuchcommand'],
], ids=lambda arguments: '-'.join(arguments))
def test_flask_command_line(arguments: list[str]) -> None:
    """`memphis -m flask --app app ...`: Click interpreted, as `python3 -m flask` prints."""
    result = same_as_cpython(['-m', 'flask', '--app', 'app', *arguments], cwd=APP)
    if arguments == ['routes']:
        assert re.search(r'square\s+GET\s+/square/<int:number>', result.stdout.decode())


def test_flask_and_its_dependencies_are_interpreted() -> None:
    """`memphis -v`: every module of the seven projects is interpreted from its source; only
    C extension modules (markupsafe._speedups) are bridged."""
    result = run(['-v', 'demo.py'], memphis=True, cwd=APP)
    assert result.returncode == 0
    lines = result.stderr.decode().splitlines()
    projects = ('flask', 'werkzeug', 'jinja2', 'markupsafe', 'itsdangerous', 'click', 'blinker')
    seen: dict[str, str] = {}
    for line in lines:
        found = re.match(r"import '([\w.]+)' # (\w+)", line)
        if found and found.group(1).split('.')[0] in projects:
            seen[found.group(1)] = found.group(2)
    assert set(projects) <= set(seen)
    bridged = {name for name, how in seen.items() if how == 'bridged'}
    assert bridged == {'markupsafe._speedups'}
    # flask.sansio is a directory without __init__.py: a namespace package, as under CPython
    others = {name: how for name, how in seen.items() if how not in ('bridged', 'interpreted')}
    assert others == {'flask.sansio': 'namespace'}
    assert len(seen) > 60
