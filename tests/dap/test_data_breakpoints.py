"""Beyond debugpy: data breakpoints (writes to a local, a global or an attribute) over DAP."""

from __future__ import annotations

import os

from dap_client import DapClient, memphis_command

WATCHED = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'programs', 'watched.py')


def scope_reference(client: DapClient, frame_id: int, name: str) -> int:
    scopes = client.request('scopes', {'frameId': frame_id})['body']['scopes']
    return next(s['variablesReference'] for s in scopes if s['name'] == name)


def test_data_breakpoints_on_a_local_a_global_and_an_attribute():
    with DapClient(memphis_command()) as client:
        client.start(WATCHED, {WATCHED: [{'line': 14}]})
        assert client.initialize['body']['supportsDataBreakpoints'] is True
        stop = client.stopped(timeout=30)
        thread = stop['threadId']
        frame = client.top_frame(thread)['id']
        local = client.request('dataBreakpointInfo', {'name': 'total',
                                                      'frameId': frame})['body']
        assert local['accessTypes'] == ['write'] and 'local total' in local['description']
        global_ = client.request('dataBreakpointInfo', {
            'name': 'counter',
            'variablesReference': scope_reference(client, frame, 'Globals')})['body']
        point = client.request('evaluate', {'expression': 'point', 'frameId': frame,
                                            'context': 'watch'})['body']
        attribute = client.request('dataBreakpointInfo', {
            'name': 'x', 'variablesReference': point['variablesReference']})['body']
        assert 'attribute x of Point' in attribute['description']
        refused = client.request('dataBreakpointInfo', {'name': 'nothing_here',
                                                        'frameId': frame})['body']
        assert refused['dataId'] is None
        answer = client.request('setDataBreakpoints', {'breakpoints': [
            {'dataId': info['dataId'], 'accessType': 'write'}
            for info in (local, global_, attribute)] + [{'dataId': 'bogus'}]})['body']
        assert [b['verified'] for b in answer['breakpoints']] == [True, True, True, False]
        client.request('setBreakpoints', {'source': {'path': WATCHED}, 'breakpoints': []})
        client.request('continue', {'threadId': thread})
        seen = []
        while True:
            event = client.next_of(('stopped', 'exited'), timeout=30)
            if event['event'] == 'exited':
                break
            body = event['body']
            top = client.top_frame(body['threadId'])
            seen.append((body['reason'], top['name'], top['line'], body['description']))
            client.request('continue', {'threadId': body['threadId']})
        assert seen == [
            ('data breakpoint', 'count', 15, 'total changed: <unbound> -> 0'),
            ('data breakpoint', 'count', 15, 'total changed: 0 -> 1'),
            ('data breakpoint', 'count', 15, 'total changed: 1 -> 3'),
            ('data breakpoint', 'count', 15, 'total changed: 3 -> 6'),
            ('data breakpoint', 'bump', 25, 'counter changed: 0 -> 10'),
            ('data breakpoint', 'move', 6, '.x changed: 1 -> 6'),
        ]
        assert client.output('stdout') == '6\nend 10 6\n'
