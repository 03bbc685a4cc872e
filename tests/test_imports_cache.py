"""The on-disk parse cache (interpreter.imports.cache): hits, misses, invalidation, damage,
unwritable folders, concurrent writers and the switches that relocate or disable it."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from interpreter.imports import cache
from interpreter.runtime.builtins import new_module_globals, run_code

ROOT = Path(__file__).resolve().parent.parent

MODULE = textwrap.dedent('''\
    """A module whose results depend on every kind of compiled construct."""
    import functools

    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    class Point:
        def __init__(self, x, y):
            self.x, self.y = x, y

        def __repr__(self):
            return f'Point({self.x!r}, {self.y!r})'

    @functools.lru_cache
    def squares(n):
        return [i * i for i in range(n) if i % 2]

    def gen(n):
        total = 0
        for i in range(n):
            total += (yield i) or 0
        return total

    RESULT = (fib(15), repr(Point(1, 'a')), squares(9), list(gen(4)),
              {k: v for k, v in zip('abc', range(3))})
''')


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / 'cache'
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(folder))
    monkeypatch.delenv(cache.CACHE_MODE_VARIABLE, raising=False)
    return folder


def cpython_result(path: Path):
    namespace: dict = {'__name__': 'probe'}
    exec(compile(path.read_bytes(), str(path), 'exec'), namespace)  # noqa: S102
    return namespace['RESULT']


def memphis_compile(path: Path):
    return cache.compile_cached(str(path), path.read_bytes)


def memphis_result(code, path: Path):
    namespace = new_module_globals('probe', str(path))
    run_code(code, namespace)
    return namespace['RESULT']


def entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob('*.pickle')) if folder.exists() else []


def test_miss_then_hit_gives_cpythons_results(tmp_path, cache_dir):
    source = tmp_path / 'probe.py'
    source.write_text(MODULE)
    first_code, first = memphis_compile(source)
    assert (first.outcome, first.write_error) == ('miss', None)
    assert [Path(first.path)] == entries(cache_dir)
    second_code, second = memphis_compile(source)
    assert second.outcome == 'hit' and second.path == first.path
    expected = cpython_result(source)
    assert memphis_result(first_code, source) == expected
    assert memphis_result(second_code, source) == expected
    assert second.describe() == 'cache hit' and first.describe() == 'cache miss, written'


def test_an_edit_invalidates_the_entry(tmp_path, cache_dir):
    source = tmp_path / 'probe.py'
    source.write_text(MODULE)
    memphis_compile(source)
    stat = source.stat()
    # same size, other text, other mtime: the mtime alone must invalidate
    source.write_text(MODULE.replace('fib(15)', 'fib(14)'))
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    code, outcome = memphis_compile(source)
    assert outcome.outcome == 'miss'
    assert memphis_result(code, source) == cpython_result(source)
    # other size, same mtime: the size alone must invalidate
    mtime = source.stat().st_mtime_ns
    source.write_text(MODULE.replace('fib(15)', 'fib(13) + 0'))
    os.utime(source, ns=(mtime, mtime))
    code, outcome = memphis_compile(source)
    assert outcome.outcome == 'miss'
    assert memphis_result(code, source) == cpython_result(source)
    assert memphis_compile(source)[1].outcome == 'hit'
    assert len(entries(cache_dir)) == 1  # rewritten in place, one entry per source


@pytest.mark.parametrize('damage', [b'', b'garbage', b'memphis-parse-cache\n\x80\x05junk',
                                    'truncated'])
def test_a_corrupt_entry_is_a_miss_and_is_rewritten(tmp_path, cache_dir, damage):
    source = tmp_path / 'probe.py'
    source.write_text(MODULE)
    _, outcome = memphis_compile(source)
    entry = Path(outcome.path)
    data = entry.read_bytes()
    entry.write_bytes(data[:len(data) // 2] if damage == 'truncated' else damage)
    code, outcome = memphis_compile(source)
    assert outcome.outcome == 'miss' and outcome.write_error is None
    assert memphis_result(code, source) == cpython_result(source)
    assert memphis_compile(source)[1].outcome == 'hit'


LATER = textwrap.dedent('''\
    def later(n):
        return [i * i for i in range(n)]

    def nested():
        def inner(x):
            return x + 1
        return inner(41)
''')


def _warm_namespace(tmp_path, monkeypatch):
    """A module imported from its entry, none of its bodies read yet; the calls of
    `_EntryUnits._from_source` are counted."""
    source = tmp_path / 'later.py'
    source.write_text(LATER)
    memphis_compile(source)
    code, outcome = memphis_compile(source)
    assert outcome.outcome == 'hit'
    namespace = new_module_globals('later', str(source))
    run_code(code, namespace)
    made_again = []
    from_source = cache._EntryUnits._from_source
    monkeypatch.setattr(cache._EntryUnits, '_from_source',
                        lambda self, index: (made_again.append(index),
                                             from_source(self, index))[1])
    return source, Path(outcome.path), namespace, made_again


def test_a_warm_run_reads_a_body_from_the_entry_when_first_called(tmp_path, cache_dir,
                                                                 monkeypatch):
    _, _, namespace, made_again = _warm_namespace(tmp_path, monkeypatch)
    assert (namespace['later'](4), namespace['nested']()) == ([0, 1, 4, 9], 42)
    assert made_again == []


@pytest.mark.parametrize('change', ['rewritten', 'removed'])
def test_a_body_whose_entry_changed_is_made_again_from_the_source(tmp_path, cache_dir,
                                                                 monkeypatch, change):
    _, entry, namespace, made_again = _warm_namespace(tmp_path, monkeypatch)
    data = entry.read_bytes()
    entry.unlink()
    if change == 'rewritten':  # another process wrote the same entry again: a new file
        entry.write_bytes(data)
    assert (namespace['later'](4), namespace['nested']()) == ([0, 1, 4, 9], 42)
    assert sorted(made_again) == [0, 1, 2]  # later, nested and inner


def test_a_body_whose_source_and_entry_changed_is_a_clear_error(tmp_path, cache_dir,
                                                               monkeypatch):
    source, entry, namespace, _ = _warm_namespace(tmp_path, monkeypatch)
    entry.unlink()
    source.write_text(LATER.replace('i * i', 'i + i'))
    with pytest.raises(ImportError, match='the source changed since it was imported'):
        namespace['later'](4)


def test_entries_are_never_shared_between_sources(tmp_path, cache_dir):
    first = tmp_path / 'a' / 'probe.py'
    second = tmp_path / 'b' / 'probe.py'
    for path, value in ((first, 'fib(15)'), (second, 'fib(12)')):
        path.parent.mkdir()
        path.write_text(MODULE.replace('fib(15)', value))
        os.utime(path, ns=(10**18, 10**18))  # same size and mtime too
    _, one = memphis_compile(first)
    _, two = memphis_compile(second)
    assert one.path != two.path
    # an entry copied over another source's is refused: it names its own source
    Path(two.path).write_bytes(Path(one.path).read_bytes())
    code, outcome = memphis_compile(second)
    assert outcome.outcome == 'miss'
    assert memphis_result(code, second) == cpython_result(second)


def test_another_front_end_uses_other_entries(tmp_path, cache_dir, monkeypatch):
    source = tmp_path / 'probe.py'
    source.write_text(MODULE)
    _, first = memphis_compile(source)
    monkeypatch.setattr(cache, '_fingerprint', 'another-front-end')
    _, second = memphis_compile(source)
    assert second.outcome == 'miss' and second.path != first.path
    assert len(entries(cache_dir)) == 2


@pytest.mark.parametrize('edited', ['runtime/functions.py', 'runtime/async_generators.py',
                                    'compiler/functions.py', 'parser/statements.py', 'nodes.py'])
def test_an_edit_to_what_writes_an_entry_changes_the_fingerprint(edited, monkeypatch):
    # entries save trampolines as well as trees: with the old fingerprint, every warm run
    # ignored the saved trampolines of a stale format and made them all again
    monkeypatch.setattr(cache, '_fingerprint', None)
    before = cache.front_end_fingerprint()
    real_stat = os.stat
    target = os.path.join('interpreter', *edited.split('/'))

    def edited_stat(path, *args, **kwargs):
        status = real_stat(path, *args, **kwargs)
        if str(path).endswith(target):
            return os.stat_result((*status[:8], status.st_mtime + 1, status.st_ctime))
        return status

    monkeypatch.setattr(cache, '_fingerprint', None)
    monkeypatch.setattr(os, 'stat', edited_stat)
    assert cache.front_end_fingerprint() != before


def test_an_unwritable_folder_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / 'not-a-folder'
    blocker.write_text('')
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(blocker / 'cache'))
    source = tmp_path / 'probe.py'
    source.write_text(MODULE)
    code, outcome = memphis_compile(source)
    assert outcome.outcome == 'miss'
    assert outcome.write_error.startswith(('NotADirectoryError', 'FileExistsError'))
    assert outcome.describe().startswith('cache miss, not written: ')
    assert memphis_result(code, source) == cpython_result(source)


def test_disabled_and_read_only_modes(tmp_path, cache_dir, monkeypatch):
    source = tmp_path / 'probe.py'
    source.write_text(MODULE)
    monkeypatch.setenv(cache.CACHE_MODE_VARIABLE, 'off')
    code, outcome = memphis_compile(source)
    assert outcome.outcome == 'off' and entries(cache_dir) == []
    assert memphis_result(code, source) == cpython_result(source)
    monkeypatch.setenv(cache.CACHE_MODE_VARIABLE, 'read')
    _, outcome = memphis_compile(source)
    assert outcome.outcome == 'miss' and entries(cache_dir) == []
    monkeypatch.setenv(cache.CACHE_MODE_VARIABLE, 'on')
    memphis_compile(source)
    monkeypatch.setenv(cache.CACHE_MODE_VARIABLE, 'read')
    assert memphis_compile(source)[1].outcome == 'hit'
    monkeypatch.setenv(cache.CACHE_MODE_VARIABLE, 'off')
    assert memphis_compile(source)[1].outcome == 'off'


def test_the_default_folder_is_per_user(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.CACHE_DIR_VARIABLE, raising=False)
    monkeypatch.setenv('XDG_CACHE_HOME', str(tmp_path))
    assert cache.cache_directory() == str(tmp_path / 'memphis')
    monkeypatch.delenv('XDG_CACHE_HOME')
    assert cache.cache_directory() == os.path.join(os.path.expanduser('~'), '.cache', 'memphis')


CONCURRENT_WRITER = '''
import sys, time
from pathlib import Path
from interpreter.imports.cache import compile_cached
from interpreter.runtime.builtins import new_module_globals, run_code
path = Path(sys.argv[1])
while time.time() < float(sys.argv[2]):
    time.sleep(0.001)
for _ in range(3):
    code, outcome = compile_cached(str(path), path.read_bytes)
    namespace = new_module_globals('probe', str(path))
    run_code(code, namespace)
print(outcome.outcome, repr(namespace['RESULT']))
'''


def test_concurrent_writers_leave_one_whole_entry(tmp_path, cache_dir):
    import time

    source = tmp_path / 'probe.py'
    source.write_text(MODULE)
    environment = {**os.environ, cache.CACHE_DIR_VARIABLE: str(cache_dir),
                   'PYTHONPATH': str(ROOT)}
    start = time.time() + 3
    writers = [subprocess.Popen([sys.executable, '-c', CONCURRENT_WRITER, str(source),
                                 str(start)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=environment) for _ in range(4)]
    outputs = [writer.communicate(timeout=300) for writer in writers]
    expected = repr(cpython_result(source))
    for (stdout, stderr), writer in zip(outputs, writers):
        assert writer.returncode == 0, stderr
        assert stdout.split(' ', 1)[1].strip() == expected
    files = [path for path in cache_dir.rglob('*') if path.is_file()]
    assert sorted(files) == entries(cache_dir)  # no temporary file left behind
    assert len([entry for entry in files if entry.name.startswith('probe-')]) == 1
    assert memphis_compile(source)[1].outcome == 'hit'


def run_memphis(*args, cwd, environment):
    return subprocess.run([sys.executable, '-m', 'interpreter', *args], check=False,
                          capture_output=True, text=True, cwd=cwd, env=environment, timeout=300)


def test_a_second_run_reads_the_cache_and_warns_as_cpython_with_pycache(tmp_path):
    """CPython warns at compile time only: a cached module does not warn again. Compared with
    CPython writing its own cache (pycache_prefix) in the same two-run sequence."""
    (tmp_path / 'warner.py').write_text('def check(x):\n    return x is 1\nVALUE = check(1)\n')
    (tmp_path / 'main.py').write_text('import warner\nprint(warner.VALUE)\n')
    memphis_env = {**os.environ, 'PYTHONPATH': str(ROOT),
                   cache.CACHE_DIR_VARIABLE: str(tmp_path / 'memphis-cache')}
    memphis_env.pop(cache.CACHE_MODE_VARIABLE, None)
    cpython_env = {key: value for key, value in os.environ.items()
                   if key != 'PYTHONDONTWRITEBYTECODE'}
    prefix = f'pycache_prefix={tmp_path / "cpython-cache"}'
    for _ in range(2):
        expected = subprocess.run([sys.executable, '-X', prefix, 'main.py'], check=False,
                                  capture_output=True, text=True, cwd=tmp_path, env=cpython_env,
                                  timeout=60)
        actual = run_memphis('main.py', cwd=tmp_path, environment=memphis_env)
        assert (actual.returncode, actual.stdout, actual.stderr) == \
            (expected.returncode, expected.stdout, expected.stderr)
    verbose = run_memphis('-v', 'main.py', cwd=tmp_path, environment=memphis_env)
    assert f"import 'warner' # interpreted from {tmp_path / 'warner.py'} (cache hit)" \
        in verbose.stderr.splitlines()


def test_a_new_front_end_removes_folders_unused_for_a_day(tmp_path, cache_dir, monkeypatch):
    import time

    source = tmp_path / 'probe.py'
    source.write_text(MODULE)
    _, first = memphis_compile(source)
    old_folder = Path(first.path).parent
    recent_folder = cache_dir / 'another-recent-front-end'
    recent_folder.mkdir()
    long_ago = time.time() - 2 * 24 * 3600
    os.utime(old_folder, (long_ago, long_ago))
    monkeypatch.setattr(cache, '_fingerprint', 'a-new-front-end')
    _, second = memphis_compile(source)
    assert second.outcome == 'miss' and Path(second.path).exists()
    assert not old_folder.exists() and recent_folder.exists()
