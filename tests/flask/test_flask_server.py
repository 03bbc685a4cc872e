"""Issue 8: Flask's development server (`app.run(threaded=True)`) served by Memphis on loopback,
answering `http.client` and `curl` as the same app under CPython does, and stopping on Ctrl-C."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
STARTUP_DEADLINE = 300  # seconds; Memphis interprets Flask's imports (about 7 s with its cache)
REQUEST_TIMEOUT = 120
STOP_DEADLINE = 60
CONCURRENT = 20

APP = '''\
"""A small Flask app run by its development server: python3 app.py PORT."""
import sys
import threading

from flask import Flask, Response, abort, jsonify, render_template_string, request

app = Flask(__name__)
# every one of the concurrent requests waits here for the others: only a server handling
# them at the same time (threaded) can answer them
together = threading.Barrier(CONCURRENT, timeout=TIMEOUT)
holding = []
released = threading.Event()
PAGE = """<h1>{{ title|title }}</h1>
<ul>{% for item in items %}<li class="{{ loop.cycle('odd', 'even') }}">{{ item }}</li>{% endfor %}</ul>"""


def squares(n):
    total = 0
    for i in range(n * 500):
        total += i * i % 7
    return total


@app.route("/")
def index():
    return "Hello from the development server"


@app.route("/square/<int:n>")
def square(n):
    return jsonify(n=n, total=squares(n))


@app.route("/together/<int:n>")
def meet(n):
    total = squares(n)
    together.wait()
    return jsonify(n=n, total=total)


@app.route("/page/<title>")
def page(title):
    return render_template_string(PAGE, title=title, items=["<b>", "&", title])


@app.post("/echo")
def echo():
    data = request.get_json()
    return jsonify(received=data, keys=sorted(data)), 201


@app.route("/forbidden")
def forbidden():
    abort(403)


@app.route("/fail")
def fail():
    return {"value": 1 / 0}


@app.route("/stream")
def stream():
    return Response((f"line {i}\\n" for i in range(5)), mimetype="text/plain")


@app.route("/big/<int:kb>")
def big(kb):
    return Response(b"0123456789abcdef" * (kb * 64), mimetype="application/octet-stream")


@app.route("/hold")
def hold():
    holding.append(True)
    released.wait(TIMEOUT)
    return "released"


@app.route("/holding")
def holding_count():
    return str(len(holding))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), threaded=True)
'''.replace('CONCURRENT', str(CONCURRENT)).replace('TIMEOUT', str(REQUEST_TIMEOUT))

# (method, path, JSON body or None), each answered on its own connection
REQUESTS = [
    ('GET', '/', None),
    ('GET', '/square/12', None),
    ('GET', '/page/memphis%20server', None),
    ('POST', '/echo', {'name': 'memphis', 'numbers': [1, 2, 3], 'nested': {'ok': True}}),
    ('GET', '/forbidden', None),
    ('GET', '/no/such/page', None),
    ('GET', '/fail', None),
    ('GET', '/stream', None),
    ('HEAD', '/', None),
]


def total_of(n: int) -> int:
    """What the app's `squares(n)` computes."""
    return sum(i * i % 7 for i in range(n * 500))


def free_port() -> int:
    """A loopback port nothing listens on now (app.run cannot be given port 0)."""
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


class Server:
    """The app's development server in a child process, under CPython or Memphis; its output
    goes to files (a pipe nobody reads would fill up with the request log and block it)."""

    def __init__(self, folder: Path, *, memphis: bool, verbose: bool = False) -> None:
        self.memphis = memphis
        self.port = free_port()
        name = 'memphis' if memphis else 'cpython'
        self.stdout_path = folder / f'{name}-{self.port}.out'
        self.stderr_path = folder / f'{name}-{self.port}.err'
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(('FLASK_', 'WERKZEUG_'))}
        env['PYTHONIOENCODING'] = 'utf-8'
        env['PYTHONPATH'] = os.pathsep.join(filter(None, [str(ROOT), env.get('PYTHONPATH')]))
        memphis_options = ['-m', 'interpreter', *(['-v'] if verbose else [])]
        command = [sys.executable, *(memphis_options if memphis else []), 'app.py',
                   str(self.port)]
        with open(self.stdout_path, 'wb') as stdout, open(self.stderr_path, 'wb') as stderr:
            self.process = subprocess.Popen(command, cwd=folder, env=env, stdout=stdout,
                                            stderr=stderr, stdin=subprocess.DEVNULL)

    def output(self) -> tuple[str, str]:
        return (self.stdout_path.read_text(encoding='utf-8'),
                self.stderr_path.read_text(encoding='utf-8'))

    def wait_until_answering(self) -> None:
        """Poll until the server answers, failing if it dies or the deadline passes."""
        deadline = time.monotonic() + STARTUP_DEADLINE
        while True:
            if self.process.poll() is not None:
                pytest.fail(f'server exited with {self.process.returncode}: {self.output()}')
            try:
                request(self.port, 'GET', '/')
                return
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f'server not answering after {STARTUP_DEADLINE} s: '
                                f'{self.output()}')
                time.sleep(0.1)

    def interrupt(self) -> int:
        """Ctrl-C: SIGINT, then the exit status (the process must end within the deadline)."""
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=STOP_DEADLINE)
        except subprocess.TimeoutExpired:
            pytest.fail(f'still running {STOP_DEADLINE} s after SIGINT: {self.output()}')

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def start_both(folder: Path, *, verbose: bool = False) -> tuple[Server, Server]:
    """(CPython's server, Memphis's server) of the app in `folder`, both answering; `verbose`:
    Memphis reports each import (`-v`)."""
    (folder / 'app.py').write_text(APP, encoding='utf-8')
    servers = Server(folder, memphis=False), Server(folder, memphis=True, verbose=verbose)
    try:
        for server in servers:
            server.wait_until_answering()
    except BaseException:
        for server in servers:
            server.kill()
        raise
    return servers


def request(port: int, method: str, path: str, body=None) -> tuple:
    """(status, reason, headers without Date, body) of one request, on its own connection
    (Werkzeug's server answers `Connection: close`)."""
    connection = http.client.HTTPConnection('127.0.0.1', port, timeout=REQUEST_TIMEOUT)
    try:
        headers = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers['Content-Type'] = 'application/json'
        connection.request(method, path, data, headers)
        response = connection.getresponse()
        content = response.read()
        kept = [(name, value) for name, value in response.getheaders() if name != 'Date']
        return response.status, response.reason, kept, content
    finally:
        connection.close()


@pytest.fixture(scope='module')
def servers(tmp_path_factory):
    cpython, memphis = start_both(tmp_path_factory.mktemp('flask_server'), verbose=True)
    yield cpython, memphis
    for server in (cpython, memphis):
        server.kill()


def test_the_server_is_interpreted(servers) -> None:
    """`memphis -v`: the server's modules are interpreted from source, sockets and select
    bridged."""
    log = servers[1].output()[1]
    imports = dict(re.findall(r"^import '([\w.]+)' # (\w+)", log, re.MULTILINE))
    for name in ('socketserver', 'http.server', 'socket', 'selectors', 'threading',
                 'werkzeug.serving', 'flask.app', 'jinja2.environment'):
        assert imports.get(name) == 'interpreted', name
    for name in ('_socket', 'select', '_thread'):
        assert imports.get(name) == 'bridged', name


def test_every_response_is_cpythons(servers) -> None:
    cpython, memphis = servers
    answers = {}
    for method, path, body in REQUESTS:
        expected = request(cpython.port, method, path, body)
        actual = request(memphis.port, method, path, body)
        assert actual == expected, (method, path)
        answers[method, path] = actual
    # the answers are the app's own, not the same failure twice
    assert answers['GET', '/'][0] == 200
    assert answers['GET', '/'][3] == b'Hello from the development server'
    assert json.loads(answers['GET', '/square/12'][3]) == {'n': 12, 'total': total_of(12)}
    assert b'<h1>Memphis Server</h1>' in answers['GET', '/page/memphis%20server'][3]
    assert b'<li class="odd">&lt;b&gt;</li><li class="even">&amp;</li>' in \
        answers['GET', '/page/memphis%20server'][3]
    assert answers['POST', '/echo'][:2] == (201, 'CREATED')
    assert json.loads(answers['POST', '/echo'][3])['keys'] == ['name', 'nested', 'numbers']
    assert [answers['GET', path][0] for path in ('/forbidden', '/no/such/page', '/fail')] == \
        [403, 404, 500]
    assert answers['GET', '/stream'][3] == b''.join(b'line %d\n' % i for i in range(5))
    assert ('Transfer-Encoding', 'chunked') in answers['GET', '/stream'][2]
    assert answers['HEAD', '/'][0] == 200
    assert answers['HEAD', '/'][3] == b''


def test_large_bodies_both_ways(servers) -> None:
    """A JSON request body of about 1 MB and a 2 MB response go through the bridged sockets
    whole."""
    text = ''.join(chr(0x41 + i % 26) + chr(0x3b1 + i % 20) for i in range(150_000))
    answers = []
    for server in servers:
        answers.append([request(server.port, 'POST', '/echo', {'text': text}),
                        request(server.port, 'GET', '/big/2048')])
    assert answers[1] == answers[0]
    echo, big = answers[1]
    assert echo[0] == 201
    assert json.loads(echo[3])['received']['text'] == text
    assert big[0] == 200
    assert big[3] == b'0123456789abcdef' * (2048 * 64)


def concurrent_requests(port: int, paths: list[str]) -> list:
    """The answers to `paths`, each requested from its own thread at the same time; an
    exception in a thread is its answer."""
    answers: list = [None] * len(paths)

    def fetch(index: int) -> None:
        try:
            answers[index] = request(port, 'GET', paths[index])
        except Exception as error:  # noqa: BLE001 - reported by the assertion
            answers[index] = error

    threads = [threading.Thread(target=fetch, args=(index,)) for index in range(len(paths))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_twenty_concurrent_requests(servers) -> None:
    """20 requests at once, to a route that computes and then waits until all 20 are inside
    it: each gets its own answer, the one CPython's server gives."""
    cpython, memphis = servers
    paths = [f'/together/{n}' for n in range(1, CONCURRENT + 1)]
    expected = concurrent_requests(cpython.port, paths)
    actual = concurrent_requests(memphis.port, paths)
    assert actual == expected
    for n, answer in enumerate(actual, 1):
        assert answer[0] == 200, answer
        assert json.loads(answer[3]) == {'n': n, 'total': total_of(n)}


def curl(*arguments: str) -> bytes:
    executable = shutil.which('curl')
    assert executable is not None, 'curl is needed: install the Debian package curl'
    result = subprocess.run([executable, '--silent', '--show-error', '--max-time',
                             str(REQUEST_TIMEOUT), *arguments], capture_output=True,
                            timeout=REQUEST_TIMEOUT + 30, check=False)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def test_curl_gets_cpythons_answers(servers) -> None:
    cpython, memphis = servers
    answers = []
    for server in (cpython, memphis):
        base = f'http://127.0.0.1:{server.port}'
        answers.append([
            curl(f'{base}/'),
            curl(f'{base}/page/curl'),
            curl('--write-out', '%{http_code} %{content_type}', f'{base}/forbidden'),
            curl('--header', 'Content-Type: application/json', '--data', '{"from": "curl"}',
                 f'{base}/echo'),
            # ten at once, over several connections, answered in any order
            sorted(curl('--parallel', '--parallel-max', '10',
                        *(f'{base}/square/{n}' for n in range(10))).splitlines()),
        ])
    assert answers[1] == answers[0]
    plain, page, forbidden, echo, parallel = answers[1]
    assert plain == b'Hello from the development server'
    assert b'<h1>Curl</h1>' in page
    assert forbidden.endswith(b'403 text/html; charset=utf-8')
    assert json.loads(echo)['received'] == {'from': 'curl'}
    assert sorted(json.loads(line)['n'] for line in parallel) == list(range(10))


def normalised_log(text: str, port: int) -> str:
    """Server output without what differs between two runs: times and the port."""
    text = re.sub(r'\[\d\d/\w+/\d{4} \d\d:\d\d:\d\d\]', '[date]', text)
    text = re.sub(r'\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\]', '[date]', text)
    # how often the test asked whether /hold was reached depends on the server's speed
    text = ''.join(line for line in text.splitlines(keepends=True)
                   if '"GET /holding HTTP/1.1"' not in line)
    return text.replace(f'127.0.0.1:{port}', '127.0.0.1:PORT')


def test_ctrl_c_stops_the_server_as_cpythons(tmp_path) -> None:
    """SIGINT (Ctrl-C) while a request is still being handled: the server stops, with
    CPython's exit status and output (request log and the logged 500 traceback included)."""
    servers = start_both(tmp_path)
    try:
        for server in servers:
            for method, path, body in REQUESTS:
                request(server.port, method, path, body)
            threading.Thread(target=_answer_or_error, args=(server.port, '/hold'),
                             daemon=True).start()
            deadline = time.monotonic() + REQUEST_TIMEOUT
            while request(server.port, 'GET', '/holding')[3] != b'1':
                assert time.monotonic() < deadline, '/hold was never reached'
                time.sleep(0.05)
        statuses = [server.interrupt() for server in servers]
        outputs = [[normalised_log(text, server.port) for text in server.output()]
                   for server in servers]
    finally:
        for server in servers:
            server.kill()
    assert statuses[1] == statuses[0] == 0
    assert outputs[1] == outputs[0]
    stdout, stderr = outputs[1]
    assert ' * Serving Flask app' in stdout
    assert 'Press CTRL+C to quit' in stderr
    assert 'ZeroDivisionError: division by zero' in stderr
    assert stderr.rstrip().splitlines()[-1].endswith('"HEAD / HTTP/1.1" 200 -')


def _answer_or_error(port: int, path: str) -> None:
    """Request `path`; the server may stop before answering."""
    try:
        request(port, 'GET', path)
    except OSError:
        pass
