"""Flask's development server under CPython and under Memphis, same app, same run.

    python3 benchmarks/flask_speed.py [-n REQUESTS] [--rounds R] [--warmup N] [--cold]

Each interpreter runs the same small app (`app.run(threaded=True)`: a JSON route, and a template
route: `render_template` with inheritance, a loop and filters) on its own loopback port.
Measured: start-up (process start to the first answered request; with --cold, Memphis also with
an empty parse cache), then, after WARMUP requests per route, R rounds of REQUESTS sequential
`http.client` requests per route (Werkzeug's server answers `Connection: close`, so each request
opens a connection, which the threaded server hands to a new thread). Prints the best round's
requests per second (wall clock) and the server's CPU milliseconds per request (from /proc, in
clock ticks: use a few hundred requests; steadier than wall time on a loaded machine), and the
ratios Memphis/CPython. The answers of both servers are compared.
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP_DEADLINE = 600

APP = '''\
import sys

from flask import Flask, jsonify, render_template

app = Flask(__name__)


@app.route("/json/<int:n>")
def numbers(n):
    return jsonify(n=n, squares=[i * i for i in range(n)], total=sum(range(n)))


@app.route("/page/<name>")
def page(name):
    return render_template("page.html", title=name, items=[f"<item {i}>" for i in range(10)])


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), threaded=True)
'''
TEMPLATES = {
    'base.html': '<!doctype html><title>{% block title %}{% endblock %}</title>\n'
                 '<main>{% block content %}{% endblock %}</main>\n',
    'page.html': '{% extends "base.html" %}{% block title %}{{ title|title }}{% endblock %}\n'
                 '{% block content %}<ul>{% for item in items %}'
                 '<li class="{{ loop.cycle(\'odd\', \'even\') }}">{{ item }}</li>\n'
                 '{% endfor %}</ul><p>{{ items|length }} items</p>{% endblock %}\n',
}

ROUTES = {'json': '/json/20', 'template': '/page/benchmark'}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f'/proc/{pid}/stat').read_text().rpartition(')')[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def get(port: int, path: str) -> bytes:
    connection = http.client.HTTPConnection('127.0.0.1', port, timeout=120)
    try:
        connection.request('GET', path)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f'{path}: {response.status} {body[:200]!r}')
        return body
    finally:
        connection.close()


class Server:
    def __init__(self, name: str, command: list[str], folder: str, env: dict) -> None:
        self.name = name
        self.port = free_port()
        self.started = time.perf_counter()
        self.process = subprocess.Popen([*command, 'app.py', str(self.port)], cwd=folder, env=env,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)

    def wait_until_answering(self) -> float:
        """Seconds from the process's start to its first answer."""
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f'{self.name} exited with {self.process.returncode}')
            try:
                get(self.port, ROUTES['json'])
                return time.perf_counter() - self.started
            except OSError:
                if time.perf_counter() - self.started > STARTUP_DEADLINE:
                    raise RuntimeError(f'{self.name} not answering') from None
                time.sleep(0.02)

    def measure(self, path: str, count: int) -> tuple[float, float]:
        """(requests per second, server CPU ms per request) over `count` requests."""
        cpu = cpu_seconds(self.process.pid)
        start = time.perf_counter()
        for _ in range(count):
            get(self.port, path)
        wall = time.perf_counter() - start
        cpu = cpu_seconds(self.process.pid) - cpu
        return count / wall, 1000 * cpu / count

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return -9


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('-n', '--requests', type=int, default=300)
    parser.add_argument('--rounds', type=int, default=3)
    parser.add_argument('--warmup', type=int, default=30)
    parser.add_argument('--cold', action='store_true',
                        help='also time Memphis start-up with an empty parse cache')
    options = parser.parse_args()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(('FLASK_', 'WERKZEUG_', 'MEMPHIS_CACHE'))}
    env['PYTHONPATH'] = os.pathsep.join(filter(None, [str(ROOT), env.get('PYTHONPATH')]))
    commands = {'CPython': [sys.executable], 'Memphis': [sys.executable, '-m', 'interpreter']}
    print(f'load average before: {" ".join(f"{x:.2f}" for x in os.getloadavg())}')
    with tempfile.TemporaryDirectory(prefix='memphis-flask-speed-') as folder:
        Path(folder, 'app.py').write_text(APP)
        Path(folder, 'templates').mkdir()
        for name, text in TEMPLATES.items():
            Path(folder, 'templates', name).write_text(text)
        if options.cold:
            cold_env = dict(env, MEMPHIS_CACHE_DIR=os.path.join(folder, 'cache'))
            server = Server('Memphis', commands['Memphis'], folder, cold_env)
            try:
                print(f'Memphis start-up, empty cache: {server.wait_until_answering():.2f} s')
            finally:
                server.stop()
        servers = {name: Server(name, command, folder, env) for name, command in commands.items()}
        try:
            results = {}
            for name, server in servers.items():
                results[name, 'start-up'] = server.wait_until_answering()
            for route, path in ROUTES.items():
                bodies = {name: get(server.port, path) for name, server in servers.items()}
                if bodies['Memphis'] != bodies['CPython']:
                    raise RuntimeError(f'{route}: the answers differ')
            for name, server in servers.items():
                for path in ROUTES.values():
                    for _ in range(options.warmup):
                        get(server.port, path)
            for _ in range(options.rounds):
                for name, server in servers.items():
                    for route, path in ROUTES.items():
                        rate, cpu = server.measure(path, options.requests)
                        best_rate, best_cpu = results.get((name, route), (0.0, float('inf')))
                        results[name, route] = max(rate, best_rate), min(cpu, best_cpu)
        finally:
            statuses = {name: server.stop() for name, server in servers.items()}
    print(f'start-up to first answer: CPython {results["CPython", "start-up"]:.2f} s, '
          f'Memphis {results["Memphis", "start-up"]:.2f} s '
          f'({results["Memphis", "start-up"] / results["CPython", "start-up"]:.0f}x)')
    print(f'best of {options.rounds} rounds of {options.requests} sequential requests per route, '
          f'after {options.warmup} warm-up requests per route')
    print(f'{"route":<10} {"CPython req/s":>13} {"Memphis req/s":>13} {"ratio":>6}   '
          f'{"CPython CPU ms":>14} {"Memphis CPU ms":>14} {"ratio":>6}')
    for route in ROUTES:
        (c_rate, c_cpu), (m_rate, m_cpu) = (results[name, route] for name in ('CPython', 'Memphis'))
        print(f'{route:<10} {c_rate:>13.1f} {m_rate:>13.1f} {c_rate / m_rate:>5.1f}x   '
              f'{c_cpu:>14.2f} {m_cpu:>14.2f} {m_cpu / c_cpu:>5.1f}x')
    print(f'exit status after SIGINT: CPython {statuses["CPython"]}, '
          f'Memphis {statuses["Memphis"]}')
    print(f'load average after: {" ".join(f"{x:.2f}" for x in os.getloadavg())}')
    return 0 if statuses['Memphis'] == statuses['CPython'] == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
