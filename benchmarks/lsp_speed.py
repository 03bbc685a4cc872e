"""Language-server latency: didOpen -> diagnostics and a one-character didChange -> diagnostics.

Starts memphis-lsp, pylsp (pyflakes only) and `ruff server` in the same run, each as a real
subprocess over stdio, on the standard library's `_pydecimal.py` (about 6,400 lines), and prints
the medians and Memphis's ratios to them; then where Memphis's analysis time goes, in-process.

    python3 benchmarks/lsp_speed.py [--rounds N] [--file PATH]

A server that is not installed is reported as missing (pylsp: `pip install python-lsp-server`).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import pathlib
import shutil
import statistics
import sys
import tempfile
import time

__all__ = ['main']

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
WAIT_SECONDS = 120


class RawClient:
    """A minimal LSP client: framing, requests, and publishDiagnostics arrival times."""

    def __init__(self, process: asyncio.subprocess.Process):
        self.process = process
        self.next_id = 0
        self.responses: dict[int, asyncio.Future] = {}
        self.published: list[tuple[float, dict]] = []
        self.new_publication = asyncio.Event()
        self.reader = asyncio.ensure_future(self._read())

    @classmethod
    async def start(cls, command: list[str]) -> RawClient:
        environment = dict(os.environ)
        environment['PYTHONPATH'] = os.pathsep.join(
            [str(REPO), *filter(None, [environment.get('PYTHONPATH')])])
        process = await asyncio.create_subprocess_exec(
            *command, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL, env=environment, limit=2**26)
        return cls(process)

    def send(self, message: dict) -> None:
        body = json.dumps({'jsonrpc': '2.0', **message}).encode()
        self.process.stdin.write(b'Content-Length: %d\r\n\r\n' % len(body) + body)

    async def request(self, method: str, params) -> dict:
        self.next_id += 1
        future = asyncio.get_running_loop().create_future()
        self.responses[self.next_id] = future
        self.send({'id': self.next_id, 'method': method, 'params': params})
        return await asyncio.wait_for(future, WAIT_SECONDS)

    def notify(self, method: str, params) -> None:
        self.send({'method': method, 'params': params})

    async def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = await stream.readline()
                if not line:
                    return
                if line in (b'\r\n', b'\n'):
                    break
                name, _, value = line.decode('ascii').partition(':')
                if name.lower() == 'content-length':
                    length = int(value)
            message = json.loads(await stream.readexactly(length))
            arrived = time.perf_counter()
            if 'id' in message and 'method' in message:  # a request from the server
                self.send({'id': message['id'], 'result': None})
            elif 'id' in message:
                future = self.responses.pop(message['id'], None)
                if future is not None and not future.done():
                    future.set_result(message)
            elif message.get('method') == 'textDocument/publishDiagnostics':
                self.published.append((arrived, message['params']))
                self.new_publication.set()

    async def wait_for_publication(self, uri: str, after: int, version: int | None) -> float:
        """Arrival time of the first publication for `uri` (of `version` if the server
        sends versions) among those after index `after`."""
        deadline = time.perf_counter() + WAIT_SECONDS
        while True:
            for arrived, params in self.published[after:]:
                sent_version = params.get('version')
                if params['uri'] == uri and (sent_version is None or version is None
                                             or sent_version == version):
                    return arrived
            self.new_publication.clear()
            await asyncio.wait_for(self.new_publication.wait(), deadline - time.perf_counter())

    async def stop(self) -> None:
        try:
            await self.request('shutdown', None)
            self.notify('exit', None)
            await asyncio.wait_for(self.process.wait(), 10)
        except (TimeoutError, ConnectionError):
            self.process.kill()
        self.reader.cancel()


PYLSP_SETTINGS = {'pylsp': {'plugins': {
    name: {'enabled': name == 'pyflakes'}
    for name in ('pyflakes', 'pycodestyle', 'mccabe', 'pydocstyle', 'autopep8', 'yapf',
                 'flake8', 'pylint', 'rope_autoimport', 'rope_completion')}}}


async def measure_server(name: str, command: list[str], text: str, rounds: int,
                         workdir: pathlib.Path) -> dict[str, list[float]]:
    """Open -> diagnostics (a new file each round) and edit -> diagnostics timings, seconds."""
    client = await RawClient.start(command)
    await client.request('initialize', {
        'processId': os.getpid(), 'rootUri': workdir.as_uri(),
        'capabilities': {'textDocument': {'publishDiagnostics': {'versionSupport': True},
                                          'synchronization': {'didSave': True}}},
        'workspaceFolders': [{'uri': workdir.as_uri(), 'name': 'bench'}]})
    client.notify('initialized', {})
    if name == 'pylsp':
        client.notify('workspace/didChangeConfiguration', {'settings': PYLSP_SETTINGS})
    timings: dict[str, list[float]] = {'open': [], 'edit': [], 'burst': []}
    lines = text.split('\n')
    edit_line = next(index for index, line in enumerate(lines) if line.startswith('def '))
    for round_number in range(rounds + 1):  # round 0 warms up (imports, caches)
        path = workdir / f'{name}_{round_number}.py'
        path.write_text(text)
        uri = path.as_uri()
        after = len(client.published)
        sent = time.perf_counter()
        client.notify('textDocument/didOpen', {'textDocument': {
            'uri': uri, 'languageId': 'python', 'version': 1, 'text': text}})
        arrived = await client.wait_for_publication(uri, after, 1)
        if round_number:
            timings['open'].append(arrived - sent)
        version = 1
        for edit in range(4):  # insert a character, delete it, insert, delete
            version += 1
            inserting = edit % 2 == 0
            change = {'range': {'start': {'line': edit_line, 'character': 4},
                                'end': {'line': edit_line, 'character': 4 if inserting else 5}},
                      'text': 'x' if inserting else ''}
            after = len(client.published)
            sent = time.perf_counter()
            client.notify('textDocument/didChange', {
                'textDocument': {'uri': uri, 'version': version}, 'contentChanges': [change]})
            arrived = await client.wait_for_publication(uri, after, version)
            if round_number:
                timings['edit'].append(arrived - sent)
        # A burst of typing: 8 letters 30 ms apart, timed from the last one to its diagnostics.
        for letter in 'abcdefgh':
            version += 1
            column = 4 + 'abcdefgh'.index(letter)
            change = {'range': {'start': {'line': edit_line, 'character': column},
                                'end': {'line': edit_line, 'character': column}},
                      'text': letter}
            after = len(client.published)
            sent = time.perf_counter()
            client.notify('textDocument/didChange', {
                'textDocument': {'uri': uri, 'version': version}, 'contentChanges': [change]})
            if letter != 'h':
                await asyncio.sleep(0.03)
        arrived = await client.wait_for_publication(uri, after, version)
        if round_number:
            timings['burst'].append(arrived - sent)
        client.notify('textDocument/didClose', {'textDocument': {'uri': uri}})
    await client.stop()
    return timings


def analysis_breakdown(text: str, filename: str, repeat: int = 5) -> dict[str, float]:
    """Best-of-`repeat` seconds of each stage of Memphis's analysis of `text`, in this process.

    Best, not median, and a collection before each stage: under load the stages' medians
    moved by 2x from run to run. CPU time of this process (`time.process_time`): with the
    machine's cores shared, wall-clock stages measured the other jobs as much as ours.
    """
    import gc

    from interpreter.analysis.module import ModuleAnalysis
    from interpreter.parser import parse
    from interpreter.scopes import build_symtable

    gc.set_threshold(20_000, 50, 100)  # as the server sets it (memphis_lsp/__main__.py)
    clock = time.process_time
    stages: dict[str, list[float]] = {'parse': [], 'build_symtable': [], '.bindings': [],
                                      '.diagnostics (checks)': [], 'all (one analysis)': []}
    for _ in range(repeat):
        gc.collect()
        start = clock()
        tree = parse(text, filename).tree
        parsed = clock()
        build_symtable(tree, filename, source=text)
        scoped = clock()
        del tree
        gc.collect()
        begin = clock()
        analysis = ModuleAnalysis(text, filename, incremental=False)
        analysed = clock()
        analysis.bindings  # noqa: B018
        bound = clock()
        analysis.diagnostics  # noqa: B018
        done = clock()
        del analysis
        stages['parse'].append(parsed - start)
        stages['build_symtable'].append(scoped - parsed)
        stages['.bindings'].append(bound - analysed)
        stages['.diagnostics (checks)'].append(done - bound)
        stages['all (one analysis)'].append(done - begin)
    # An edited version after the previous one (as the server analyses it): re-parsed
    # incrementally, unchanged functions' walks and scope errors reused.
    lines = text.split('\n')
    def_line = next(index for index, line in enumerate(lines) if line.startswith('def '))
    body_line = next(index for index, line in enumerate(lines)
                     if index > len(lines) // 2 and line.startswith('        ')
                     and 'self' in line and not line.strip().startswith('#'))
    edits = {
        'def line': lines[:def_line] + [lines[def_line][:4] + 'x' + lines[def_line][4:]]
        + lines[def_line + 1:],
        'function body': lines[:body_line] + [lines[body_line].replace('self', 'selfx', 1)]
        + lines[body_line + 1:],
    }
    for (where, edited), reuse in itertools.product(edits.items(), (True, False)):
        versions = ['\n'.join(edited), text]
        ModuleAnalysis(text, filename).diagnostics  # noqa: B018
        parts: dict[str, list[float]] = {'parse + scope errors': [], '.bindings': [],
                                         '.diagnostics (checks)': [], 'all': []}
        if not reuse:
            # Before function reuse: the re-parse alone is incremental.
            parts = {'all': []}
        for index in range(2 * repeat):
            gc.collect()
            begin = clock()
            analysis = ModuleAnalysis(versions[index % 2], filename, reuse_functions=reuse)
            analysed = clock()
            analysis.bindings  # noqa: B018
            bound = clock()
            analysis.diagnostics  # noqa: B018
            done = clock()
            if reuse:
                parts['parse + scope errors'].append(analysed - begin)
                parts['.bindings'].append(bound - analysed)
                parts['.diagnostics (checks)'].append(done - bound)
            parts['all'].append(done - begin)
        for part, times in parts.items():
            label = part if reuse else 'all, re-parse only (no reuse)'
            stages[f'edit in a {where}: {label}'] = times
    return {stage: min(times) for stage, times in stages.items()}


def servers() -> dict[str, list[str] | None]:
    """Command of each server, None where it is not installed."""
    pylsp = shutil.which('pylsp')
    ruff = shutil.which('ruff')
    return {'memphis': [sys.executable, '-m', 'memphis_lsp'],
            'pylsp': [pylsp] if pylsp else None,
            'ruff': [ruff, 'server'] if ruff else None}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    import _pydecimal

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--rounds', type=int, default=5)
    parser.add_argument('--file', default=_pydecimal.__file__)
    arguments = parser.parse_args(argv)
    text = pathlib.Path(arguments.file).read_text()
    print(f'{arguments.file}: {text.count(chr(10)):,} lines; {arguments.rounds} opens and '
          f'{4 * arguments.rounds} one-character edits per server (medians)')
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as workdir:
        for name, command in servers().items():
            if command is None:
                print(f'{name:8} not installed')
                continue
            timings = asyncio.run(measure_server(name, command, text, arguments.rounds,
                                                 pathlib.Path(workdir)))
            results[name] = {kind: statistics.median(values) for kind, values in timings.items()}
    memphis = results['memphis']
    print(f'{"server":8} {"open ms":>9} {"edit ms":>9} {"burst ms":>9} {"Memphis open":>13} '
          f'{"Memphis edit":>13}')
    for name, medians in results.items():
        print(f'{name:8} {medians["open"] * 1000:9.1f} {medians["edit"] * 1000:9.1f} '
              f'{medians["burst"] * 1000:9.1f} '
              f'{memphis["open"] / medians["open"]:12.2f}x '
              f'{memphis["edit"] / medians["edit"]:12.2f}x')
    print('burst: 8 one-letter edits 30 ms apart, from the last edit to its diagnostics')
    print('goals: edit <= 0.2x pylsp, <= 3x ruff, <= 100 ms')
    print('Memphis analysis of the file, in process (best CPU ms):')
    for stage, seconds in analysis_breakdown(text, arguments.file).items():
        print(f'  {stage:58} {seconds * 1000:8.1f}')
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
