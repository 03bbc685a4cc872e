"""A small DAP client for the tests: drives a real adapter process (memphis-dap or debugpy)."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time

__all__ = ['DapClient', 'debugpy_command', 'memphis_command']

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def memphis_command() -> list[str]:
    return [sys.executable, '-m', 'memphis_dap']


def debugpy_command() -> list[str]:
    return [sys.executable, '-m', 'debugpy.adapter']


class DapClient:
    """Speaks DAP over an adapter's stdio; events and responses are queued as they arrive."""

    def __init__(self, command: list[str], cwd: str = ROOT) -> None:
        env = dict(os.environ)
        env['PYTHONPATH'] = ROOT + os.pathsep + env.get('PYTHONPATH', '')
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.seq = 0
        self.messages: queue.Queue = queue.Queue()
        self.responses: dict[int, dict] = {}
        self.events: list[dict] = []
        self.history: list[dict] = []
        self.lock = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            header = b''
            while not header.endswith(b'\r\n\r\n'):
                byte = stream.read(1)
                if not byte:
                    with self.lock:
                        self.lock.notify_all()
                    return
                header += byte
            length = 0
            for line in header.decode('ascii').split('\r\n'):
                if line.lower().startswith('content-length:'):
                    length = int(line.split(':', 1)[1])
            body = json.loads(stream.read(length).decode('utf-8'))
            with self.lock:
                if body['type'] == 'response':
                    self.responses[body['request_seq']] = body
                elif body['type'] == 'event':
                    self.events.append(body)
                    self.history.append(body)
                self.lock.notify_all()

    def send_raw(self, data: bytes) -> None:
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, command: str, arguments: dict | None = None) -> int:
        self.seq += 1
        message = {'seq': self.seq, 'type': 'request', 'command': command}
        if arguments is not None:
            message['arguments'] = arguments
        body = json.dumps(message).encode('utf-8')
        self.send_raw(b'Content-Length: %d\r\n\r\n' % len(body) + body)
        return self.seq

    def response(self, seq: int, timeout: float = 15) -> dict:
        deadline = time.monotonic() + timeout
        with self.lock:
            while seq not in self.responses:
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None and seq not in self.responses:
                    raise TimeoutError(f'no response to request {seq}')
                self.lock.wait(min(left, 0.2))
            return self.responses[seq]

    def request(self, command: str, arguments: dict | None = None, timeout: float = 15) -> dict:
        return self.response(self.send(command, arguments), timeout)

    def _take(self, wanted, timeout: float, what: str) -> dict:
        """Consume and return the next queued event for which `wanted(event)` holds."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                for index, event in enumerate(self.events):
                    if wanted(event):
                        del self.events[:index + 1]
                        return event
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f'no {what} event; have {self.events}')
                self.lock.wait(min(left, 0.2))

    def event(self, name: str, timeout: float = 15, **fields) -> dict:
        """The next not yet consumed event called `name` (whose body has `fields`)."""
        return self._take(lambda event: event['event'] == name and all(
            event.get('body', {}).get(k) == v for k, v in fields.items()), timeout, name)

    def output(self, category: str = 'stdout') -> str:
        """The text of every output event of `category` so far (consumes nothing)."""
        with self.lock:
            return ''.join(event['body']['output'] for event in self.history
                           if event['event'] == 'output'
                           and event['body'].get('category') == category)

    def start(self, program: str | None, breakpoints: dict[str, list[dict]] | None = None,
              exception_filters: list[str] | None = None, **launch) -> None:
        """initialize, launch, breakpoints, configurationDone in debugpy's order."""
        self.initialize = self.request('initialize', {
            'clientID': 'tests', 'adapterID': 'python', 'linesStartAt1': True,
            'columnsStartAt1': True, 'pathFormat': 'path', 'supportsVariableType': True})
        arguments = {'console': 'internalConsole', 'justMyCode': True}
        if program is not None:  # None: the launch names a `module`
            arguments['program'] = program
        arguments.update(launch)
        self.launch_seq = self.send('launch', arguments)
        self.event('initialized')
        for path, lines in (breakpoints or {}).items():
            self.request('setBreakpoints', {'source': {'path': path}, 'breakpoints': lines})
        self.request('setExceptionBreakpoints', {'filters': exception_filters or []})
        self.request('configurationDone')
        self.response(self.launch_seq)

    def next_of(self, names: tuple[str, ...], timeout: float = 30) -> dict:
        """The next not yet consumed event whose name is one of `names`."""
        return self._take(lambda event: event['event'] in names, timeout, ' or '.join(names))

    def stopped(self, timeout: float = 15) -> dict:
        return self.event('stopped', timeout)['body']

    def top_frame(self, thread_id: int) -> dict:
        return self.request('stackTrace', {'threadId': thread_id})['body']['stackFrames'][0]

    def local_variables(self, frame_id: int) -> list[dict]:
        scopes = self.request('scopes', {'frameId': frame_id})['body']['scopes']
        reference = scopes[0]['variablesReference']
        return self.request('variables', {'variablesReference': reference})['body']['variables']

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.request('disconnect', {'terminateDebuggee': True}, timeout=5)
            except (TimeoutError, OSError):
                pass
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()

    def __enter__(self) -> DapClient:  # noqa: PYI034 - no subclasses
        return self

    def __exit__(self, *exc) -> None:
        self.close()
