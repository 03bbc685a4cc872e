"""The VS Code extension: its own unit tests (`npm test`) and the end-to-end test in a real VS Code
(code-server driven by Chromium), built and installed from scratch when needed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

__all__: list[str] = []

EXTENSION = Path(__file__).resolve().parents[2] / 'vscode-extension'
# code-server (300 MB) is installed once per machine, outside the git tree.
CACHE = Path(os.environ.get('MEMPHIS_E2E_CACHE')
             or Path(os.environ.get('XDG_CACHE_HOME') or Path.home() / '.cache') / 'memphis-vscode-e2e')
CHROMIUM = os.environ.get('MEMPHIS_E2E_CHROMIUM', '/usr/bin/chromium')
INSTALL_HINT = ('install them with `apt-get install chromium libkrb5-dev ripgrep nodejs npm` '
                '(`bash .ci/run` does it), then run pytest again')


def _run(command: list[str], timeout: float, **kwargs) -> subprocess.CompletedProcess:
    """Run a build step; on failure, fail the test with its whole output."""
    done = subprocess.run(command, cwd=kwargs.pop('cwd', EXTENSION), capture_output=True, text=True,
                          timeout=timeout, check=False, **kwargs)
    if done.returncode != 0:
        pytest.fail(f'{" ".join(command)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}')
    return done


def _require_node() -> None:
    missing = [tool for tool in ('node', 'npm') if shutil.which(tool) is None]
    if missing:
        pytest.fail(f'the VS Code extension tests need {", ".join(missing)} (Node 20): {INSTALL_HINT}')


@pytest.fixture(scope='session')
def node_modules() -> Path:
    """The extension's npm dependencies, installed from package-lock.json when it changed."""
    _require_node()
    stamp = EXTENSION / 'node_modules' / '.memphis-lock'
    lock = (EXTENSION / 'package-lock.json').read_text()
    if not stamp.exists() or stamp.read_text() != lock:
        _run(['npm', 'ci', '--no-audit', '--no-fund'], timeout=600)
        stamp.write_text(lock)
    return EXTENSION / 'node_modules'


@pytest.fixture(scope='session')
def vsix(node_modules: Path) -> Path:
    """The freshly built and packaged extension."""
    _run(['npm', 'run', 'package'], timeout=300)
    return EXTENSION / 'memphis.vsix'


def test_extension_unit_tests(node_modules: Path) -> None:
    done = _run(['npm', 'test'], timeout=300)
    lines = done.stdout.splitlines()
    passed = [int(line.split()[-1]) for line in lines if line.startswith('# pass ')]
    assert '# fail 0' in lines and passed and passed[0] > 0, done.stdout


def test_extension_typechecks(node_modules: Path) -> None:
    _run(['npm', 'run', 'typecheck'], timeout=300)


@pytest.fixture(scope='session')
def code_server() -> str:
    """code-server's executable, installed into the cache first (a no-op when it is there).
    Without the Debian packages the test fails saying what to install: a skip would hide that
    the editor integration went untested."""
    _require_node()
    missing = [package for package, present in (
        ('chromium', Path(CHROMIUM).exists()),
        ('ripgrep', shutil.which('rg') is not None),
        ('libkrb5-dev', Path('/usr/include/krb5.h').exists()),
    ) if not present]
    if missing:
        pytest.fail(f'the VS Code end-to-end test needs the Debian packages {", ".join(missing)}: '
                    f'{INSTALL_HINT}')
    done = _run(['bash', str(EXTENSION / 'e2e' / 'install-code-server.sh'), str(CACHE)], timeout=900)
    return done.stdout.strip().splitlines()[-1]


def _cpython_syntax_error(file: Path) -> str:
    """CPython's message for the syntax error in the end-to-end workspace's broken file."""
    with pytest.raises(SyntaxError) as raised:
        compile(file.read_text(), str(file), 'exec')
    return raised.value.msg


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_vscode_end_to_end(code_server: str, vsix: Path, tmp_path: Path) -> None:
    """Problems panel, breakpoint stop (call stack, locals, a foreign object), Debug Console,
    Run Without Debugging, Run Current File and the REPL, in code-server driven by Chromium."""
    env = {
        **os.environ,
        'MEMPHIS_E2E_CODE_SERVER': code_server,
        'MEMPHIS_E2E_VSIX': str(vsix),
        'MEMPHIS_E2E_PYTHON': sys.executable,
        'MEMPHIS_E2E_CHROMIUM': CHROMIUM,
        'MEMPHIS_E2E_WORK': str(tmp_path),
        'MEMPHIS_E2E_SYNTAX_ERROR': _cpython_syntax_error(EXTENSION / 'e2e/workspace/broken.py'),
        # the interpreter the extension starts must import this checkout's memphis packages
        'PYTHONPATH': os.pathsep.join(filter(None, [str(EXTENSION.parent),
                                                    os.environ.get('PYTHONPATH')])),
    }
    done = subprocess.run(['node', 'e2e/run.mjs'], cwd=EXTENSION, env=env, capture_output=True,
                          text=True, timeout=840, check=False)
    print(done.stdout)
    print(done.stderr, file=sys.stderr)
    assert done.returncode == 0, (
        f'the end-to-end test failed (screenshots in {EXTENSION / "e2e" / "artifacts"}):\n'
        f'{done.stdout[-20000:]}\n{done.stderr[-5000:]}')
