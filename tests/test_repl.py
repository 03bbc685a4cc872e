"""The REPL: when input is complete (oracle: CPython's codeop), and sessions against `python3 -i`.

A session is piped to both interpreters; stdout, stderr (prompts and tracebacks) and the exit
status must agree, except the banner's first line, which names the interpreter.
"""

from __future__ import annotations

import codeop
import os
import subprocess
import sys
import warnings

import pytest

from interpreter.repl import COMPLETE, INCOMPLETE, INVALID, input_state

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

INPUTS = [
    '1 + 1', 'x = 5', 'if x:', 'if x:\n  y', 'if x:\n  y\n', 'if x:\ny', 'if 1: print(1)',
    '(1,', '(1,\n 2', '(1,\n 2)', '[1, 2,\n', '{', 'x = """abc', 'x = """abc\ndef"""',
    "x = 'abc", 'x = 1 + \\', 'def f(:', 'def f():', 'def f():\n  return 1',
    'def f():\n  return 1\n', '@dec', '@dec\ndef f(): pass', '1 +', 'try:', 'try:\n  x',
    'try:\n  x\nexcept E:\n  pass', 'try:\n  x\nexcept E:\n  pass\n', 'class A:',
    'class A:\n  def f(self):', 'class A:\n  def f(self):\n    pass\n', 'for i in x:',
    'for i in x:\n  pass\nelse:', 'while True:\n  break\n', 'match x:',
    'match x:\n  case 1:\n    pass\n', 'with a as b:', 'x = [i for i in\n', 'lambda:',
    'print("hi")', 'import sys', 'a b', '  x = 1', 'x = (', 'async def f():', '# comment',
    'f"{x', 'f"""{x}', 'x = 1; y = 2', 'del', 'return 1', 'if x:\n  y\nelse:\n  z\n',
]


def codeop_state(lines: list[str]) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            code = codeop.compile_command('\n'.join(lines), '<stdin>', 'single')
        except (SyntaxError, ValueError, OverflowError):
            return INVALID
    return INCOMPLETE if code is None else COMPLETE


@pytest.mark.parametrize('text', INPUTS)
def test_input_state_matches_codeop(text: str) -> None:
    lines = text.split('\n')
    assert input_state(lines) == codeop_state(lines)


SESSIONS = {
    'values': '1+1\nx = 5\nx\nNone\nprint("hi")\n_\n"a" * 3\n_ * 2\n',
    'blocks': 'for i in range(3):\n  i\n\nif True:\n  "yes"\nelse:\n  "no"\n\nx = 1\n',
    'functions': 'def f(a, b=2):\n  return a * b\n\nf(3)\nf.__name__\n',
    'errors': '1/0\ndef f(:\nundefined_name\n_\n',
    'traceback_in_function': 'def g():\n  return 1 / 0\n\ng()\n',
    'brackets': '(1,\n 2)\n[x for x in\n range(3)]\n"""a\nb"""\n',
    'decorator': 'def deco(f):\n  return f\n\n@deco\ndef h():\n  return 7\n\nh()\n',
    'try_except': 'try:\n  1/0\nexcept ZeroDivisionError:\n  "caught"\n\n',
    'exit_status': 'print("before")\nraise SystemExit(3)\nprint("after")\n',
    'exit_message': 'raise SystemExit("bye")\n',
    'indentation_error': 'if True:\nprint(1)\n1\n',
    'prompts': 'import sys\nsys.ps1 = "$ "\nsys.ps2 = "> "\nif 1:\n  2\n\n3\n',
    'class_body': 'class A:\n  x = 1\n  def m(self):\n    return self.x\n\nA().m()\n',
    'blank_lines': 'if x:\n\n1\ntry:\n    x = 1\n\n5\n(1,\n\n2)\ndef f():\n  \"\"\"doc\n\n  more\"\"\"\n\nf.__doc__\n',
    # Ctrl-C while a statement runs: its traceback, then the next prompt
    'keyboard_interrupt': ('import os, signal\nwhile True:\n  os.kill(os.getpid(), signal.SIGINT)'
                           '\n\nprint("after")\n'),
    'chained': 'try:\n  1/0\nexcept Exception as e:\n  raise ValueError("v") from e\n\n',
    # at end of input the REPL waits for the program's threads, as CPython's exit does
    'threads_waited': ('import threading, time\n'
                       'def work():\n  time.sleep(0.3)\n  print("thread done")\n\n'
                       'threading.Thread(target=work).start()\n'),
}


def run(command: list[str], text: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8')
    env.pop('PYTHONSTARTUP', None)
    return subprocess.run(command, input=text.encode(), cwd=ROOT, capture_output=True,
                          timeout=120, env=env, check=False)


def without_banner(stderr: bytes) -> str:
    _, _, rest = stderr.decode().partition('\n')
    return rest


@pytest.mark.parametrize('name', sorted(SESSIONS))
def test_session_matches_python_i(name: str) -> None:
    text = SESSIONS[name]
    expected = run([sys.executable, '-i'], text)
    actual = run([sys.executable, '-m', 'interpreter', '-i'], text)
    assert actual.stdout.decode() == expected.stdout.decode()
    assert without_banner(actual.stderr) == without_banner(expected.stderr)
    assert actual.returncode == expected.returncode


ASYNCIO_SESSION = ('x = await asyncio.sleep(0, result=5)\nx\nprint(x + 1)\n'
                   'async def twice(n):\n  await asyncio.sleep(0)\n  return 2 * n\n\n'
                   'await twice(x)\n[await twice(i) for i in range(3)]\n'
                   'def aiter_of(n):\n  async def agen():\n    for i in range(n):\n'
                   '      yield i\n  return agen()\n\n'
                   'async for i in (await twice(j) async for j in aiter_of(2)): i\n\n'
                   'await asyncio.sleep(0, result="the last")\n')


def test_asyncio_repl_matches_python() -> None:
    """`-m asyncio`: each input compiled with PyCF_ALLOW_TOP_LEVEL_AWAIT, made a function of
    (types.FunctionType) and awaited on the loop when it is a coroutine. (No error inside a
    coroutine: its traceback would show the interpreted Task's frame, which CPython's C Task
    does not have, _asyncio being withheld (docs/architecture.md); and none at all: the
    traceback's concurrent.futures lines depend on whether the REPL's thread waited.)"""
    expected = run([sys.executable, '-m', 'asyncio'], ASYNCIO_SESSION)
    actual = run([sys.executable, '-m', 'interpreter', '-m', 'asyncio'], ASYNCIO_SESSION)
    assert b'the last' in expected.stdout
    assert actual.stdout.decode() == expected.stdout.decode()
    assert without_banner(actual.stderr) == without_banner(expected.stderr)
    assert actual.returncode == expected.returncode


def test_banner_names_memphis_and_host() -> None:
    result = run([sys.executable, '-m', 'interpreter', '-i'], '')
    first = result.stderr.decode().splitlines()[0]
    assert first.startswith('Memphis ') and sys.version.split()[0] in first


def test_program_on_stdin_runs_as_script() -> None:
    text = 'import sys\nprint(sys.argv)\nprint(1/0)\n'
    expected = run([sys.executable], text)
    actual = run([sys.executable, '-m', 'interpreter'], text)
    assert (actual.stdout, actual.stderr, actual.returncode) == \
        (expected.stdout, expected.stderr, expected.returncode)


def statement_prefixes(path: str, limit: int = 12):
    """Each top-level statement of a stdlib file cut after 1, 2, ... lines (no blank lines:
    an empty line ends a block in the REPL, where codeop would still wait)."""
    import ast

    with open(path, encoding='utf-8') as handle:
        source = handle.read()
    lines = source.split('\n')
    for node in ast.parse(source).body:
        first = min([node.lineno] + [d.lineno for d in getattr(node, 'decorator_list', [])])
        body = lines[first - 1:node.end_lineno]
        for count in range(1, min(len(body), limit) + 1):
            chunk = body[:count]
            if all(line.strip() for line in chunk):
                yield chunk


@pytest.mark.parametrize('module', ['textwrap', 'json.decoder', 'argparse', 'dataclasses'])
def test_input_state_of_stdlib_statement_prefixes(module: str) -> None:
    import importlib.util

    path = importlib.util.find_spec(module).origin
    differences = [chunk for chunk in statement_prefixes(path)
                   if input_state(chunk) != codeop_state(chunk)]
    assert differences == []
