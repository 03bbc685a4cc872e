"""Beyond debugpy: step back and reverse continue over recorded stops, variables as they were."""

from __future__ import annotations

import os

from dap_client import DapClient, memphis_command

STEPS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'programs', 'steps.py')


def where(client: DapClient, thread: int) -> tuple:
    frame = client.top_frame(thread)
    names = {v['name']: v['value'] for v in client.local_variables(frame['id'])}
    return frame['name'], frame['line'], names.get('acc'), names.get('v')


def test_step_back_and_forward_show_the_variables_as_they_were():
    with DapClient(memphis_command()) as client:
        client.start(STEPS, {STEPS: [{'line': 8}]})
        assert client.initialize['body']['supportsStepBack'] is True
        thread = client.stopped(timeout=30)['threadId']
        live = [where(client, thread)]
        for _ in range(4):
            client.request('next', {'threadId': thread})
            client.stopped(timeout=30)
            live.append(where(client, thread))
        # total: the loop over [1, 2, 3], acc growing
        assert [line for _, line, _, _ in live] == [8, 9, 8, 9, 8]
        assert [acc for _, _, acc, _ in live] == ['0', '0', '1', '1', '5']
        past = []
        for _ in range(4):
            assert client.request('stepBack', {'threadId': thread})['success']
            assert client.stopped()['reason'] == 'step'
            past.append(where(client, thread))
        assert past == live[-2::-1]
        refused = client.request('stepBack', {'threadId': thread})
        assert refused['success'] is False
        frame = client.top_frame(thread)['id']
        value = client.request('evaluate', {'expression': 'acc + 100', 'frameId': frame,
                                            'context': 'watch'})['body']['result']
        assert value == '100'
        changed = client.request('setExpression', {'expression': 'acc', 'value': '7',
                                                   'frameId': frame})
        assert changed['success'] is False
        forward = []
        for _ in range(4):
            client.request('next', {'threadId': thread})
            client.stopped()
            forward.append(where(client, thread))
        assert forward == live[1:]
        # at the present again: stepping runs the program
        client.request('next', {'threadId': thread})
        client.stopped(timeout=30)
        assert where(client, thread) == ('total', 9, '5', '3')


def test_reverse_continue_goes_back_to_the_previous_breakpoint_stop():
    with DapClient(memphis_command()) as client:
        client.start(STEPS, {STEPS: [{'line': 2}]})
        thread = client.stopped(timeout=30)['threadId']
        first = where(client, thread)
        client.request('next', {'threadId': thread})
        client.stopped(timeout=30)
        client.request('continue', {'threadId': thread})
        assert client.stopped(timeout=30)['reason'] == 'breakpoint'
        second = where(client, thread)
        client.request('next', {'threadId': thread})
        client.stopped(timeout=30)
        assert client.request('reverseContinue', {'threadId': thread})['success']
        assert client.stopped()['reason'] == 'breakpoint'
        assert where(client, thread) == second
        client.request('reverseContinue', {'threadId': thread})
        client.stopped()
        assert where(client, thread) == first
        # continue replays forward to the next recorded breakpoint stop, then the present
        client.request('continue', {'threadId': thread})
        assert client.stopped()['reason'] == 'breakpoint'
        assert where(client, thread) == second
        client.request('setBreakpoints', {'source': {'path': STEPS}, 'breakpoints': []})
        client.request('continue', {'threadId': thread})
        client.stopped()
        client.request('continue', {'threadId': thread})
        assert client.event('exited', timeout=30)['body']['exitCode'] == 0
