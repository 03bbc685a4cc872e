"""gotoTargets and goto: go on at another line of the stopped frame, compared with debugpy."""

from __future__ import annotations

import os

import pytest
from dap_client import DapClient, debugpy_command, memphis_command

PROGRAM = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'programs', 'jumps.py')


def _goto(client: DapClient, thread: int, line: int) -> dict:
    targets = client.request('gotoTargets', {'source': {'path': PROGRAM}, 'line': line})
    assert targets['success'], targets
    found = targets['body']['targets']
    assert [target['line'] for target in found] == [line]
    return client.request('goto', {'threadId': thread, 'targetId': found[0]['id']})


def _locals(client: DapClient, frame_id: int) -> dict:
    return {v['name']: v['value'] for v in client.local_variables(frame_id)
            if not v['name'].startswith('(')}


def _jump_out_of_the_loop(command: list[str]) -> list:
    """Stop in the loop body with item 1, jump to the line after the loop, then back to the
    function's first line, and run to the end; what each stop showed, and the output."""
    seen = []
    with DapClient(command) as client:
        client.start(PROGRAM, {PROGRAM: [{'line': 4}]})
        thread = client.stopped(timeout=30)['threadId']
        top = client.top_frame(thread)
        seen.append((top['line'], _locals(client, top['id'])))
        client.request('setBreakpoints', {'source': {'path': PROGRAM}, 'breakpoints': []})
        assert _goto(client, thread, 7)['success']
        stop = client.stopped(timeout=30)
        top = client.top_frame(thread)
        seen.append((stop['reason'], top['line'], _locals(client, top['id'])))
        client.request('next', {'threadId': thread})
        client.stopped(timeout=30)
        top = client.top_frame(thread)
        seen.append((top['line'], _locals(client, top['id'])))
        client.request('continue', {'threadId': thread})
        seen.append(client.event('exited', timeout=30)['body']['exitCode'])
        seen.append(client.output('stdout'))
    return seen


def test_goto_out_of_a_loop_is_what_debugpy_does():
    ours = _jump_out_of_the_loop(memphis_command())
    assert ours == _jump_out_of_the_loop(debugpy_command())
    assert ours[1][:2] == ('goto', 7)
    assert ours[-1].startswith('total 0\nresult 0\n')  # stopped before 'total += item' ran


def test_goto_backwards_runs_the_lines_again_and_refusals_keep_the_session():
    with DapClient(memphis_command()) as client:
        client.start(PROGRAM, {PROGRAM: [{'line': 8}]})
        assert client.initialize['body']['supportsGotoTargetsRequest'] is True
        thread = client.stopped(timeout=30)['threadId']
        # no statement starts on a blank line: no target
        blank = client.request('gotoTargets', {'source': {'path': PROGRAM}, 'line': 10})
        assert blank['success'] and blank['body']['targets'] == []
        # into a loop's body from outside: refused with CPython's reason, the thread stays
        refused = _goto(client, thread, 6)
        assert refused['success'] is False
        assert refused['message'] == "can't jump into the body of a for loop"
        # a line of another function (the module's) is not this frame's
        refused = _goto(client, thread, 13)
        assert refused['success'] is False
        assert refused['message'] == 'line 13 comes after the current code block'
        bad = client.request('goto', {'threadId': thread, 'targetId': 999})
        assert bad['success'] is False and 'unknown goto target' in bad['message']
        # the loop again, from the function's first line: total is recomputed
        assert _goto(client, thread, 2)['success']
        stop = client.stopped(timeout=30)
        top = client.top_frame(thread)
        assert (stop['reason'], top['line']) == ('goto', 2)
        assert _locals(client, top['id'])['total'] == '60'
        client.request('continue', {'threadId': thread})
        # the breakpoint on line 8 is met again after the loop ran a second time
        client.stopped(timeout=30)
        top = client.top_frame(thread)
        assert (top['line'], _locals(client, top['id'])['total']) == (8, '60')
        client.request('continue', {'threadId': thread})
        assert client.event('exited', timeout=30)['body']['exitCode'] == 0
        assert client.output('stdout').startswith('big 2\nbig 3\n' * 2 + 'total 60\nresult 60\n')


@pytest.mark.parametrize('line', [5, 6])
def test_goto_from_a_return_stop_is_refused(line):
    """Stepping out of a function stops in the caller mid-statement (at the call's return):
    not at a line event, so no jump; the session goes on."""
    with DapClient(memphis_command()) as client:
        client.start(PROGRAM, {PROGRAM: [{'line': 9}]})
        thread = client.stopped(timeout=30)['threadId']
        client.request('stepOut', {'threadId': thread})
        client.stopped(timeout=30)
        refused = _goto(client, thread, 13 if line == 5 else 12)
        assert refused['success'] is False
        client.request('continue', {'threadId': thread})
        assert client.event('exited', timeout=30)['body']['exitCode'] == 0


def _leave_a_with_for_a_try(command: list[str]) -> list:
    """Stop in a `with` body, jump into the body of the `try` that follows (the `with` is
    left without its `__exit__`, as CPython pops it), step into its `finally`, run to the
    end (`first` was never bound: the program ends with a NameError); what each stop showed,
    the exit code and the output."""
    seen = []
    with DapClient(command) as client:
        client.start(PROGRAM, {PROGRAM: [{'line': 18}]})
        thread = client.stopped(timeout=30)['threadId']
        client.request('setBreakpoints', {'source': {'path': PROGRAM}, 'breakpoints': []})
        assert _goto(client, thread, 20)['success']
        stop = client.stopped(timeout=30)
        top = client.top_frame(thread)
        seen.append((stop['reason'], top['line'], sorted(_locals(client, top['id']))))
        client.request('next', {'threadId': thread})
        client.stopped(timeout=30)
        top = client.top_frame(thread)
        seen.append((top['line'], _locals(client, top['id'])['count']))
        client.request('continue', {'threadId': thread})
        seen.append(client.event('exited', timeout=30)['body']['exitCode'])
        seen.append(client.output('stdout'))
    return seen


def test_goto_out_of_a_with_into_a_try_is_what_debugpy_does():
    ours = _leave_a_with_for_a_try(memphis_command())
    assert ours == _leave_a_with_for_a_try(debugpy_command())
    assert ours[0][:2] == ('goto', 20) and ours[1] == (22, '1') and ours[2] == 1


def _jump_in_a_generator(command: list[str]) -> list:
    seen = []
    with DapClient(command) as client:
        client.start(PROGRAM, {PROGRAM: [{'line': 28}]})
        thread = client.stopped(timeout=30)['threadId']
        client.request('setBreakpoints', {'source': {'path': PROGRAM}, 'breakpoints': []})
        assert _goto(client, thread, 29)['success']
        stop = client.stopped(timeout=30)
        top = client.top_frame(thread)
        seen.append((stop['reason'], top['name'], top['line'], _locals(client, top['id'])))
        client.request('continue', {'threadId': thread})
        seen.append(client.event('exited', timeout=30)['body']['exitCode'])
        seen.append(client.output('stdout'))
    return seen


def test_goto_in_a_generator_is_what_debugpy_does():
    ours = _jump_in_a_generator(memphis_command())
    assert ours == _jump_in_a_generator(debugpy_command())
    assert ours[-1].endswith("('def compute(items):', 1) ['end']\n")
