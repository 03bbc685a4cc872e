"""The same DAP client script against debugpy (CPython) and memphis-dap: same stops, steps,
locals, evaluate results, output and exit code."""

from __future__ import annotations

import os
import re

import pytest
from dap_client import DapClient, debugpy_command, memphis_command

PROGRAMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'programs')
STEPS = os.path.join(PROGRAMS, 'steps.py')
CLOSURES = os.path.join(PROGRAMS, 'closures.py')
ADDRESS = re.compile(r'0x[0-9a-f]+')


def observe(client: DapClient, stop: dict, *, with_locals: bool = True) -> dict:
    """What a person sees at a stop: reason, frames (name, line) and the top frame's locals."""
    thread = stop['threadId']
    frames = client.request('stackTrace', {'threadId': thread})['body']['stackFrames']
    seen = {'reason': stop['reason'], 'frames': [(f['name'], f['line']) for f in frames]}
    if with_locals and frames[0]['name'] != '<module>':
        seen['locals'] = [(v['name'], ADDRESS.sub('0x?', v['value']), v['type'],
                           v.get('evaluateName'))
                          for v in client.local_variables(frames[0]['id'])]
    return seen


def session(command: list[str], program: str, breakpoints: list[dict], actions: list[str],
            evaluations: tuple[str, ...] = ()) -> dict:
    """Run `program` with `breakpoints`, doing `actions` at successive stops (then continue
    at every further stop until the program ends)."""
    with DapClient(command) as client:
        client.start(program, {program: breakpoints})
        stops = []
        results = []
        actions = list(actions)
        while True:
            event = client.next_of(('stopped', 'exited'))
            if event['event'] == 'exited':
                exited = event['body']['exitCode']
                break
            stop = event['body']
            action = actions.pop(0) if actions else 'continue'
            stops.append(observe(client, stop))
            frame = client.top_frame(stop['threadId'])
            for expression in evaluations:
                answer = client.request('evaluate', {'expression': expression,
                                                     'frameId': frame['id'],
                                                     'context': 'watch'})
                results.append((answer['success'], answer.get('body', {}).get('result')))
            client.request(action, {'threadId': stop['threadId']})
        client.event('terminated')
        return {'stops': stops, 'evaluations': results, 'exit': exited,
                'stdout': client.output('stdout')}


def both(*args, **kwargs) -> tuple[dict, dict]:
    return session(debugpy_command(), *args, **kwargs), session(memphis_command(), *args, **kwargs)


def test_breakpoints_and_steps_match_debugpy():
    actions = ['next', 'next', 'stepIn', 'next', 'stepOut', 'next', 'next']
    expected, actual = both(STEPS, [{'line': 7}], actions)
    assert actual == expected
    assert expected['stdout'] == 'answer 14\n'


def test_stepping_over_returns_into_callers_that_started_plain():
    """Decision 8: the module runs its plain body until the first stop; the step instruments
    the stack's code so that returning into it finds its next line."""
    expected, actual = both(CLOSURES, [{'line': 9}], ['next', 'next', 'stepIn', 'next',
                                                      'stepIn', 'next', 'stepOut', 'next',
                                                      'stepIn', 'next', 'next'])
    assert actual == expected


def test_breakpoint_in_loop_body_and_continue():
    expected, actual = both(STEPS, [{'line': 2}], [],
                            evaluations=('n * 10', 'result', 'numbers', 'undefined_name'))
    assert actual == expected


@pytest.mark.parametrize('spec', [
    {'line': 2, 'condition': 'n == 2'},
    {'line': 9, 'hitCondition': '2'},
    {'line': 9, 'hitCondition': '>= 2'},
    {'line': 9, 'hitCondition': '% 2'},
])
def test_conditional_breakpoints_match_debugpy(spec):
    expected, actual = both(STEPS, [spec], [])
    assert actual == expected


def test_closures_and_methods_match_debugpy():
    actions = ['next', 'stepIn', 'next', 'next', 'stepIn', 'next', 'stepOut']
    expected, actual = both(CLOSURES, [{'line': 8}, {'line': 20}, {'line': 23}], actions,
                            evaluations=('count + 1', 'self.x if "self" in dir() else step'))
    assert actual == expected


LIBRARY = os.path.join(PROGRAMS, 'library.py')


@pytest.mark.parametrize('just_my_code', [True, False])
def test_stepping_into_interpreted_library_code_matches_debugpy(just_my_code):
    def run(command: list[str]) -> list:
        with DapClient(command) as client:
            client.start(LIBRARY, {LIBRARY: [{'line': 5}]}, justMyCode=just_my_code)
            seen = []
            # a multi-line condition gets one line event per line in CPython, one per
            # statement in Memphis: json.dumps's first `if` is left by stepping out
            actions = ('stepIn', 'stepIn', 'stepIn') if just_my_code else \
                ('stepIn', 'stepOut', 'next')
            for action in actions:
                stop = client.stopped()
                frames = client.request('stackTrace', {'threadId': stop['threadId']})['body']
                # debugpy runs the program through runpy; Memphis has no such frames
                seen.append([(f['name'], f['line'], os.path.basename(f['source']['path']))
                             for f in frames['stackFrames']
                             if os.path.basename(f['source']['path']) != 'runpy.py'])
                client.request(action, {'threadId': stop['threadId']})
            client.request('disconnect', {'terminateDebuggee': True})
            return seen

    assert run(memphis_command()) == run(debugpy_command())


VALUES = os.path.join(PROGRAMS, 'values.py')


def children_seen(command: list[str]) -> dict:
    """The children of a dict, a list and a foreign `re.Pattern` at a stop."""
    with DapClient(command) as client:
        client.start(VALUES, {VALUES: [{'line': 15}]})
        stop = client.stopped()
        frame = client.top_frame(stop['threadId'])
        shown = {v['name']: v for v in client.local_variables(frame['id'])}
        seen = {}
        for name in ('mapping', 'found', 'pattern'):
            children = client.request('variables', {
                'variablesReference': shown[name]['variablesReference']})['body']['variables']
            seen[name] = [(c['name'], c['value'], c['type'], c.get('evaluateName'),
                           c['variablesReference'] > 0) for c in children]
        client.request('disconnect', {'terminateDebuggee': True})
        return seen


def test_variable_children_match_debugpy():
    assert children_seen(memphis_command()) == children_seen(debugpy_command())


def test_coroutines_awaiting_each_other_match_debugpy():
    """A breakpoint in an awaited coroutine after it resumed: the call stack shows the
    coroutine awaiting it, then whoever sent to the outer one; stepping goes back up."""
    program = os.path.join(PROGRAMS, 'coroutines.py')
    expected, actual = both(program, [{'line': 11}], ['next', 'next', 'next', 'next'])
    assert actual == expected
    assert expected['stops'][0]['frames'][:4] == [('inner', 11), ('outer', 16), ('drive', 23),
                                                  ('<module>', 28)]
