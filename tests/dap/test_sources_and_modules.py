"""memphis-dap's launch by module, restart, loadedSources, modules, source references for code
without a file, and debug-console completions, driven over DAP (against debugpy where it has
the feature)."""

from __future__ import annotations

import ast
import os

from dap_client import DapClient, debugpy_command, memphis_command

PROGRAMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'programs')


def module_session(command: list[str]) -> dict:
    main = os.path.join(PROGRAMS, 'pkg_demo', '__main__.py')
    with DapClient(command) as client:
        client.start(None, {main: [{'line': 8}]}, module='pkg_demo', args=['bob'],
                     cwd=PROGRAMS)
        stop = client.stopped(timeout=30)
        frames = client.request('stackTrace', {'threadId': stop['threadId']})['body']
        top = frames['stackFrames'][0]
        names = [(v['name'], v['value']) for v in client.local_variables(top['id'])]
        client.request('continue', {'threadId': stop['threadId']})
        code = client.event('exited', timeout=30)['body']['exitCode']
        return {'frames': [(f['name'], f['line'], f['source'].get('path'))
                           for f in frames['stackFrames']],
                'locals': names, 'code': code, 'stdout': client.output('stdout')}


def test_launch_by_module_stops_and_runs_like_debugpy():
    expected = module_session(debugpy_command())
    actual = module_session(memphis_command())
    assert actual == expected
    assert actual['stdout'] == 'hello bob [1]\n'


def test_launch_by_module_missing_fails_like_python():
    with DapClient(memphis_command()) as client:
        client.start(None, module='no_such_module_here', cwd=PROGRAMS)
        assert client.event('exited', timeout=30)['body']['exitCode'] == 1
        assert 'No module named no_such_module_here' in client.output('stderr')


def test_launch_needs_program_or_module():
    with DapClient(memphis_command()) as client:
        client.request('initialize', {'adapterID': 'memphis'})
        both = client.request('launch', {'program': 'x.py', 'module': 'x'})
        neither = client.request('launch', {})
        assert (both['success'], neither['success']) == (False, False)
        assert 'not both' in both['message']


def test_restart_runs_the_program_again_with_its_breakpoints():
    steps = os.path.join(PROGRAMS, 'steps.py')
    with DapClient(memphis_command()) as client:
        client.start(steps, {steps: [{'line': 2}]})
        assert client.initialize['body']['supportsRestartRequest'] is True
        first = client.event('process')['body']['systemProcessId']
        stop = client.stopped()
        assert client.top_frame(stop['threadId'])['line'] == 2
        assert client.request('restart', {}, timeout=30)['success'] is True
        second = client.event('process')['body']['systemProcessId']
        assert second != first
        stop = client.stopped(timeout=30)
        frame = client.top_frame(stop['threadId'])
        assert (frame['name'], frame['line']) == ('square', 2)
        assert client.request('setBreakpoints', {'source': {'path': steps},
                                                 'breakpoints': []})['success']
        client.request('continue', {'threadId': stop['threadId']})
        assert client.event('exited', timeout=30)['body']['exitCode'] == 0
        assert [e['event'] for e in client.history].count('exited') == 1
        assert client.output('stdout') == 'answer 14\n'


def test_code_without_a_file_has_a_source_reference_and_loaded_sources():
    strings = os.path.join(PROGRAMS, 'strings.py')
    with DapClient(memphis_command()) as client:
        client.request('initialize', {'adapterID': 'memphis'})
        launch = client.send('launch', {'program': strings})
        client.event('initialized')
        client.request('setFunctionBreakpoints', {'breakpoints': [{'name': 'made'}]})
        client.request('configurationDone')
        client.response(launch)
        stop = client.stopped(timeout=30)
        frame = client.top_frame(stop['threadId'])
        assert (frame['name'], frame['line']) == ('made', 3)
        source = frame['source']
        assert source['name'] == '<string>' and source['sourceReference'] > 0
        text = client.request('source', {'sourceReference': source['sourceReference'],
                                         'source': source})['body']['content']
        with open(strings) as handle:
            tree = ast.parse(handle.read())
        assert text == next(node.value.value for node in tree.body if isinstance(node, ast.Assign)
                            and node.targets[0].id == 'source')
        assert client.request('source', {'sourceReference': 999})['success'] is False
        loaded = client.request('loadedSources')['body']['sources']
        assert {'name': 'strings.py', 'path': strings} in loaded
        assert source in loaded
        client.request('continue', {'threadId': stop['threadId']})
        assert client.event('exited', timeout=30)['body']['exitCode'] == 0


def test_modules_lists_interpreted_and_bridged_modules():
    strings = os.path.join(PROGRAMS, 'strings.py')
    with DapClient(memphis_command()) as client:
        client.start(strings, {strings: [{'line': 12}]})
        client.stopped(timeout=30)
        body = client.request('modules')['body']
        modules = {m['name']: m for m in body['modules']}
        assert body['totalModules'] == len(modules)
        expected = client.request('evaluate', {
            'expression': "sorted(n for n, m in __import__('sys').modules.items() "
                          "if m is not None)", 'context': 'repl'})['body']['result']
        assert sorted(modules) == ast.literal_eval(expected)
        main = modules['__main__']
        assert (main['bridged'], main['path'], main['isUserCode']) == (False, strings, True)
        assert main['symbolStatus'] == 'interpreted'
        bridged = [m for m in modules.values() if m['bridged']]
        assert bridged and all(m['symbolStatus'] == 'bridged (runs on CPython)'
                               for m in bridged)
        page = client.request('modules', {'startModule': 1, 'moduleCount': 2})['body']
        assert page['modules'] == body['modules'][1:3]


def completions(command: list[str]) -> dict:
    steps = os.path.join(PROGRAMS, 'steps.py')
    with DapClient(command) as client:
        client.start(steps, {steps: [{'line': 9}]})
        stop = client.stopped(timeout=30)
        frame = client.top_frame(stop['threadId'])['id']
        found = {}
        for text in ('ac', 'x = va', 'values.ap', 'squ', 'table.ke'):
            body = client.request('completions', {'frameId': frame, 'text': text,
                                                  'column': len(text) + 1})['body']
            found[text] = sorted(t['label'] for t in body['targets'])
        return found


def test_completions_in_the_frame_like_debugpy():
    expected = completions(debugpy_command())
    actual = completions(memphis_command())
    assert actual == expected
    assert actual['ac'] == ['acc']
    assert actual['x = va'] == ['ValueError', 'values', 'vars']


def step_into_each_target(command: list[str]) -> list:
    targets_program = os.path.join(PROGRAMS, 'step_targets.py')
    with open(targets_program) as handle:
        line_text = handle.read().splitlines()[14]
    seen = []
    for pick in range(3):
        with DapClient(command) as client:
            client.start(targets_program, {targets_program: [{'line': 15}]})
            stop = client.stopped(timeout=30)
            frame = client.top_frame(stop['threadId'])
            targets = client.request('stepInTargets', {'frameId': frame['id']})['body']
            # debugpy also offers the next line's call (print): only this line's are compared
            labels = [t['label'] for t in targets['targets'] if t['label'] in line_text]
            chosen = targets['targets'][pick]
            assert chosen['label'] == labels[pick]
            client.request('stepIn', {'threadId': stop['threadId'], 'targetId': chosen['id']})
            stop = client.stopped(timeout=30)
            frame = client.top_frame(stop['threadId'])
            seen.append((labels, stop['reason'], frame['name'], frame['line']))
    return seen


def test_step_in_targets_like_debugpy():
    expected = step_into_each_target(debugpy_command())
    actual = step_into_each_target(memphis_command())
    assert actual == expected
    assert [name for _, _, name, _ in actual] == ['inner', 'method', 'outer']
