"""CPython's command-line options under `memphis`: each run is compared with `python3` given the
same options, program and environment (stdout, stderr, exit status)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# Memphis's command line run the way its `memphis` script runs it, from any folder
LAUNCH = (f'import sys; sys.path.insert(0, {ROOT!r}); '
          'from interpreter.cli import main; sys.exit(main())')
MEMPHIS = [sys.executable, '-c', LAUNCH]


def environment(**changes):
    env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8')
    for name in ('PYTHONUNBUFFERED', 'PYTHONDONTWRITEBYTECODE', 'PYTHONWARNINGS', 'PYTHONPATH',
                 'PYTHONOPTIMIZE', 'PYTHONDEVMODE', 'PYTHONSAFEPATH', 'PYTHONINSPECT'):
        env.pop(name, None)
    env.update(changes)
    return env


def memphis(args, cwd, stdin=None, **env_changes):
    return subprocess.run([*MEMPHIS, *args], cwd=cwd, env=environment(**env_changes),
                          input=stdin, capture_output=True, text=True, timeout=120,
                          check=False)


def both(args, cwd, stdin=None, **env_changes):
    """(CPython's run, Memphis's run) of `python3 args` in `cwd`."""
    expected = subprocess.run([sys.executable, *args], cwd=cwd, env=environment(**env_changes),
                              input=stdin, capture_output=True, text=True, timeout=120,
                              check=False)
    return expected, memphis(args, cwd, stdin, **env_changes)


def assert_same(args, cwd, stdin=None, **env_changes):
    expected, actual = both(args, cwd, stdin, **env_changes)
    assert actual.stdout == expected.stdout
    assert actual.stderr == expected.stderr
    assert actual.returncode == expected.returncode
    return expected


@pytest.fixture
def program(tmp_path):
    """Write a program to tmp_path; give its file name."""
    def write(text, name='prog.py'):
        (tmp_path / name).write_text(textwrap.dedent(text))
        return name
    return write


SHOW_SYS = ('import sys; print(sys.flags); print(sys.warnoptions, sys._xoptions, '
            'sys.dont_write_bytecode, __debug__)')


@pytest.mark.parametrize('options', [
    [], ['-O'], ['-OO'], ['-B'], ['-d'], ['-E'], ['-I'], ['-P'], ['-q'], ['-s'], ['-S'],
    ['-R'], ['-t'], ['-v'], ['-vv'], ['-Werror'], ['-W', 'ignore::DeprecationWarning', '-Wd'],
    ['-X', 'dev'], ['-Xa=b', '-Xc'], ['-X', 'frozen_modules=off'], ['-b'], ['-bb'],
    ['-X', 'utf8'], ['-X', 'int_max_str_digits=1000'], ['-X', 'warn_default_encoding'],
    ['-OsSq'], ['-X', 'dev', '-bb', '-W', 'always'],
], ids=lambda options: ' '.join(options) or 'none')
def test_sys_reflects_the_options(tmp_path, options):
    """sys.flags, sys.warnoptions (CPython's order), sys._xoptions, __debug__."""
    if '-v' in options or '-vv' in options:  # CPython's -v reports its own imports too
        expected, actual = both([*options, '-c', SHOW_SYS], tmp_path)
        assert actual.stdout == expected.stdout
        return
    assert_same([*options, '-c', SHOW_SYS], tmp_path)


def test_environment_variables_and_minus_e(tmp_path):
    show = 'import sys; print(sys.flags.optimize, sys.flags.dev_mode, sys.warnoptions)'
    variables = {'PYTHONOPTIMIZE': '2', 'PYTHONDEVMODE': '1', 'PYTHONWARNINGS': 'error,,once'}
    assert_same(['-c', show], tmp_path, **variables)
    assert_same(['-E', '-c', show], tmp_path, **variables)
    assert_same(['-W', 'ignore', '-c', show], tmp_path, **variables)


def test_optimize_removes_asserts_and_docstrings(tmp_path, program):
    (tmp_path / 'helper.py').write_text('"""helper doc"""\ndef check():\n'
                                        '    assert False, "helper asserted"\n'
                                        '    return "checked"\n')
    name = program('''\
        """Module doc."""
        import helper
        def f():
            "f doc"
            assert False, 'asserted'
            return __debug__
        print(__doc__, f.__doc__, helper.__doc__, helper.check.__doc__)
        exec(compile('assert 0, "compiled"', 's', 'exec'))
        try:
            exec(compile('assert 0, "optimize=0"', 's', 'exec', optimize=0))
        except AssertionError as error:
            print('asserted', error)
        print(f(), helper.check(), 'optimized' if not __debug__ else 'debug')
        ''')
    for options in ([], ['-O'], ['-OO']):
        assert_same([*options, name], tmp_path)
    assert_same(['-O', '-c', 'assert False, "no"; print("ran")'], tmp_path)


def test_warning_options(tmp_path, program):
    name = program('''\
        import warnings
        warnings.warn('user warning')
        warnings.warn('deprecated', DeprecationWarning)
        print('ran to the end')
        ''')
    for options in ([], ['-W', 'error'], ['-W', 'ignore'], ['-W', 'error::DeprecationWarning'],
                    ['-W', 'always', '-W', 'ignore::UserWarning'], ['-W', 'nonsense'],
                    ['-Wi::NoSuchCategory']):
        assert_same([*options, name], tmp_path)
    # a bad option is reported even if the program never imports warnings
    assert_same(['-W', 'nonsense', '-c', 'print(1)'], tmp_path)


def test_dev_mode_shows_resource_warnings(tmp_path, program):
    (tmp_path / 'data.txt').write_text('x')
    name = program('''\
        import sys
        def leak():
            open('data.txt').read()
        leak()
        print(sys.flags.dev_mode, file=sys.stderr)
        ''')
    assert_same(['-X', 'dev', name], tmp_path)
    assert_same([name], tmp_path)


def test_bytes_warning_options(tmp_path, program):
    """The host's C code issues BytesWarning: Memphis starts the host again with -b."""
    name = program('''\
        import sys
        print(sys.flags.bytes_warning)
        print(b'a' == 'a')
        print(str(b'x'))
        ''')
    for options in ([], ['-b'], ['-bb']):
        assert_same([*options, name], tmp_path)


def test_path_options(tmp_path, program):
    (tmp_path / 'pkg').mkdir()
    (tmp_path / 'extra').mkdir()
    (tmp_path / 'extra' / 'onpath.py').write_text('NAME = "extra"\n')
    name = program('''\
        import os, sys
        print([os.path.basename(entry) or repr(entry) for entry in sys.path[:2]])
        print(any(entry.endswith('site-packages') for entry in sys.path))
        try:
            import onpath
            print(onpath.NAME)
        except ImportError as error:
            print(error)
        ''', name='pkg/prog.py')
    extra = str(tmp_path / 'extra')
    for options in ([], ['-P'], ['-I'], ['-E'], ['-S'], ['-s'], ['-ESP']):
        assert_same([*options, name], tmp_path, PYTHONPATH=extra)
        assert_same([*options, '-c', 'import sys; print(sys.path[0] == "")'], tmp_path,
                    PYTHONPATH=extra)


def test_no_site_builtins(tmp_path):
    show = 'import builtins; print([n for n in ("exit", "quit", "help", "license") ' \
           'if hasattr(builtins, n)])'
    assert_same(['-c', show], tmp_path)
    assert_same(['-S', '-c', show], tmp_path)
    assert_same(['-S', '-c', 'exit(3)'], tmp_path)


def test_skip_first_line(tmp_path, program):
    name = program('''\
        this line is not Python
        import sys
        print(sys._getframe().f_lineno)
        1/0
        ''')
    assert_same(['-x', name], tmp_path)


def test_no_debug_ranges(tmp_path, program):
    """No columns: tracebacks without carets, from the C printer and the traceback module."""
    name = program('''\
        import traceback
        def f(a):
            return (a +
                    1)
        try:
            f(None)
        except TypeError:
            traceback.print_exc()
        f([])
        ''')
    assert_same(['-X', 'no_debug_ranges', name], tmp_path)
    assert_same([name], tmp_path)


def test_frozen_modules_off_shows_runpy_source(tmp_path, program):
    program('1/0\n', name='failing.py')
    assert_same(['-X', 'frozen_modules=off', '-m', 'failing'], tmp_path)
    assert_same(['-m', 'failing'], tmp_path)


def test_unbuffered_streams(tmp_path):
    show = ('import sys; print(type(sys.stdout.buffer).__name__, sys.stdout.write_through, '
            'type(sys.stderr.buffer).__name__, sys.stdout.buffer.name, sys.stdout.mode, '
            'sys.stdout is sys.__stdout__)')
    assert_same(['-c', show], tmp_path)
    assert_same(['-u', '-c', show], tmp_path)
    # written as they come: stdout and stderr interleave in one pipe as under CPython
    interleaved = 'import sys\nfor i in range(3):\n    print(i)\n    print(-i, file=sys.stderr)\n'
    results = []
    for command in ([sys.executable, '-u', '-c', interleaved],
                    [*MEMPHIS, '-u', '-c', interleaved]):
        results.append(subprocess.run(command, cwd=tmp_path, env=environment(), text=True,
                                      timeout=120, stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT, check=False).stdout)
    assert results[0] == results[1] == '0\n0\n1\n-1\n2\n-2\n'


def test_import_time(tmp_path):
    expected, actual = both(['-X', 'importtime', '-c', 'import json'], tmp_path)
    assert actual.returncode == expected.returncode == 0
    lines = actual.stderr.splitlines()
    assert lines[0] == 'import time: self [us] | cumulative | imported package'
    assert lines[-1].startswith('import time: ') and lines[-1].endswith('| json')
    nested = [line for line in lines if line.endswith('|   json.decoder')]
    assert len(nested) == 1
    self_time, cumulative = (int(part) for part in nested[0].split(':')[1].split('|')[:2])
    assert 0 < self_time <= cumulative


def test_quiet_and_inspect(tmp_path):
    expected, actual = both(['-i', '-c', 'x = 6'], tmp_path, stdin='x * 7\n')
    assert actual.stdout == expected.stdout == '42\n'
    loud, quiet = (memphis([*options, '-i'], tmp_path, stdin='1 + 1\n')
                   for options in ([], ['-q']))
    assert loud.stderr.startswith('Memphis ')
    assert quiet.stderr == '>>> >>> \n'
    assert loud.stdout == quiet.stdout == '2\n'


@pytest.mark.parametrize('args', [
    ['-z'], ['-W'], ['-X'], ['-c'], ['-m'], ['-J'], ['--foo'], ['-Oz'],
    ['--check-hash-based-pycs', 'sometimes', '-c', 'pass'], ['--check-hash-based-pycs'],
    ['-X', '-c', 'pass'], ['--', '-c'],
], ids=' '.join)
def test_bad_command_lines(tmp_path, args):
    assert_same(args, tmp_path)


def test_option_values_and_ends(tmp_path):
    assert_same(['-Wd', '-c', 'import sys; print(sys.warnoptions, sys.argv)', '-O', 'x'],
                tmp_path)
    assert_same(['-ic', 'import sys; print(sys.flags.inspect, sys.argv)', 'a'], tmp_path,
                stdin='')
    assert_same(['--check-hash-based-pycs', 'always', '-c', 'print("ok")'], tmp_path)
    assert_same(['-cprint("attached")'], tmp_path)


@pytest.mark.parametrize('args', [[], ['-'], ['-', 'a', 'b'], ['-O', '-', '-x']], ids=' '.join)
def test_program_from_stdin_argv(tmp_path, args):
    assert_same(args, tmp_path, stdin='import sys; print(sys.argv, sys.flags.optimize)\n')


def test_help_and_version(tmp_path):
    run = memphis(['-h'], tmp_path)
    assert run.returncode == 0 and run.stdout.startswith('usage: memphis [option]')
    for option in ('-W arg', '-X opt', '-O ', '-u ', '-I ', '-x '):
        assert f'\n{option}' in run.stdout
    for args in (['-V'], ['--version']):
        run = memphis(args, tmp_path)
        assert run.returncode == 0 and run.stdout.startswith('Memphis ')


def test_hash_seed_ignored_under_r_e_and_i(tmp_path):
    """-R, -E and -I randomize hashes whatever PYTHONHASHSEED says (the host is started again
    for it); the program's environment still holds PYTHONHASHSEED."""
    show = ('import os, sys; print(sys.flags.hash_randomization, os.environ["PYTHONHASHSEED"], '
            '[name for name in os.environ if "MEMPHIS" in name])')
    for options in ([], ['-R'], ['-E'], ['-I']):
        assert_same([*options, '-c', show], tmp_path)
    hashes = {memphis(['-R', '-c', 'print(hash("memphis"))'], tmp_path).stdout
              for _ in range(3)}
    assert len(hashes) > 1
