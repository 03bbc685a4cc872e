"""Beyond debugpy: restart frame runs the selected function again with its entry arguments."""

from __future__ import annotations

import os

from dap_client import DapClient, memphis_command

PROGRAM = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'programs', 'restarted.py')


def test_restart_frame_reruns_the_function_with_its_arguments_as_they_were():
    with DapClient(memphis_command()) as client:
        client.start(PROGRAM, {PROGRAM: [{'line': 4}]})
        assert client.initialize['body']['supportsRestartFrame'] is True
        thread = client.stopped(timeout=30)['threadId']
        frames = client.request('stackTrace', {'threadId': thread})['body']['stackFrames']
        names = {v['name']: v['value'] for v in client.local_variables(frames[0]['id'])}
        assert names == {'values': '[0, 10, 20]', 'factor': '0'}
        # the caller started before any code was instrumented: refused, with the reason
        refused = client.request('restartFrame', {'frameId': frames[1]['id']})
        assert refused['success'] is False and 'instrumented' in refused['message']
        assert client.request('restartFrame', {'frameId': frames[0]['id']})['success']
        stop = client.stopped(timeout=30)
        assert stop['reason'] == 'restart'
        top = client.top_frame(thread)
        assert (top['name'], top['line']) == ('scale', 2)
        names = {v['name']: v['value'] for v in client.local_variables(top['id'])}
        assert names == {'values': '[0, 1, 2]', 'factor': '10'}
        client.request('setBreakpoints', {'source': {'path': PROGRAM}, 'breakpoints': []})
        client.request('continue', {'threadId': thread})
        assert client.event('exited', timeout=30)['body']['exitCode'] == 0
        # the first run never printed (stopped before its print); the rerun printed once
        assert client.output('stdout') == 'scaled [0, 10, 20]\nresult [0, 10, 20]\n'
