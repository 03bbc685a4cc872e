"""The adapter's session with the client: a table of request handlers over `protocol.Channel`.

The program runs in a separate process (a Memphis agent, `memphis_dap.agent`, connected back
over a local socket), so nothing it does can take the adapter down. Requests about the
program are forwarded to the agent; its output arrives on pipes and becomes `output` events.
"""

from __future__ import annotations

import codecs
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable

from .protocol import Channel, ProtocolError, RequestError

__all__ = ['CAPABILITIES', 'Session']

CAPABILITIES = {
    'supportsConfigurationDoneRequest': True,
    'supportsConditionalBreakpoints': True,
    'supportsHitConditionalBreakpoints': True,
    'supportsLogPoints': True,
    'supportsFunctionBreakpoints': True,
    'supportsSetVariable': True,
    'supportsSetExpression': True,
    'supportsEvaluateForHovers': True,
    'supportsClipboardContext': True,
    'supportsExceptionInfoRequest': True,
    'supportsTerminateRequest': True,
    'supportsDelayedStackTraceLoading': True,
    'supportsLoadedSourcesRequest': True,
    'supportsModulesRequest': True,
    'supportsCompletionsRequest': True,
    'supportsRestartRequest': True,
    'supportsStepInTargetsRequest': True,
    'supportsDataBreakpoints': True,
    'supportsStepBack': True,
    'supportsRestartFrame': True,
    'supportsGotoTargetsRequest': True,
    'exceptionBreakpointFilters': [
        {'filter': 'raised', 'label': 'Raised Exceptions', 'default': False},
        {'filter': 'uncaught', 'label': 'Uncaught Exceptions', 'default': True},
        {'filter': 'userUnhandled', 'label': 'User Uncaught Exceptions', 'default': False},
    ],
}

_AGENT_COMMANDS = frozenset({
    'setBreakpoints', 'setFunctionBreakpoints', 'setExceptionBreakpoints', 'threads',
    'stackTrace', 'scopes', 'variables', 'setVariable', 'setExpression', 'evaluate',
    'exceptionInfo',
    'continue', 'next', 'stepIn', 'stepOut', 'pause',
    'loadedSources', 'modules', 'source', 'completions', 'stepInTargets',
    'dataBreakpointInfo', 'setDataBreakpoints', 'stepBack', 'reverseContinue', 'restartFrame',
    'gotoTargets', 'goto',
})
_REPLAYED_ON_RESTART = ('setBreakpoints', 'setFunctionBreakpoints', 'setExceptionBreakpoints')
# (data breakpoints watch objects of the old process: they do not survive a restart)

_CONNECT_TIMEOUT = 30.0
_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _ignored(response: dict) -> None:
    """The answer to a request the adapter made itself (a replayed breakpoint)."""


class Session:
    """One client's debug session: at most one launched program."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.process: subprocess.Popen | None = None
        self.agent: Channel | None = None
        self.agent_socket: socket.socket | None = None
        self.pending: dict[int, tuple[dict, Callable[[dict], None] | None]] = {}
        self.pending_lock = threading.Lock()
        self.launch_request: dict | None = None
        self.launch_arguments: dict = {}
        self.configuration: dict[object, dict] = {}
        self.reader: threading.Thread | None = None
        self.finished = threading.Event()
        self.ended = False
        self.restarting = False
        self.handlers: dict[str, Callable[[dict], None]] = {
            'initialize': self.on_initialize,
            'launch': self.on_launch,
            'attach': self.on_attach,
            'configurationDone': self.on_configuration_done,
            'disconnect': self.on_disconnect,
            'terminate': self.on_terminate,
            'restart': self.on_restart,
        }

    # the client's side

    def serve(self) -> None:
        """Answer the client until it disconnects or its stream ends."""
        while not self.ended:
            try:
                message = self.channel.read()
            except ProtocolError as error:
                self.channel.fail({'seq': 0, 'command': ''}, f'malformed message: {error}')
                continue
            except OSError:
                message = None
            if message is None:
                break
            self.dispatch(message)
        self.kill_program()

    def dispatch(self, message: dict) -> None:
        if message.get('type') != 'request' or not isinstance(message.get('command'), str):
            self.channel.fail(message, 'not a request: a message needs type "request" and a '
                                       'command')
            return
        arguments = message.get('arguments', {})
        if arguments is None:
            message['arguments'] = {}
        elif not isinstance(arguments, dict):
            self.channel.fail(message, 'arguments must be an object')
            return
        command = message['command']
        handler = self.handlers.get(command)
        try:
            if handler is not None:
                handler(message)
            elif command in _AGENT_COMMANDS:
                if command in _REPLAYED_ON_RESTART:
                    # kept, so that a restarted program gets the same breakpoints
                    key = (command, str((message['arguments'].get('source') or {}).get('path')))
                    self.configuration[key] = message['arguments']
                self.forward(message)
            else:
                raise RequestError(f'unsupported request: {command!r}')
        except RequestError as error:
            self.channel.fail(message, str(error))
        except (KeyError, TypeError, ValueError) as error:
            self.channel.fail(message, f'bad arguments for {command}: {error!r}')

    def on_initialize(self, request: dict) -> None:
        self.channel.respond(request, CAPABILITIES)

    def on_attach(self, request: dict) -> None:
        raise RequestError('attach is not supported: use launch')

    def on_launch(self, request: dict) -> None:
        arguments = request['arguments']
        if self.process is not None:
            raise RequestError('a program is already running')
        arguments, cwd = self._launch_arguments(arguments)
        self.launch_arguments = request['arguments']
        self.start_agent(arguments, cwd)
        self.launch_request = request
        self.forward({**request, 'arguments': arguments}, answer=self._launch_configured)

    @staticmethod
    def _launch_arguments(arguments: dict) -> tuple[dict, str]:
        """The launch arguments checked, `program` made absolute; and the program's cwd."""
        cwd = arguments.get('cwd') or os.getcwd()
        if arguments.get('module'):
            if arguments.get('program'):
                raise RequestError('launch takes "program" or "module", not both')
            if not isinstance(arguments['module'], str):
                raise RequestError('"module" must be a module name')
            return arguments, cwd
        if not arguments.get('program'):
            raise RequestError('launch needs "program" or "module"')
        program = os.path.join(cwd, arguments['program'])
        if not os.path.isfile(program):
            raise RequestError(f'program not found: {program}')
        return {**arguments, 'program': program}, cwd

    def on_restart(self, request: dict) -> None:
        """End the program and launch it again (with new launch arguments when the client
        sends them) with the breakpoints and exception filters it has set; no `exited` or
        `terminated` event tells of the old program, as the session goes on."""
        if self.process is None or self.agent is None:
            raise RequestError('no program to restart')
        given = request['arguments'].get('arguments')
        arguments, cwd = self._launch_arguments(given or self.launch_arguments)
        if given:
            self.launch_arguments = given
        old_finished = self.finished
        self.finished = threading.Event()
        self.restarting = True
        self.kill_program()
        old_finished.wait(5.0)
        self.restarting = False
        self.start_agent(arguments, cwd)

        def configured(response: dict) -> None:
            if not response.get('success'):
                self.relay(request, response)
                return
            self.channel.respond(request)
            self.channel.event('process', {
                'name': self.process.args[-1] if self.process else '',
                'systemProcessId': self.process.pid if self.process else 0,
                'isLocalProcess': True, 'startMethod': 'launch'})

        def launched(response: dict) -> None:
            if not response.get('success'):
                self.relay(request, response)
                return
            for (command, _), replayed in list(self.configuration.items()):
                self.forward({'command': command, 'arguments': replayed}, answer=_ignored)
            self.forward({'command': 'configurationDone', 'arguments': {}}, answer=configured)

        self.forward({'command': 'launch', 'arguments': arguments}, answer=launched)

    def _launch_configured(self, response: dict) -> None:
        if not response.get('success'):
            self.channel.fail(self.launch_request, response.get('message', 'launch failed'))
            self.launch_request = None
            return
        self.channel.event('initialized')

    def start_agent(self, arguments: dict, cwd: str) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind(('127.0.0.1', 0))
        listener.listen(1)
        listener.settimeout(_CONNECT_TIMEOUT)
        env = dict(os.environ)
        env.update({str(k): str(v) for k, v in (arguments.get('env') or {}).items()})
        env['PYTHONPATH'] = _PACKAGE_ROOT + (os.pathsep + env['PYTHONPATH']
                                             if env.get('PYTHONPATH') else '')
        command = [sys.executable, '-u', '-m', 'memphis_dap.agent',
                   str(listener.getsockname()[1])]
        try:
            self.process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                            start_new_session=True)
        except OSError as error:
            listener.close()
            raise RequestError(f'cannot start the program: {error}') from None
        try:
            connection = self._accept_agent(listener)
        finally:
            listener.close()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.agent_socket = connection
        self.agent = Channel(connection.makefile('rb'), connection.makefile('wb'))
        pumps = [threading.Thread(target=self.pump, args=(stream, category), daemon=True)
                 for stream, category in ((self.process.stdout, 'stdout'),
                                          (self.process.stderr, 'stderr'))]
        for pump in pumps:
            pump.start()
        reader = threading.Thread(target=self.read_agent, daemon=True)
        reader.start()
        threading.Thread(target=self.wait_program,
                         args=(self.process, connection, pumps + [reader], self.finished),
                         daemon=True).start()

    def _accept_agent(self, listener: socket.socket) -> socket.socket:
        """The agent's connection; a failure names why (the agent's stderr if it died)."""
        listener.settimeout(0.1)
        deadline = time.monotonic() + _CONNECT_TIMEOUT
        while time.monotonic() < deadline:
            try:
                return listener.accept()[0]
            except TimeoutError:
                if self.process.poll() is not None:
                    error = self.process.stderr.read().decode('utf-8', 'replace')
                    self.process = None
                    raise RequestError(f'the debug agent failed to start: {error}') from None
        self.kill_program()
        raise RequestError('the program did not connect to the adapter')

    def on_configuration_done(self, request: dict) -> None:
        if self.agent is None:
            self.channel.respond(request)
            return

        def configured(response: dict) -> None:
            self.relay(request, response)
            if self.launch_request is not None:
                self.channel.respond(self.launch_request)
                self.launch_request = None
                self.channel.event('process', {
                    'name': self.process.args[-1] if self.process else '',
                    'systemProcessId': self.process.pid if self.process else 0,
                    'isLocalProcess': True, 'startMethod': 'launch'})

        self.forward(request, answer=configured)

    def on_terminate(self, request: dict) -> None:
        self.kill_program()
        self.channel.respond(request)

    def on_disconnect(self, request: dict) -> None:
        self.kill_program()
        self.finished.wait(2.0)
        self.channel.respond(request)
        self.ended = True

    # the agent's side

    def forward(self, request: dict, answer: Callable[[dict], None] | None = None) -> None:
        """Send `request` on to the agent; its response goes back to the client."""
        if self.agent is None or self.agent.closed:
            raise RequestError('no program is running')
        with self.pending_lock:
            seq = self.agent.send({'type': 'request', 'command': request['command'],
                                   'arguments': request.get('arguments', {})})
            if seq == 0:
                raise RequestError('the program is not running any more')
            self.pending[seq] = (request, answer)

    def relay(self, request: dict, response: dict) -> None:
        if response.get('success'):
            self.channel.respond(request, response.get('body'))
        else:
            self.channel.fail(request, response.get('message', 'request failed'))

    def read_agent(self) -> None:
        agent = self.agent
        while True:
            try:
                message = agent.read()
            except ProtocolError:
                continue
            except OSError:
                message = None
            if message is None:
                break
            if message.get('type') == 'response':
                with self.pending_lock:
                    request, answer = self.pending.pop(message.get('request_seq'), (None, None))
                if answer is not None:
                    answer(message)
                elif request is not None:
                    self.relay(request, message)
            elif message.get('type') == 'event':
                if message['event'] == 'stopped':
                    self.drain_output()
                self.channel.event(message['event'], message.get('body'))
        agent.closed = True
        self.fail_pending()

    def fail_pending(self) -> None:
        with self.pending_lock:
            pending = list(self.pending.values())
            self.pending.clear()
        for request, _ in pending:
            self.channel.fail(request, 'the program ended')
        if self.launch_request is not None:
            self.channel.fail(self.launch_request, 'the program ended')
            self.launch_request = None

    def drain_output(self, patience: float = 0.2) -> None:
        """Let the pumps pass on what the program wrote before it stopped: its output and the
        stop travel on different streams, and a person reads them in the program's order."""
        process = self.process
        if process is None:
            return
        descriptors = [stream.fileno() for stream in (process.stdout, process.stderr)
                       if not stream.closed]
        deadline = time.monotonic() + patience
        while descriptors and time.monotonic() < deadline:
            try:
                ready, _, _ = select.select(descriptors, [], [], 0)
            except (OSError, ValueError):
                return
            if not ready:
                return
            time.sleep(0.005)

    def pump(self, stream, category: str) -> None:
        """The program's `stream`, line by line, as output events (a partial line after a
        pause, so prompts show)."""
        decoder = codecs.getincrementaldecoder('utf-8')('replace')
        descriptor = stream.fileno()
        buffered = ''
        while True:
            ready, _, _ = select.select([descriptor], [], [], 0.05 if buffered else None)
            if not ready:
                self.channel.event('output', {'category': category, 'output': buffered})
                buffered = ''
                continue
            data = os.read(descriptor, 65536)
            if not data:
                buffered += decoder.decode(b'', final=True)
                if buffered:
                    self.channel.event('output', {'category': category, 'output': buffered})
                return
            buffered += decoder.decode(data)
            while '\n' in buffered:
                line, _, buffered = buffered.partition('\n')
                self.channel.event('output', {'category': category, 'output': line + '\n'})

    def wait_program(self, process: subprocess.Popen, connection: socket.socket,
                     readers: list[threading.Thread], finished: threading.Event) -> None:
        status = process.wait()
        pumps, reader = readers[:-1], readers[-1]
        for pump in pumps:
            pump.join(2.0)
        try:
            connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        reader.join(2.0)
        self.fail_pending()
        if not self.restarting:
            self.channel.event('exited', {'exitCode': status if status >= 0 else 128 - status})
            self.channel.event('terminated')
        finished.set()

    def kill_program(self) -> None:
        """End the program and everything it started, at once."""
        process = self.process
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            process.kill()
        try:
            process.wait(1.0)
        except subprocess.TimeoutExpired:
            pass
