"""The debug agent: runs inside the program's process, connected back to the adapter.

The program runs in the main thread under Memphis; a control thread reads the adapter's
requests. Whatever touches the program's objects (stack, variables, evaluate) runs in the
stopped program thread itself, posted to it as work, so only the program runs user code.
"""

from __future__ import annotations

import keyword
import os
import queue
import re
import socket
import sys
import threading
from collections.abc import Callable

from interpreter.hooks import (
    Breakpoint,
    Debugger,
    StopEvent,
    Watch,
    evaluate_in_frame,
    executable_lines,
    set_local,
    step_in_targets,
)

from .history import HISTORY_LIMIT, PastFrame, record_stop
from .protocol import Channel, ProtocolError, RequestError
from .variables import (
    Group,
    References,
    Variable,
    children_of,
    group_names,
    has_children,
    present,
    safe_repr,
)

__all__ = ['Agent', 'main']

_WORK_TIMEOUT = 30.0
_RUN_IN_PROGRAM = frozenset({'variables', 'evaluate', 'setVariable', 'setExpression',
                             'exceptionInfo', 'completions'})


class _StoppedThread:
    """A program thread blocked at a stop: it runs posted work until told to resume."""

    def __init__(self, event: StopEvent) -> None:
        self.event = event
        self.work: queue.Queue = queue.Queue()
        self.present = 0  # this stop's index in the thread's history
        self.position = 0  # the recorded stop shown (below `present`: stepped back)


class _Resume:
    def __init__(self, mode: str | None, frame, target: str | None = None) -> None:
        self.mode = mode
        self.frame = frame
        self.target = target


class Agent:
    """The request handlers of the program side; `handlers` maps a command to its method."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.debugger = Debugger(self._on_stop, self._on_log, self._on_thread)
        self.stopped: dict[int, _StoppedThread] = {}
        self.stopped_lock = threading.Lock()
        self.frames = References()
        self.variables = References()
        self.configured = threading.Event()
        self.launch: dict = {}
        self.main_thread = threading.get_ident()
        self.handlers: dict[str, Callable[[dict], dict | None]] = {
            'launch': self.on_launch,
            'setBreakpoints': self.on_set_breakpoints,
            'setFunctionBreakpoints': self.on_set_function_breakpoints,
            'setExceptionBreakpoints': self.on_set_exception_breakpoints,
            'configurationDone': self.on_configuration_done,
            'threads': self.on_threads,
            'stackTrace': self.on_stack_trace,
            'scopes': self.on_scopes,
            'variables': self.on_variables,
            'setVariable': self.on_set_variable,
            'evaluate': self.on_evaluate,
            'setExpression': self.on_set_expression,
            'exceptionInfo': self.on_exception_info,
            'continue': self.on_continue,
            'next': self.on_next,
            'stepIn': self.on_step_in,
            'stepOut': self.on_step_out,
            'pause': self.on_pause,
            'loadedSources': self.on_loaded_sources,
            'modules': self.on_modules,
            'source': self.on_source,
            'completions': self.on_completions,
            'stepInTargets': self.on_step_in_targets,
            'dataBreakpointInfo': self.on_data_breakpoint_info,
            'setDataBreakpoints': self.on_set_data_breakpoints,
            'stepBack': self.on_step_back,
            'reverseContinue': self.on_reverse_continue,
            'restartFrame': self.on_restart_frame,
            'gotoTargets': self.on_goto_targets,
            'goto': self.on_goto,
        }
        self.data_targets: dict[str, tuple[str, object, str]] = {}
        self.history: dict[int, list] = {}
        self.step_targets: dict[int, list[tuple[str, str | None]]] = {}
        self.goto_targets: dict[int, tuple[str, int]] = {}
        self.source_references: dict[str, int] = {}
        self.source_texts: dict[int, str] = {}

    # the control thread

    def serve(self) -> None:
        """Answer the adapter's requests until the connection ends."""
        while True:
            try:
                message = self.channel.read()
            except ProtocolError:
                continue
            except OSError:
                message = None
            if message is None:
                os._exit(0)  # the adapter is gone: nothing is left to debug for
            if message.get('type') != 'request':
                continue
            if message.get('command') in _RUN_IN_PROGRAM:
                # answered by a program thread, which may take long (a slow repr): the control
                # thread stays free for continue, pause and the rest
                threading.Thread(target=self.dispatch, args=(message,), daemon=True).start()
            else:
                self.dispatch(message)

    def dispatch(self, request: dict) -> None:
        handler = self.handlers.get(request.get('command'))
        try:
            if handler is None:
                raise RequestError(f"unsupported request: {request.get('command')!r}")
            body = handler(request.get('arguments') or {})
        except RequestError as error:
            self.channel.fail(request, str(error))
            return
        except Exception as error:  # noqa: BLE001 - a bad request never ends the session
            self.channel.fail(request, f'{type(error).__name__}: {error}')
            return
        self.channel.respond(request, body)

    # configuration

    def on_launch(self, arguments: dict) -> None:
        self.launch = arguments
        self.debugger.user_code_only = bool(arguments.get('justMyCode', True))

    def on_set_breakpoints(self, arguments: dict) -> dict:
        source = arguments.get('source') or {}
        path = source.get('path')
        if not path:
            raise RequestError('setBreakpoints needs source.path')
        wanted = arguments.get('breakpoints')
        if wanted is None:
            wanted = [{'line': line} for line in arguments.get('lines', [])]
        breakpoints = []
        for index, spec in enumerate(wanted):
            breakpoints.append(Breakpoint(
                line=int(spec['line']), condition=spec.get('condition') or None,
                hit_condition=spec.get('hitCondition') or None,
                log_message=spec.get('logMessage'), id=_breakpoint_id(path, index)))
        done = self.debugger.set_breakpoints(path, breakpoints)
        return {'breakpoints': [_breakpoint_body(b, path) for b in done]}

    def on_set_function_breakpoints(self, arguments: dict) -> dict:
        breakpoints = [Breakpoint(function=spec['name'], condition=spec.get('condition'),
                                  id=_breakpoint_id('<function>', index))
                       for index, spec in enumerate(arguments.get('breakpoints', []))]
        done = self.debugger.set_function_breakpoints(breakpoints)
        return {'breakpoints': [{'verified': b.verified, 'id': b.id} for b in done]}

    def on_set_exception_breakpoints(self, arguments: dict) -> dict:
        filters = list(arguments.get('filters', []))
        for option in arguments.get('filterOptions', []) or []:
            filters.append(option.get('filterId'))
        unknown = [name for name in filters if name not in ('raised', 'uncaught',
                                                            'userUnhandled')]
        if unknown:
            raise RequestError(f'unsupported exception filters: {unknown}')
        self.debugger.set_exception_filters(filters)
        return {'breakpoints': [{'verified': True} for _ in filters]}

    def on_data_breakpoint_info(self, arguments: dict) -> dict:
        """What a data breakpoint on `name` would watch: a local of a frame (a free
        variable's cell included), a global, or an attribute of an expanded object."""
        name = arguments.get('name')
        if not isinstance(name, str) or not name:
            raise RequestError('dataBreakpointInfo needs a name')
        reference = arguments.get('variablesReference')
        if reference:
            entry = self.variables.get(reference)
            if entry is None:
                raise RequestError(f'unknown variablesReference {reference}')
            container = entry[1]
            kind = container[0]
            if kind == 'value':
                holder = container[1]
                if isinstance(holder, (dict, list, tuple, set)) or \
                        not isinstance(getattr(holder, '__dict__', None), dict):
                    return _no_data_breakpoint(f'{name}: only attributes of objects with a '
                                               '__dict__, locals and globals can be watched')
                target = ('attribute', holder, name)
            else:
                target = self._frame_target(container[1], name, kind == 'globals')
        else:
            _, frame = self._frame(arguments.get('frameId'))
            target = self._frame_target(frame, name, False)
        if target is None:
            return _no_data_breakpoint(f'{name} is not a variable of this scope')
        kind, holder, name = target
        data_id = f'{kind}:{id(holder)}:{name}'
        self.data_targets[data_id] = target
        where = {'local': f'local {name}', 'global': f'global {name}',
                 'attribute': f'attribute {name} of {type(holder).__name__} object'}[kind]
        return {'dataId': data_id, 'description': f'{where} (when written)',
                'accessTypes': ['write'], 'canPersist': False}

    @staticmethod
    def _frame_target(frame, name: str, global_scope: bool):
        code = frame.f_code
        is_function = frame.names is None or code.kind == 'function'
        if not global_scope and is_function and name in code.slot_names:
            return ('local', frame, name)
        if not global_scope and not is_function and frame.names is not frame.f_globals:
            return ('local', frame, name)  # a class body's namespace
        if name in frame.f_globals or global_scope or not is_function:
            return ('global', frame.f_globals, name)
        return None

    def on_set_data_breakpoints(self, arguments: dict) -> dict:
        watches = []
        shown = []
        for index, spec in enumerate(arguments.get('breakpoints') or []):
            target = self.data_targets.get(spec.get('dataId'))
            if target is None or spec.get('accessType', 'write') != 'write':
                shown.append({'verified': False, 'message': 'unknown dataId or access type '
                              '(only writes are watched)'})
                continue
            watch = Watch(*target, id=_breakpoint_id('<data>', index))
            watches.append(watch)
            shown.append({'verified': True, 'id': watch.id})
        self.debugger.set_watches(watches)
        return {'breakpoints': shown}

    def on_configuration_done(self, arguments: dict) -> None:
        self.configured.set()

    # threads and the stack

    def on_threads(self, arguments: dict) -> dict:
        threads = self.debugger.interpreter_threads()
        if not any(ident == self.main_thread for ident, _ in threads):
            threads.insert(0, (self.main_thread, 'MainThread'))
        return {'threads': [{'id': ident, 'name': name} for ident, name in threads]}

    def _stopped_thread(self, thread_id) -> _StoppedThread:
        with self.stopped_lock:
            stopped = self.stopped.get(thread_id)
        if stopped is None:
            raise RequestError(f'thread {thread_id} is not stopped')
        return stopped

    def in_thread(self, thread_id: int, work: Callable[[], object]):
        """Run `work` in the stopped program thread `thread_id` and return its result."""
        stopped = self._stopped_thread(thread_id)
        answer: queue.Queue = queue.Queue()
        stopped.work.put((work, answer))
        try:
            ok, value = answer.get(timeout=_WORK_TIMEOUT)
        except queue.Empty:
            raise RequestError('the program thread did not answer in time') from None
        if not ok:
            raise value
        return value

    def on_stack_trace(self, arguments: dict) -> dict:
        thread_id = arguments.get('threadId')
        stopped = self._stopped_thread(thread_id)
        frames = [(frame, line) for frame, line in self._view_frames(stopped)
                  if not self.debugger.user_code_only or _shown(frame)]
        start = int(arguments.get('startFrame') or 0)
        levels = int(arguments.get('levels') or 0)
        page = frames[start:start + levels] if levels > 0 else frames[start:]
        result = []
        for frame, line in page:
            frame_id = self.frames.add(thread_id, (frame, line))
            source = self._source(frame.f_code)
            result.append({'id': frame_id, 'name': frame.f_code.co_name, 'line': line,
                           'column': 1, 'source': source})
        return {'stackFrames': result, 'totalFrames': len(frames)}

    def _source(self, code) -> dict:
        """A DAP source: a path, or for code without a file (exec, eval) a reference to the
        text it was compiled from (the `source` request returns it)."""
        from interpreter.compiler import string_sources

        filename = code.co_filename
        if not filename.startswith('<'):
            return {'path': filename}
        text = string_sources.get(code)
        if text is None:
            return {'name': filename, 'sourceReference': 0, 'presentationHint': 'deemphasize'}
        reference = self.source_references.get(text)
        if reference is None:
            reference = self.source_references[text] = len(self.source_references) + 1
            self.source_texts[reference] = text
        return {'name': filename, 'sourceReference': reference}

    def on_source(self, arguments: dict) -> dict:
        reference = arguments.get('sourceReference') or \
            (arguments.get('source') or {}).get('sourceReference')
        if reference:
            text = self.source_texts.get(reference)
            if text is None:
                raise RequestError(f'unknown sourceReference {reference}')
            return {'content': text, 'mimeType': 'text/x-python'}
        path = (arguments.get('source') or {}).get('path')
        if not path:
            raise RequestError('source needs a sourceReference or source.path')
        try:
            with open(path, encoding='utf-8', errors='replace') as handle:
                return {'content': handle.read(), 'mimeType': 'text/x-python'}
        except OSError as error:
            raise RequestError(f'cannot read {path}: {error.strerror}') from None

    def on_loaded_sources(self, arguments: dict) -> dict:
        """Every file (and string) the program has compiled code from so far."""
        with self.debugger.lock:
            codes = {filename: next(iter(list(codes)), None)
                     for filename, codes in list(self.debugger.codes.items())}
        sources = []
        for filename, code in sorted(codes.items()):
            if code is None:
                continue
            if filename.startswith('<'):
                if filename.startswith('<frozen ') or not self._shown_string(code):
                    continue
                # each string is its own source
                for each in list(self.debugger.codes.get(filename, ())):
                    source = self._source(each)
                    if source.get('sourceReference') and source not in sources:
                        sources.append(source)
            else:
                sources.append({'name': os.path.basename(filename), 'path': filename})
        return {'sources': sources}

    @staticmethod
    def _shown_string(code) -> bool:
        from interpreter.compiler import string_sources

        return code in string_sources

    def on_modules(self, arguments: dict) -> dict:
        """The program's `sys.modules`: interpreted modules, and bridged ones (host modules the
        program uses through the bridge) marked `bridged` with symbolStatus saying so."""
        from interpreter.bridge.foreign import describe
        from interpreter.imports.system import import_state

        modules = []
        for name, module in sorted(dict(import_state().modules).items()):
            if module is None:
                continue
            try:
                bridged = describe(module).kind != 'native'
            except Exception:  # noqa: BLE001 - what cannot be described is the host's
                bridged = True
            entry = {'id': name, 'name': name,
                     'symbolStatus': 'bridged (runs on CPython)' if bridged else 'interpreted',
                     'isUserCode': not bridged and _is_user_module(module), 'bridged': bridged}
            path = getattr(module, '__file__', None)
            if isinstance(path, str):
                entry['path'] = path
            modules.append(entry)
        start = int(arguments.get('startModule') or 0)
        count = int(arguments.get('moduleCount') or 0)
        page = modules[start:start + count] if count > 0 else modules[start:]
        return {'modules': page, 'totalModules': len(modules)}

    def on_completions(self, arguments: dict) -> dict:
        """The debug console's completions: names of the frame (locals, globals, builtins,
        keywords), or an object's attributes after a dot."""
        text = arguments.get('text', '')
        column = int(arguments.get('column') or len(text) + 1)
        token = re.search(r'[A-Za-z_][\w.]*$|$', text[:column - 1]).group(0)
        owner, dot, prefix = token.rpartition('.')
        thread_id, frame = self._selected_frame(arguments.get('frameId'), 'completions')

        def complete() -> list:
            if dot:
                try:
                    value = evaluate_in_frame(frame, owner)
                    names = {name: getattr(value, name, None) for name in dir(value)}
                except Exception:  # noqa: BLE001 - nothing to complete on a failing owner
                    return []
            else:
                names = dict(_builtin_names(frame))
                names.update(frame.f_globals)
                names.update(frame.f_locals)
            return [(name, _completion_type(value)) for name, value in names.items()]

        found = dict(self.in_thread(thread_id, complete))
        if not dot:
            found.update(dict.fromkeys(keyword.kwlist, 'keyword'))
        start = column - 1 - len(prefix)
        targets = [{'label': name, 'type': kind, 'start': start, 'length': len(prefix)}
                   for name, kind in sorted(found.items(), key=lambda item: (
                       item[0].startswith('_'), item[0]))
                   if name.lower().startswith(prefix.lower())]  # as debugpy matches
        return {'targets': targets}

    def _selected_frame(self, frame_id, command: str) -> tuple[int, object]:
        """The request's frame; without one, the top frame of a stopped thread."""
        if frame_id is not None:
            return self._frame(frame_id)
        with self.stopped_lock:
            if not self.stopped:
                raise RequestError(f'{command} needs a stopped thread')
            thread_id, stopped = next(iter(self.stopped.items()))
        return thread_id, self._view_frames(stopped)[0][0]

    def _frame(self, frame_id) -> tuple[int, object]:
        entry = self.frames.get(frame_id)
        if entry is None:
            raise RequestError(f'unknown frame id {frame_id}')
        thread_id, (frame, _line) = entry
        return thread_id, frame

    def on_scopes(self, arguments: dict) -> dict:
        thread_id, frame = self._frame(arguments.get('frameId'))
        stopped = self._stopped_thread(thread_id)
        # debugpy shows the exception of an exception stop among the top frame's locals
        error = stopped.event.exception if stopped.event.frames[0][0] is frame else None
        scopes = [{'name': 'Locals', 'presentationHint': 'locals', 'expensive': False,
                   'variablesReference': self.variables.add(thread_id,
                                                            ('locals', frame, error))}]
        if frame.f_code.co_freevars:
            scopes.append({'name': 'Closure', 'expensive': False, 'variablesReference':
                           self.variables.add(thread_id, ('closure', frame))})
        scopes.append({'name': 'Globals', 'expensive': False, 'variablesReference':
                       self.variables.add(thread_id, ('globals', frame))})
        return {'scopes': scopes}

    def on_variables(self, arguments: dict) -> dict:
        entry = self.variables.get(arguments.get('variablesReference'))
        if entry is None:
            raise RequestError(f"unknown variablesReference {arguments.get('variablesReference')}")
        thread_id, container = entry
        start = int(arguments.get('start') or 0)
        count = int(arguments.get('count') or 0)

        def listing() -> list[dict]:
            if container[0] == 'value':
                page = children_of(container[1], container[2], start, count,
                                   arguments.get('filter'))
            else:
                children = _container_children(container)
                page = children[start:start + count] if count > 0 else children[start:]
            return [self._variable(thread_id, child) for child in page]

        return {'variables': self.in_thread(thread_id, listing)}

    def _variable(self, thread_id: int, child) -> dict:
        if isinstance(child, Group):
            shown = {'name': child.name, 'value': '', 'type': '',
                     'variablesReference': self.variables.add(thread_id, ('value', child, None))}
            if child.evaluate_name is not None:
                shown['evaluateName'] = child.evaluate_name
            return shown
        shown = {'name': child.name, **present(child.value)}
        if child.evaluate_name is not None:
            shown['evaluateName'] = child.evaluate_name
        shown['variablesReference'] = self.variables.add(
            thread_id, ('value', child.value, child.evaluate_name)) \
            if has_children(child.value) else 0
        return shown

    def on_set_variable(self, arguments: dict) -> dict:
        entry = self.variables.get(arguments.get('variablesReference'))
        if entry is None:
            raise RequestError('unknown variablesReference')
        thread_id, container = entry
        name = arguments['name']
        text = arguments['value']

        def assign() -> dict:
            frame = _frame_of(container) or self._view_frames(self.stopped[thread_id])[0][0]
            if isinstance(frame, PastFrame):
                raise RequestError('the past cannot be changed: step forward to the present')
            value = evaluate_in_frame(frame, text)
            kind = container[0]
            if kind in ('locals', 'closure'):
                set_local(container[1], name, value)
            elif kind == 'globals':
                container[1].f_globals[name] = value
            else:
                _set_child(container[1], name, value)
            return {**present(value), 'variablesReference': self.variables.add(
                thread_id, ('value', value, None)) if has_children(value) else 0}

        return self.in_thread(thread_id, assign)

    def on_evaluate(self, arguments: dict) -> dict:
        expression = arguments.get('expression', '')
        context = arguments.get('context', 'repl')
        thread_id, frame = self._selected_frame(arguments.get('frameId'), 'evaluate')

        def evaluate() -> dict:
            try:
                value = _evaluate_in_past(frame, expression) if isinstance(frame, PastFrame) \
                    else evaluate_in_frame(frame, expression, statements=context == 'repl')
            except BaseException as error:  # noqa: BLE001 - the user's error is the answer
                raise RequestError(f'{type(error).__name__}: {error}') from None
            shown = present(value)
            if context == 'repl' and value is None:
                shown['value'] = ''
            result = {'result': shown['value'], 'type': shown['type'],
                      'variablesReference': self.variables.add(
                          thread_id, ('value', value, expression))
                      if has_children(value) else 0}
            if 'presentationHint' in shown:
                result['presentationHint'] = shown['presentationHint']
            return result

        return self.in_thread(thread_id, evaluate)

    def on_set_expression(self, arguments: dict) -> dict:
        """Assign to any assignable expression (`a[0]`, `obj.x`, a local) in the frame."""
        thread_id, frame = self._frame(arguments.get('frameId'))
        target = arguments['expression']
        text = arguments['value']

        def assign() -> dict:
            if isinstance(frame, PastFrame):
                raise RequestError('the past cannot be changed: step forward to the present')
            try:
                evaluate_in_frame(frame, f'{target} = ({text})', statements=True)
                value = evaluate_in_frame(frame, target)
            except BaseException as error:  # noqa: BLE001 - the user's error is the answer
                raise RequestError(f'{type(error).__name__}: {error}') from None
            return {**present(value), 'variablesReference': self.variables.add(
                thread_id, ('value', value, target)) if has_children(value) else 0}

        return self.in_thread(thread_id, assign)

    def on_exception_info(self, arguments: dict) -> dict:
        stopped = self._stopped_thread(arguments.get('threadId'))
        error = stopped.event.exception
        if error is None:
            raise RequestError('the thread did not stop on an exception')
        kind = type(error)
        name = kind.__qualname__ if kind.__module__ == 'builtins' else \
            f'{kind.__module__}.{kind.__qualname__}'

        def details() -> dict:
            return {'exceptionId': name, 'description': safe_str(error),
                    'breakMode': 'unhandled' if stopped.event.text == 'uncaught' else 'always',
                    'details': {'message': safe_str(error), 'typeName': name,
                                'fullTypeName': name, 'stackTrace': ''.join(
                                    f'  File "{frame.f_code.co_filename}", line {line}, in '
                                    f'{frame.f_code.co_name}\n'
                                    for frame, line in reversed(stopped.event.frames))}}

        return self.in_thread(arguments.get('threadId'), details)

    # running

    def _view_frames(self, stopped: _StoppedThread) -> list:
        if stopped.position == stopped.present:
            return stopped.event.frames
        return self.history[stopped.event.thread_id][stopped.position].frames

    def _show_past(self, thread_id: int, stopped: _StoppedThread, position: int,
                   reason: str) -> None:
        """Show the recorded stop at `position` (the present one when it is `present`)."""
        stopped.position = position
        self.frames.drop_thread(thread_id)
        self.variables.drop_thread(thread_id)
        self.channel.event('continued', {'threadId': thread_id, 'allThreadsContinued': False})
        self.channel.event('stopped', {'reason': reason, 'threadId': thread_id,
                                       'allThreadsStopped': False})

    def on_restart_frame(self, arguments: dict) -> None:
        """Run the frame's function again from its start, arguments as they were on entry
        (frames above it are unwound: their `finally` blocks run); a `restart` stop follows
        at its first line."""
        thread_id, frame = self._frame(arguments.get('frameId'))
        stopped = self._stopped_thread(thread_id)
        if isinstance(frame, PastFrame):
            raise RequestError('the past cannot be changed: step forward to the present')
        why = self.debugger.can_restart(frame, stopped.event)
        if why is not None:
            raise RequestError(why)
        stopped.work.put(_Resume('restart', frame))

    def on_goto_targets(self, arguments: dict) -> dict:
        """The place to go on at a line of a file: one target when a statement starts on that
        line (what `goto` can aim at), none otherwise."""
        path = (arguments.get('source') or {}).get('path')
        line = arguments.get('line')
        if not isinstance(path, str) or not isinstance(line, int) or isinstance(line, bool):
            raise RequestError('gotoTargets needs a source with a path and a line')
        if line not in executable_lines(path):
            return {'targets': []}
        key = (os.path.realpath(path), line)
        target_id = next((known for known, target in self.goto_targets.items()
                          if target == key), len(self.goto_targets) + 1)
        self.goto_targets[target_id] = key
        text = _source_line(path, line)
        return {'targets': [{'id': target_id, 'line': line,
                             'label': f'{line}: {text}' if text else f'line {line}'}]}

    def on_goto(self, arguments: dict) -> None:
        """Go on at a target of `gotoTargets` in the stopped thread's current frame (CPython's
        `frame.f_lineno = line`); a `goto` stop follows there. Refused, with the reason, when
        the line is not one the frame can jump to (see interpreter.hooks.Debugger.can_jump)."""
        thread_id = arguments.get('threadId')
        target = self.goto_targets.get(arguments.get('targetId'))
        if target is None:
            raise RequestError(f"unknown goto target id {arguments.get('targetId')}")
        stopped = self._stopped_thread(thread_id)
        if stopped.position != stopped.present:
            raise RequestError('the past cannot be changed: step forward to the present')
        path, line = target
        frame = stopped.event.at_line_of
        if frame is not None and os.path.realpath(frame.f_code.co_filename) != path:
            raise RequestError(f'{os.path.basename(path)} is not the file of the current '
                               f'frame ({frame.f_code.co_name} in '
                               f'{os.path.basename(frame.f_code.co_filename)})')
        why = self.debugger.can_jump(stopped.event, line)
        if why is not None:
            raise RequestError(why)
        stopped.work.put(_Resume('goto', frame, line))

    def on_step_back(self, arguments: dict) -> None:
        """Back to the thread's previous recorded stop, with its variables as they were."""
        thread_id = arguments.get('threadId')
        stopped = self._stopped_thread(thread_id)
        if stopped.position == 0:
            raise RequestError('no earlier stop is recorded')
        self._show_past(thread_id, stopped, stopped.position - 1, 'step')

    def on_reverse_continue(self, arguments: dict) -> None:
        """Back to the latest earlier recorded breakpoint stop (the first recorded stop when
        there is none)."""
        thread_id = arguments.get('threadId')
        stopped = self._stopped_thread(thread_id)
        if stopped.position == 0:
            raise RequestError('no earlier stop is recorded')
        history = self.history[thread_id]
        position = next((index for index in range(stopped.position - 1, -1, -1)
                         if history[index].reason == 'breakpoint'), 0)
        self._show_past(thread_id, stopped, position,
                        history[position].reason if position else 'step')

    def _forward_in_past(self, thread_id, mode: str | None) -> bool:
        """Stepping while stepped back replays the record forward (continue: to the next
        recorded breakpoint stop or the present); False when the thread is at its present."""
        stopped = self._stopped_thread(thread_id)
        if stopped.position == stopped.present:
            return False
        history = self.history[thread_id]
        position = stopped.position + 1
        if mode is None:
            while position < stopped.present and history[position].reason != 'breakpoint':
                position += 1
        reason = 'breakpoint' if history[position].reason == 'breakpoint' and mode is None \
            else 'step'
        self._show_past(thread_id, stopped, position, reason)
        return True

    def _resume(self, thread_id, mode: str | None, target: str | None = None) -> None:
        if self._forward_in_past(thread_id, mode):
            return
        stopped = self._stopped_thread(thread_id)
        frame = stopped.event.frames[0][0] if stopped.event.frames else None
        stopped.work.put(_Resume(mode, frame, target))

    def on_continue(self, arguments: dict) -> dict:
        thread_id = arguments.get('threadId')
        with self.stopped_lock:
            targets = [thread_id] if thread_id in self.stopped else list(self.stopped)
        for target in targets:
            self._resume(target, None)
        return {'allThreadsContinued': thread_id not in targets or len(targets) > 1}

    def on_next(self, arguments: dict) -> None:
        self._resume(arguments.get('threadId'), 'over')

    def on_step_in(self, arguments: dict) -> None:
        thread_id = arguments.get('threadId')
        target = None
        if arguments.get('targetId') is not None:
            targets = self.step_targets.get(thread_id) or []
            index = arguments['targetId']
            if not isinstance(index, int) or not 0 <= index < len(targets):
                raise RequestError(f'unknown step-in target {index!r}')
            target = targets[index][1]
        self._resume(thread_id, 'into', target)

    def on_step_in_targets(self, arguments: dict) -> dict:
        """The calls of the frame's current line, in the order they run (debugpy's labels:
        each call's source text); `stepIn` with a `targetId` stops in that one."""
        from interpreter.compiler import string_sources

        entry = self.frames.get(arguments.get('frameId'))
        if entry is None:
            raise RequestError(f"unknown frame id {arguments.get('frameId')}")
        thread_id, (frame, line) = entry
        code = frame.f_code
        text = string_sources.get(code)
        if text is None:
            try:
                with open(code.co_filename, 'rb') as handle:
                    text = handle.read().decode('utf-8', 'replace')
            except OSError:
                text = ''
        targets = step_in_targets(code, line, text) if text else []
        self.step_targets[thread_id] = targets
        return {'targets': [{'id': index, 'label': label}
                            for index, (label, _) in enumerate(targets)]}

    def on_step_out(self, arguments: dict) -> None:
        self._resume(arguments.get('threadId'), 'out')

    def on_pause(self, arguments: dict) -> None:
        thread_id = arguments.get('threadId')
        threads = [ident for ident, _ in self.debugger.interpreter_threads()]
        if thread_id not in threads:
            thread_id = self.main_thread
        self.debugger.pause(thread_id)

    # program-thread side

    def _on_stop(self, event: StopEvent) -> None:
        """In the stopping thread: tell the client, then serve work until resumed."""
        stopped = _StoppedThread(event)
        history = self.history.setdefault(event.thread_id, [])
        history.append(record_stop(event.reason, event.frames))
        del history[:-HISTORY_LIMIT]
        stopped.present = stopped.position = len(history) - 1
        with self.stopped_lock:
            self.stopped[event.thread_id] = stopped
        body = {'reason': event.reason, 'threadId': event.thread_id,
                'allThreadsStopped': False}
        if event.breakpoint_ids:
            body['hitBreakpointIds'] = event.breakpoint_ids
        if event.reason == 'data breakpoint':
            body['text'] = body['description'] = event.text
        if event.exception is not None:
            body['text'] = type(event.exception).__name__
            body['description'] = safe_str(event.exception)
        self.channel.event('stopped', body)
        while True:
            item = stopped.work.get()
            if isinstance(item, _Resume):
                break
            work, answer = item
            try:
                answer.put((True, work()))
            except BaseException as error:  # noqa: BLE001 - handed to the requesting thread
                answer.put((False, error))
        with self.stopped_lock:
            del self.stopped[event.thread_id]
        self.frames.drop_thread(event.thread_id)
        self.variables.drop_thread(event.thread_id)
        self.channel.event('continued', {'threadId': event.thread_id,
                                         'allThreadsContinued': False})
        if item.mode == 'restart':
            self.debugger.restart_frame(event.thread_id, item.frame)
        elif item.mode == 'goto':
            self.debugger.jump(event.thread_id, item.frame, item.target)
        else:
            self.debugger.resume(event.thread_id, item.mode, item.frame, item.target)

    def _on_thread(self, thread_id: int, reason: str) -> None:
        self.channel.event('thread', {'reason': reason, 'threadId': thread_id})

    def _on_log(self, text: str) -> None:
        self.channel.event('output', {'category': 'console', 'output': text})

    def run_program(self) -> int:
        """Wait for configurationDone, then run the program as `__main__` in this thread."""
        from interpreter.runtime.entry import run_main, run_module

        self.configured.wait()
        arguments = self.launch
        program = arguments.get('program')
        module = arguments.get('module')
        if module:
            self.debugger.install()
            _report_uncaught_exceptions(self.debugger, 'report_uncaught')
            self._on_thread(self.main_thread, 'started')
            if arguments.get('stopOnEntry'):
                self.debugger.stop_on_entry(threading.get_ident())
            return run_module(str(module), [str(a) for a in arguments.get('args', [])])
        if not program:
            sys.stderr.write('memphis-dap: launch needs a program\n')
            return 2
        program = os.path.abspath(program)
        argv = [program, *[str(a) for a in arguments.get('args', [])]]
        try:
            with open(program, 'rb') as handle:
                source = handle.read()
        except OSError as error:
            sys.stderr.write(f"{sys.executable}: can't open file {program!r}: "
                             f'[Errno {error.errno}] {error.strerror}\n')
            return 2
        self.debugger.install()
        _report_uncaught_exceptions(self.debugger)
        self._on_thread(self.main_thread, 'started')
        if arguments.get('stopOnEntry'):
            self.debugger.stop_on_entry(threading.get_ident())
        return run_main(source, program, argv)


def _report_uncaught_exceptions(debugger: Debugger, door: str = 'run_code') -> None:
    """The main module's uncaught exception stops the program before it is printed: the
    runner's `run_code` is wrapped (threads are covered by the debugger's thread start).
    Under `module`, runpy runs the code, so the runner's report (`report_uncaught`, called
    with the traceback's frames still alive) is the door instead."""
    from interpreter.runtime import entry

    if door == 'report_uncaught':
        report = entry.report_uncaught

        def reporting(error, *args, **kwargs):
            if not isinstance(error, SystemExit):
                debugger.report_uncaught(error)
            return report(error, *args, **kwargs)

        entry.report_uncaught = reporting
        return
    run_code = entry.run_code

    def run_code_reporting(*args, **kwargs):
        try:
            return run_code(*args, **kwargs)
        except SystemExit:
            raise
        except BaseException as error:
            debugger.report_uncaught(error)
            raise

    entry.run_code = run_code_reporting


def _evaluate_in_past(frame: PastFrame, expression: str):
    """An expression in a recorded frame, over copies of its namespaces (the past stays)."""
    from interpreter.compiler import compile_source
    from interpreter.runtime.builtins import run_code

    code = compile_source(expression, '<string>', 'eval')
    return run_code(code, dict(frame.f_globals), dict(frame.f_locals), None)


def _no_data_breakpoint(why: str) -> dict:
    return {'dataId': None, 'description': why}


def _builtin_names(frame) -> dict:
    names = frame.f_globals.get('__builtins__')
    if names is None:
        return {}
    return names if isinstance(names, dict) else vars(names)


def _completion_type(value) -> str:
    import types

    if isinstance(value, types.ModuleType):
        return 'module'
    if isinstance(value, type):
        return 'class'
    if callable(value):
        return 'function'
    return 'variable'


def _is_user_module(module) -> bool:
    from interpreter.hooks import is_user_file

    path = getattr(module, '__file__', None)
    return isinstance(path, str) and is_user_file(path)


def safe_str(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:  # noqa: BLE001 - a failing __str__ is shown by its type
        return f'<{type(error).__name__}>'


def _shown(frame) -> bool:
    from interpreter.hooks import is_user_file

    return is_user_file(frame.f_code.co_filename)


def _breakpoint_id(path: str, index: int) -> int:
    return (hash((os.path.abspath(path), index)) & 0x3FFFFFFF) or 1


def _breakpoint_body(breakpoint: Breakpoint, path: str) -> dict:
    body = {'id': breakpoint.id, 'verified': breakpoint.verified, 'line': breakpoint.line,
            'source': {'path': path}}
    if breakpoint.message:
        body['message'] = breakpoint.message
    return body


def _frame_of(container: tuple):
    return container[1] if container[0] in ('locals', 'closure', 'globals') else None


def _container_children(container: tuple) -> list:
    kind = container[0]
    frame = container[1]
    code = frame.f_code
    if kind == 'globals':
        names = frame.f_globals
        return group_names([Variable(name, value, name) for name, value in sorted(names.items())],
                           scope=True)
    values = frame.f_locals
    if kind == 'closure':
        return [Variable(name, values[name], name) for name in code.co_freevars
                if name in values]
    items = [Variable(name, value, name) for name, value in sorted(values.items())]
    if container[2] is not None:
        error = container[2]
        items.append(Variable('__exception__', (type(error), error, error.__traceback__),
                              None))
    if frame.names is not None and code.kind != 'function' or container[2] is not None:
        return group_names(items, scope=True)
    # free variables are locals too, as CPython's f_locals shows them (and debugpy with it)
    return items


def _set_child(parent, name: str, value) -> None:
    if isinstance(parent, list):
        parent[int(name)] = value
    elif isinstance(parent, dict):
        for key in parent:
            if safe_repr(key) == name:
                parent[key] = value
                return
        raise RequestError(f'no key {name} in the dict')
    else:
        setattr(parent, name, value)


def _source_line(path: str, line: int) -> str:
    """Line `line` of the file, stripped ('' when unreadable)."""
    try:
        with open(path, 'rb') as handle:
            lines = handle.read().decode('utf-8', 'replace').splitlines()
    except OSError:
        return ''
    return lines[line - 1].strip() if 0 < line <= len(lines) else ''


def main(argv: list[str] | None = None) -> int:
    """`python -m memphis_dap.agent PORT`: connect to the adapter, then run the program."""
    args = sys.argv[1:] if argv is None else argv
    connection = socket.create_connection(('127.0.0.1', int(args[0])))
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    channel = Channel(connection.makefile('rb'), connection.makefile('wb'))
    agent = Agent(channel)
    threading.Thread(target=agent.serve, name='memphis-dap-control', daemon=True).start()
    status = agent.run_program()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001, S110 - nothing more to report if the streams are gone
        pass
    return status


if __name__ == '__main__':
    raise SystemExit(main())
