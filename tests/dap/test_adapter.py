"""memphis-dap driven over DAP as a client does: crashes, exits, loops, threads, bad requests,
the variables view, evaluate, setVariable and the launch options."""

from __future__ import annotations

import json
import os
import re
import time

from dap_client import DapClient, debugpy_command, memphis_command

PROGRAMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'programs')


def program(name: str) -> str:
    return os.path.join(PROGRAMS, name)


def exited(client: DapClient, timeout: float = 30) -> int:
    code = client.event('exited', timeout=timeout)['body']['exitCode']
    client.event('terminated')
    return code


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f'/proc/{pid}/stat') as handle:
            return handle.read().split()[2] != 'Z'
    except OSError:
        return False


def exception_stop(command: list[str]) -> dict:
    with DapClient(command) as client:
        client.start(program('crash.py'), exception_filters=['uncaught'])
        stop = client.stopped()
        frames = client.request('stackTrace', {'threadId': stop['threadId']})['body']
        info = client.request('exceptionInfo', {'threadId': stop['threadId']})['body']
        top = frames['stackFrames'][0]
        names = {v['name']: v['value'] for v in client.local_variables(top['id'])}
        client.request('continue', {'threadId': stop['threadId']})
        code = exited(client)
        return {'reason': stop['reason'], 'code': code, 'names': names,
                'frames': [(f['name'], f['line']) for f in frames['stackFrames']],
                'exception': (info['exceptionId'], info['description'], info['breakMode']),
                'stdout': client.output('stdout'),
                'stderr_last': client.output('stderr').strip().splitlines()[-1]}


def test_uncaught_exception_stops_post_mortem_as_debugpy():
    expected = exception_stop(debugpy_command())
    actual = exception_stop(memphis_command())
    assert actual == expected
    assert actual['stderr_last'] == 'ZeroDivisionError: division by zero'


def test_crash_without_exception_filter_reports_traceback_and_status():
    with DapClient(memphis_command()) as client:
        client.start(program('crash.py'))
        assert exited(client) == 1
        assert 'ZeroDivisionError: division by zero' in client.output('stderr')
        assert client.output('stdout') == 'start\n'
        assert client.process.poll() is None  # the adapter is still there
        assert client.request('threads')['success'] is False  # ... and answering


def test_os_exit_code_reaches_the_client():
    with DapClient(memphis_command()) as client:
        client.start(program('exit_code.py'))
        assert exited(client) == 3
        assert client.output('stdout') == 'before exit\n'


def test_terminate_ends_an_infinite_loop_within_a_second():
    with DapClient(memphis_command()) as client:
        pid = start_looping(client)
        assert process_alive(pid)
        started = time.monotonic()
        assert client.request('terminate')['success']
        client.event('terminated', timeout=5)
        assert time.monotonic() - started < 1.0
        assert not process_alive(pid)
        assert client.request('disconnect')['success']
        client.process.wait(5)
        assert client.process.returncode == 0


def process_id(client: DapClient) -> int:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        with client.lock:
            for event in client.history:
                if event['event'] == 'process':
                    return event['body']['systemProcessId']
        time.sleep(0.05)
    raise TimeoutError('no process event')


def wait_for_output(client: DapClient, text: str) -> str:
    """The program's stdout once it contains `text` (or after 15 s): output and stops travel
    on different streams."""
    deadline = time.monotonic() + 15
    while text not in client.output('stdout') and time.monotonic() < deadline:
        time.sleep(0.05)
    return client.output('stdout')


def start_looping(client: DapClient) -> int:
    """Launch the endless loop, wait until it runs; its process id."""
    client.start(program('forever.py'))
    pid = process_id(client)
    wait_for_output(client, 'looping')
    return pid


def test_stop_on_entry():
    with DapClient(memphis_command()) as client:
        client.start(program('steps.py'), stopOnEntry=True)
        stop = client.stopped()
        assert stop['reason'] == 'entry'
        assert client.top_frame(stop['threadId'])['line'] == 1
        client.request('next', {'threadId': stop['threadId']})
        stop = client.stopped()
        assert (stop['reason'], client.top_frame(stop['threadId'])['line']) == ('step', 6)


def test_pause_stops_a_running_loop_and_disconnect_ends_it():
    with DapClient(memphis_command()) as client:
        pid = start_looping(client)
        threads = client.request('threads')['body']['threads']
        assert [t['name'] for t in threads] == ['MainThread']
        assert client.request('pause', {'threadId': threads[0]['id']})['success']
        stop = client.stopped()
        assert stop['reason'] == 'pause'
        # the loop was running its plain body: it pauses at its next statement or call
        frames = client.request('stackTrace', {'threadId': stop['threadId']})['body']
        shown = [(f['name'], f['line']) for f in frames['stackFrames']]
        assert shown in ([('bump', 2), ('<module>', 8)], [('<module>', 7)], [('<module>', 8)])
        answer = client.request('evaluate', {'expression': 'count > 0',
                                             'frameId': frames['stackFrames'][-1]['id'],
                                             'context': 'watch'})
        assert answer['body']['result'] == 'True'
        client.request('disconnect', {'terminateDebuggee': True})
        client.process.wait(5)
        assert not process_alive(pid)


def test_breakpoint_in_a_thread_stops_that_thread():
    with DapClient(memphis_command()) as client:
        worker = program('threads.py')
        client.start(worker, {worker: [{'line': 8}]})
        stop = client.stopped()
        threads = client.request('threads')['body']['threads']
        assert len(threads) == 2
        main = [t for t in threads if t['name'] == 'MainThread']
        assert len(main) == 1 and main[0]['id'] != stop['threadId']
        frames = client.request('stackTrace', {'threadId': stop['threadId']})['body']
        assert [(f['name'], f['line']) for f in frames['stackFrames']] == [('worker', 8)]
        assert client.request('stackTrace', {'threadId': main[0]['id']})['success'] is False
        names = {v['name']: v['value'] for v in client.local_variables(
            frames['stackFrames'][0]['id'])}
        assert names == {'n': '4'}
        client.request('next', {'threadId': stop['threadId']})
        stop = client.stopped()
        assert client.top_frame(stop['threadId'])['line'] == 9
        client.request('continue', {'threadId': stop['threadId']})
        assert exited(client) == 0
        assert client.output('stdout') == 'result 40\n'
        with client.lock:
            lives = [(e['body']['reason'], e['body']['threadId'] == stop['threadId'])
                     for e in client.history if e['event'] == 'thread']
        assert lives == [('started', False), ('started', True), ('exited', True)]


def test_malformed_and_unsupported_requests_fail_and_the_session_goes_on():
    with DapClient(memphis_command()) as client:
        client.send_raw(b'Content-Length: 9\r\n\r\n{"seq": }')
        client.send_raw(b'Content-Length: 2\r\n\r\n[]')
        answers = [client.request('stepBack', {'threadId': 1}),
                   client.request('threads'),
                   client.request('launch', {'program': 'no/such/file.py'}),
                   client.request('goto', {'threadId': 1, 'targetId': 1}),
                   client.request('initialize', None)]
        assert [a['success'] for a in answers] == [False, False, False, False, True]
        assert all(a['message'] for a in answers[:4])
        with client.lock:
            malformed = client.responses[0]
        assert malformed['success'] is False and 'not a JSON object' in malformed['message']
        body = json.dumps({'seq': 99, 'type': 'request', 'command': 'evaluate',
                           'arguments': 'not an object'}).encode()
        client.send_raw(b'Content-Length: %d\r\n\r\n' % len(body) + body)
        assert client.response(99)['success'] is False
        # a real session still works afterwards
        target = program('steps.py')
        client.start(target, {target: [{'line': 2}]})
        stop = client.stopped()
        assert client.request('scopes', {'frameId': 123456})['success'] is False
        assert client.request('variables', {'variablesReference': 999999})['success'] is False
        assert client.request('stackTrace', {'threadId': 42})['success'] is False
        client.request('disconnect', {'terminateDebuggee': True})
        assert stop['reason'] == 'breakpoint'


def test_logpoints_function_breakpoints_and_hit_counts():
    target = program('steps.py')
    with DapClient(memphis_command()) as client:
        client.initialize = client.request('initialize', {'adapterID': 'memphis'})
        launch = client.send('launch', {'program': target})
        client.event('initialized')
        client.request('setBreakpoints', {'source': {'path': target}, 'breakpoints': [
            {'line': 3, 'logMessage': 'square {n} is {result}'}]})
        answer = client.request('setFunctionBreakpoints', {'breakpoints': [{'name': 'total'}]})
        assert answer['body']['breakpoints'][0]['verified']
        client.request('configurationDone')
        assert client.response(launch)['success']
        stop = client.stopped()
        assert stop['reason'] == 'function breakpoint'
        assert client.top_frame(stop['threadId'])['name'] == 'total'
        client.request('continue', {'threadId': stop['threadId']})
        assert exited(client) == 0
        assert client.output('console') == 'square 1 is 1\nsquare 2 is 4\nsquare 3 is 9\n'


def breakpoint_lines(command: list[str], target: str, lines: range) -> list:
    with DapClient(command) as client:
        client.request('initialize', {'adapterID': 'python'})
        launch = client.send('launch', {'program': target, 'console': 'internalConsole'})
        client.event('initialized')
        answer = client.request('setBreakpoints', {'source': {'path': target}, 'breakpoints': [
            {'line': line} for line in lines]})['body']['breakpoints']
        client.request('configurationDone')
        client.response(launch)
        return [(b['verified'], b['line']) for b in answer]


def test_breakpoint_lines_move_as_debugpy_moves_them():
    target = program('closures.py')
    lines = range(1, 30)
    assert breakpoint_lines(memphis_command(), target, lines) == \
        breakpoint_lines(debugpy_command(), target, lines)


def stop_in_show(client: DapClient) -> tuple[int, dict]:
    target = program('values.py')
    client.start(target, {target: [{'line': 15}, {'line': 7}]})
    stop = client.stopped()
    return stop['threadId'], client.top_frame(stop['threadId'])


def test_variables_paging_foreign_objects_and_evaluate_names():
    with DapClient(memphis_command()) as client:
        _, frame = stop_in_show(client)
        variables = {v['name']: v for v in client.local_variables(frame['id'])}
        assert variables['pattern']['type'] == 're.Pattern (CPython)'
        assert 'foreign' in variables['pattern']['presentationHint']['attributes']
        assert variables['pattern']['value'] == "re.compile('\\\\d+')"
        assert 'presentationHint' not in variables['total']
        assert variables['found']['value'] == "['1', '22']"
        children = client.request('variables', {
            'variablesReference': variables['pattern']['variablesReference']})['body']
        names = [c['name'] for c in children['variables']]
        assert {'flags', 'groupindex', 'groups', 'pattern'} <= set(names)
        assert names[:2] == ['special variables', 'function variables']
        page = client.request('variables', {
            'variablesReference': variables['numbers']['variablesReference'],
            'filter': 'indexed', 'start': 1000, 'count': 3})['body']['variables']
        assert [(v['name'], v['value'], v['evaluateName']) for v in page] == [
            ('1000', '1000', 'numbers[1000]'), ('1001', '1001', 'numbers[1001]'),
            ('1002', '1002', 'numbers[1002]')]
        entries = client.request('variables', {
            'variablesReference': variables['mapping']['variablesReference']})['body']
        assert [(v['name'], v.get('evaluateName')) for v in entries['variables']] == [
            ('special variables', None), ('function variables', None),
            ("'alpha'", "mapping['alpha']"), ('2', 'mapping[2]'), ('len()', 'len(mapping)')]
        everything = client.request('variables', {
            'variablesReference': variables['numbers']['variablesReference']})['body']
        assert len(everything['variables']) == 2 + 1000  # folders, then a first page of items
        named = client.request('variables', {
            'variablesReference': variables['numbers']['variablesReference'],
            'filter': 'named'})['body']['variables']
        assert [v['name'] for v in named] == ['special variables', 'function variables', 'len()']
        for entry in entries['variables'][2:]:
            if entry['name'] != 'len()':
                value = client.request('evaluate', {'expression': entry['evaluateName'],
                                                    'frameId': frame['id'],
                                                    'context': 'watch'})['body']
                assert value['result'] == entry['value']


def test_evaluate_contexts_set_variable_and_scopes():
    with DapClient(memphis_command()) as client:
        thread, frame = stop_in_show(client)
        evaluate = lambda text, context: client.request(
            'evaluate', {'expression': text, 'frameId': frame['id'], 'context': context})
        assert evaluate('total * 2', 'watch')['body']['result'] == str(2 * sum(range(2500)))
        assert evaluate('pattern', 'hover')['body']['type'] == 're.Pattern (CPython)'
        assert evaluate('undefined_name', 'watch')['success'] is False
        assert 'NameError' in evaluate('undefined_name', 'watch')['message']
        assert evaluate('extra = total + 1', 'repl')['success']
        assert evaluate('extra', 'repl')['body']['result'] == str(sum(range(2500)) + 1)
        assert evaluate('x = 1 +', 'repl')['success'] is False
        scopes = client.request('scopes', {'frameId': frame['id']})['body']['scopes']
        assert [s['name'] for s in scopes] == ['Locals', 'Globals']
        answer = client.request('setVariable', {'variablesReference':
                                                scopes[0]['variablesReference'],
                                                'name': 'total', 'value': '7 * 6'})
        assert answer['body']['value'] == '42'
        clip = evaluate('found', 'clipboard')['body']['result']
        assert clip == "['1', '22']"
        assigned = client.request('setExpression', {'expression': 'mapping[2][0]',
                                                    'value': '30 + 3', 'frameId': frame['id']})
        assert assigned['body']['value'] == '33'
        assert evaluate('mapping', 'watch')['body']['result'] == "{'alpha': 1, 2: [33, 4]}"
        assert client.request('setExpression', {'expression': 'len(found)', 'value': '1',
                                                'frameId': frame['id']})['success'] is False
        client.request('continue', {'threadId': thread})
        stop = client.stopped()
        assert wait_for_output(client, 'total 42\n') == 'total 42\n'
        frames = client.request('stackTrace', {'threadId': stop['threadId'], 'startFrame': 0,
                                               'levels': 5})['body']
        assert frames['totalFrames'] == 32
        assert [f['name'] for f in frames['stackFrames']] == ['recurse'] * 5
        rest = client.request('stackTrace', {'threadId': stop['threadId'], 'startFrame': 30,
                                             'levels': 5})['body']['stackFrames']
        assert [(f['name'], f['line']) for f in rest] == [('recurse', 8), ('<module>', 22)]
        globals_ref = client.request('scopes', {'frameId': rest[1]['id']})['body']['scopes']
        names = [v['name'] for v in client.request('variables', {
            'variablesReference': globals_ref[0]['variablesReference']})['body']['variables']]
        assert names[:2] == ['special variables', 'function variables']
        assert {'mapping', 'numbers', 're'} <= set(names)


def test_closure_scope_lists_free_variables():
    target = program('closures.py')
    with DapClient(memphis_command()) as client:
        client.start(target, {target: [{'line': 8}]})
        stop = client.stopped()
        frame = client.top_frame(stop['threadId'])
        scopes = client.request('scopes', {'frameId': frame['id']})['body']['scopes']
        assert [s['name'] for s in scopes] == ['Locals', 'Closure', 'Globals']
        closure = client.request('variables', {
            'variablesReference': scopes[1]['variablesReference']})['body']['variables']
        assert [(v['name'], v['value']) for v in closure] == [('count', '10')]


def test_raised_exceptions_stop_where_raised_like_debugpy():
    target = program('raising.py')
    expected = exception_filter_stops(debugpy_command(), target, ['raised'])
    assert exception_filter_stops(memphis_command(), target, ['raised']) == expected
    assert len(expected[0]) == 2


def test_port_option_serves_one_client():
    import socket
    import subprocess
    import sys

    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        free = probe.getsockname()[1]
    root = os.path.dirname(os.path.dirname(os.path.dirname(PROGRAMS)))
    server = subprocess.Popen([sys.executable, '-m', 'memphis_dap', '--port', str(free)],
                              env=dict(os.environ, PYTHONPATH=root), cwd=root)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                connection = socket.create_connection(('127.0.0.1', free))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        with connection:
            body = b'{"seq": 1, "type": "request", "command": "initialize", "arguments": {}}'
            connection.sendall(b'Content-Length: %d\r\n\r\n' % len(body) + body)
            data = b''
            while b'supportsConfigurationDoneRequest' not in data:
                chunk = connection.recv(65536)
                assert chunk
                data += chunk
            assert re.match(rb'Content-Length: \d+\r\n\r\n', data)
    finally:
        server.wait(10)
    assert server.returncode == 0


def test_launch_arguments_cwd_and_environment(tmp_path):
    with DapClient(memphis_command()) as client:
        client.start(program('launch_options.py'), args=['one', 'two words'], cwd=str(tmp_path),
                     env={'MEMPHIS_DAP_TEST': 'yes'})
        assert exited(client) == 0
        assert client.output('stdout') == (f"args ['one', 'two words']\ncwd {tmp_path.name}\n"
                                           'env yes\n')


def exception_filter_stops(command: list[str], target: str, filters: list[str]) -> list:
    with DapClient(command) as client:
        client.start(target, exception_filters=filters)
        stops = []
        while True:
            event = client.next_of(('stopped', 'exited'))
            if event['event'] == 'exited':
                break
            thread = event['body']['threadId']
            frames = client.request('stackTrace', {'threadId': thread})['body']['stackFrames']
            info = client.request('exceptionInfo', {'threadId': thread})['body']
            # debugpy marks the frame it pauses in of a longer exception trace in its name
            stops.append((event['body']['reason'],
                          [(f['name'].removesuffix(' (Current frame)'), f['line'])
                           for f in frames if 'runpy' not in f['source'].get('path', '')],
                          info['exceptionId'].split()[0], info['breakMode']))
            client.request('continue', {'threadId': thread})
        return stops, client.output('stdout')


def test_user_unhandled_stops_where_an_exception_leaves_user_code_like_debugpy():
    target = program('user_unhandled.py')
    expected = exception_filter_stops(debugpy_command(), target, ['userUnhandled'])
    assert exception_filter_stops(memphis_command(), target, ['userUnhandled']) == expected
    assert len(expected[0]) == 1


def test_exceptions_raised_in_generators_like_debugpy():
    target = program('generators.py')
    expected = exception_filter_stops(debugpy_command(), target, ['raised'])
    assert exception_filter_stops(memphis_command(), target, ['raised']) == expected
    assert len(expected[0]) == 2


def test_threads_of_the_interpreted_threading_module_are_named():
    target = program('named_thread.py')
    with DapClient(memphis_command()) as client:
        client.start(target, {target: [{'line': 5}]})
        stop = client.stopped()
        threads = {t['id']: t['name'] for t in client.request('threads')['body']['threads']}
        assert threads[stop['threadId']] == 'cruncher'
        assert sorted(threads.values()) == ['MainThread', 'cruncher']
        client.request('continue', {'threadId': stop['threadId']})
        assert exited(client) == 0
        assert client.output('stdout') == 'joined\n'
