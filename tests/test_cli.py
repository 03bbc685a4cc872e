"""The `memphis` command line's front-end tools, compared with what CPython says of the same files."""

import ast
import subprocess
import sys

import pytest


def memphis(*args, cwd=None):
    return subprocess.run([sys.executable, '-m', 'interpreter', *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def cpython_error(path):
    try:
        compile(path.read_bytes(), str(path), 'exec')
    except SyntaxError as error:
        return error
    return None


def test_check_reports_every_error_and_cpython_first(tmp_path):
    path = tmp_path / 'broken.py'
    path.write_text('if x\n    pass\ny = (1 +\nz = 3\nprint "a"\n')
    run = memphis('--check', str(path))
    expected = cpython_error(path)
    lines = run.stdout.splitlines()
    assert run.returncode == 1
    assert len(lines) == 3, run.stdout
    assert lines[0] == f'{path}:{expected.lineno}:{expected.offset}: SyntaxError: {expected.msg}'


def test_check_reports_compile_time_errors(tmp_path):
    path = tmp_path / 'scopes.py'
    path.write_text('def f(a, a):\n    pass\n')
    expected = cpython_error(path)
    run = memphis('--check', str(path))
    assert run.returncode == 1
    assert run.stdout == f'{path}:{expected.lineno}:{expected.offset}: SyntaxError: {expected.msg}\n'


def test_check_clean_file(tmp_path):
    path = tmp_path / 'fine.py'
    path.write_text('def f(a):\n    return [a for a in range(3)]\n')
    run = memphis('--check', str(path))
    assert (run.returncode, run.stdout, run.stderr) == (0, '', '')


def test_check_missing_file(tmp_path):
    run = memphis('--check', str(tmp_path / 'absent.py'))
    assert run.returncode == 2
    assert "can't open file" in run.stderr


@pytest.mark.parametrize('name', ['json/decoder.py', 'dataclasses.py'])
def test_dump_ast_equals_ast_dump(name):
    import sysconfig
    from pathlib import Path

    path = Path(sysconfig.get_paths()['stdlib']) / name
    run = memphis('--dump-ast', str(path))
    assert run.returncode == 0
    assert run.stdout == ast.dump(ast.parse(path.read_bytes()), include_attributes=True,
                                  indent=1) + '\n'


def test_readme_example_runs_as_under_cpython():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    ours = memphis('examples/hello.py', cwd=root)
    theirs = subprocess.run([sys.executable, 'examples/hello.py'], capture_output=True, text=True,
                            cwd=root, timeout=60)
    assert (ours.stdout, ours.stderr, ours.returncode) == (theirs.stdout, theirs.stderr,
                                                           theirs.returncode)
