"""The north star under the debugger: a breakpoint in a route of examples/flask_app, reached
through Flask's test client, with Flask and Werkzeug interpreted (and hidden by justMyCode)."""

from __future__ import annotations

import os

from dap_client import ROOT, DapClient, memphis_command

APP_DIR = os.path.join(ROOT, 'examples', 'flask_app')
APP = os.path.join(APP_DIR, 'app.py')
DEMO = os.path.join(APP_DIR, 'demo.py')


def _line_of(path: str, text: str) -> int:
    with open(path, encoding='utf-8') as handle:
        return next(number for number, line in enumerate(handle, 1) if text in line)


def _stack(client: DapClient, thread: int) -> list[tuple[str, int]]:
    frames = client.request('stackTrace', {'threadId': thread})['body']['stackFrames']
    return [(frame['name'], frame['line']) for frame in frames]


def test_breakpoint_in_a_flask_route():
    line = _line_of(APP, 'return jsonify(number=number, square=number * number)')
    with DapClient(memphis_command(), cwd=APP_DIR) as client:
        client.start(DEMO, {APP: [{'line': line}]}, cwd=APP_DIR)
        thread = client.stopped(timeout=120)['threadId']
        # justMyCode: Flask's and Werkzeug's frames between demo.py and the route are hidden
        assert _stack(client, thread) == [('square', line), ('main', _line_of(
            DEMO, 'response = client.open(')), ('<module>', _line_of(DEMO, '    main()'))]
        top = client.top_frame(thread)
        assert {v['name']: v['value'] for v in client.local_variables(top['id'])} == \
            {'number': '12'}
        path = client.request('evaluate', {'expression': 'request.path', 'frameId': top['id'],
                                           'context': 'repl'})['body']
        assert path['result'] == "'/square/12'"
        # a route's variables can be changed: the response says what the debugger set
        assert client.request('setVariable', {'variablesReference': client.request(
            'scopes', {'frameId': top['id']})['body']['scopes'][0]['variablesReference'],
            'name': 'number', 'value': '5'})['success']
        client.request('setBreakpoints', {'source': {'path': APP}, 'breakpoints': []})
        client.request('continue', {'threadId': thread})
        assert client.event('exited', timeout=120)['body']['exitCode'] == 0
        assert '{"number":5,"square":25}' in client.output('stdout')
