"""The `memphis` command line's front-end tools, compared with what CPython says of the same files."""

import ast
import subprocess
import sys

import pytest


def memphis(*args, cwd=None):
    return subprocess.run([sys.executable, '-m', 'interpreter', *args], check=False,
                          capture_output=True, text=True, cwd=cwd, timeout=120)


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
    theirs = subprocess.run([sys.executable, 'examples/hello.py'], check=False,
                            capture_output=True, text=True, cwd=root, timeout=60)
    assert (ours.stdout, ours.stderr, ours.returncode) == (theirs.stdout, theirs.stderr,
                                                           theirs.returncode)


# ---- -m, -i, -v: differential against python3 where the behaviour is CPython's ----

def run_both(args, cwd, stdin=''):
    """(python3 args, memphis args) run in `cwd`, each as (returncode, stdout, stderr)."""
    import os
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[1])
    environment = {**os.environ, 'PYTHONPATH': root}
    theirs = subprocess.run([sys.executable, *args], check=False, capture_output=True, text=True,
                            cwd=cwd, input=stdin, timeout=120)
    ours = subprocess.run([sys.executable, '-m', 'interpreter', *args], check=False,
                          capture_output=True, text=True, cwd=cwd, input=stdin, env=environment,
                          timeout=300)
    return ((theirs.returncode, theirs.stdout, theirs.stderr),
            (ours.returncode, ours.stdout, ours.stderr))


@pytest.fixture
def module_tree(tmp_path):
    (tmp_path / 'mod.py').write_text(
        'import os, sys\n'
        'print(__name__, __spec__.name, __spec__.origin == __file__, __package__ == "")\n'
        'print(sys.argv, sys.path[0] == os.getcwd(), __file__)\n')
    package = tmp_path / 'pkg'
    package.mkdir()
    (package / '__init__.py').write_text('print("init", __name__)\n')
    (package / '__main__.py').write_text(
        'import sys\nprint("main", __name__, __spec__.name, __package__, sys.argv[1:])\n')
    (package / 'sub.py').write_text('from . import helper\nprint(helper.VALUE, __name__)\n')
    (package / 'helper.py').write_text('VALUE = 42\n')
    (tmp_path / 'ns' / 'part').mkdir(parents=True)
    (tmp_path / 'bad.py').write_text('def f():\n    raise ValueError("boom")\nf()\n')
    (tmp_path / 'exits.py').write_text('import sys\nsys.exit("bye")\n')
    return tmp_path


@pytest.mark.parametrize('args', [
    ['-m', 'mod', 'a', '-b'], ['-m', 'pkg', 'x'], ['-m', 'pkg.__main__'], ['-m', 'pkg.sub'],
    ['-mmod'], ['-m', 'nosuch'], ['-m', 'ns'], ['-m', 'ns.part'], ['-m', '.rel'],
    ['-m', 'json.nothere'], ['-m', 'mod.inner'], ['-m', 'bad'], ['-m', 'exits'], ['-m'],
    ['-m', 'pkg.helper'], ['-c'],
], ids=lambda args: ' '.join(args))
def test_dash_m_is_cpythons(module_tree, args):
    expected, actual = run_both(args, module_tree)
    assert actual == expected


@pytest.mark.slow
def test_dash_m_runs_a_stdlib_module(tmp_path):
    (tmp_path / 'data.json').write_text('{"b": [1, 2], "a": null}')
    expected, actual = run_both(['-m', 'json.tool', '--sort-keys', 'data.json'], tmp_path)
    assert actual == expected


@pytest.mark.parametrize('args', [
    ['-i', 'prog.py', 'arg'], ['-i', '-c', 'x = 5; 1/0'], ['-i', '-c', 'raise SystemExit(3)'],
    ['-i', 'bad.py'], ['-i', 'exits.py'], ['-i', '-m', 'mod'], ['-i', '-c', 'x = 3', 'a'],
], ids=lambda args: ' '.join(args))
def test_dash_i_inspects_the_programs_namespace(module_tree, args):
    (module_tree / 'prog.py').write_text('import sys\nx = 41\nprint(sys.argv)\n')
    session = ('print(x + 1)\nimport sys, math, itertools, json\nsys\nmath\nitertools\n'
               'json.__name__\nundefined\n__name__\n')
    expected, actual = run_both(args, module_tree, stdin=session)
    assert actual == expected


def test_dash_v_reports_each_import(module_tree):
    import os
    import sysconfig
    from pathlib import Path

    (module_tree / 'prog.py').write_text('import pkg.helper, math, itertools, pickle\n')
    root = str(Path(__file__).resolve().parents[1])
    environment = {**os.environ, 'PYTHONPATH': root,
                   'MEMPHIS_CACHE_DIR': str(module_tree / 'cache')}
    environment.pop('MEMPHIS_CACHE', None)
    runs = [subprocess.run([sys.executable, '-m', 'interpreter', '-v', 'prog.py'],
                           check=False, capture_output=True, text=True, cwd=module_tree,
                           env=environment, timeout=300) for _ in range(2)]
    first, second = (run.stderr.splitlines() for run in runs)
    assert runs[0].stdout == runs[1].stdout == 'init pkg\n'
    helper = module_tree / 'pkg' / 'helper.py'
    assert f"import 'pkg.helper' # interpreted from {helper} (cache miss, written)" in first
    assert f"import 'pkg.helper' # interpreted from {helper} (cache hit)" in second
    assert "import 'itertools' # bridged built-in" in second
    import math
    assert f"import 'math' # bridged from {math.__file__}" in second
    refusal = [line for line in second if line.startswith("# refused '_pickle': ")]
    assert refusal  # pickle.py tries _pickle more than once
    stdlib = sysconfig.get_paths()['stdlib']
    assert f"import 'pickle' # interpreted from {stdlib}/pickle.py (cache hit)" in second
    # every line is one of the documented forms
    for line in second:
        assert line.startswith(('import ', '# refused ')), line


@pytest.mark.parametrize('program', [
    'import sys\ndel sys.stderr\nraise ValueError(1)\n',
    ('import sys, threading\ndel sys.stderr\n'
     'thread = threading.Thread(target=lambda: 1 / 0)\nthread.start()\nthread.join()\n'),
])
def test_an_exception_reported_without_sys_stderr_is_dumped_as_cpython(tmp_path, program):
    """CPython's PyErr_Display with the program's sys.stderr deleted: the object dump and
    'lost sys.stderr' on the process's standard error (addresses masked)."""
    import re

    (tmp_path / 'lost.py').write_text(program)
    runs = run_both(['lost.py'], tmp_path)
    masked = [(status, out, re.sub(r'0x[0-9a-f]+', 'ADDRESS', err)) for status, out, err in runs]
    assert masked[0] == masked[1]
    assert masked[0][2].endswith('lost sys.stderr\n')
