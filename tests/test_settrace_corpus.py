"""Every 'call', 'line', 'return' and 'exception' event a `sys.settrace` function receives for
the frames of a corpus program, under Memphis and under CPython, in the same order.

Each program runs through `runpy.run_path` with a tracer installed, its output discarded; the
event list (code name, event, `frame.f_lineno`) is compared. The programs listed are those
whose events agree today. The others differ for reasons kept out of reach (see
docs/architecture.md, step hooks): generators, coroutines and async generators finalized later
than CPython's, whose finalization events come late (a coroutine that ignored GeneratorExit
when finalized is closed again; an async generator the event loop finalizes), a code
given another location table, C-level recursion checks near the recursion limit (CPython
counts a level for exec(), for a call of a class or a builtin taking one argument, for a
comparison: the tracer's `events.append` fails a level or two earlier than Memphis's), host
state that differs (the objects gc sees, sys.modules, sys.meta_path), threads whose events
interleave by timing, and one program whose 25 million events are too many to compare.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / 'tests' / 'programs'

TRACED = [
    'annotations_custom_namespaces', 'annotations_future', 'annotations_module',
    'annotations_name_lookup', 'annotations_starred_args', 'arith_operators',
    'async_comprehensions', 'async_comprehensions_nested', 'async_coroutines',
    'async_generator_aclose_awaits', 'async_generators_protocol', 'async_protocol_messages',
    'big_dict_display', 'bool_logic_truthiness', 'breakpoint_envar_names', 'chained_comparisons',
    'class_attribute_lookup', 'class_cell_nonlocal_methods', 'class_cell_pathologies',
    'class_decorators_metaclass_order', 'class_instances', 'classes_metaclasses', 'closure_cells',
    'closure_cycles_collected', 'closures_scopes', 'code_consts_marshal', 'code_lines_lasti',
    'code_local_names', 'code_objects_not_pickled', 'code_replace_names', 'compile_built_trees',
    'compile_bytes_source_encoding', 'compile_flags_optimize', 'compile_incomplete_input',
    'compile_syntax_error_positions', 'compile_top_level_await', 'comprehension_edge',
    'constants_shared', 'containers_builtin', 'control_flow', 'coroutines_nested',
    'data_model_dispatch', 'debug_is_a_constant', 'decorators', 'deep_operator_trees',
    'del_assert_misc', 'eval_exec_globals', 'eval_mapping_namespaces', 'evaluation_order',
    'exc_info_states', 'except_star', 'exception_cleanup_state',
    'exception_copies_without_traceback', 'exception_hierarchy', 'exceptions_chaining',
    'exec_code_objects', 'exec_missing_builtins', 'faulthandler_dumps', 'format_protocols',
    'frame_clear', 'frame_lineno_after_reraise', 'frames_introspection', 'fstrings_format',
    'function_attributes', 'function_named_top', 'function_type_from_code',
    'generator_close_delegation', 'generator_delegation_attributes', 'generator_expressions_scope',
    'generator_finally', 'generator_stopiteration_handlers', 'generator_throw_bad_arguments',
    'generator_throw_context', 'generator_throw_delegated_arguments', 'generator_throw_reraise',
    'generator_throw_unstarted', 'generator_yield_in_assignments', 'generators_protocol',
    'generators_scopes_mix', 'getframe_lines', 'global_nonlocal_module',
    'host_handed_stdlib_objects', 'host_warnings_routed', 'inplace_fallbacks', 'input_streams',
    'iterators_protocol', 'lambda_default_scopes', 'lambdas_higher_order', 'main_module_misc',
    'mangling_private', 'match_patterns', 'misc_statements', 'module_docstrings',
    'namespaces_collected', 'nested_scopes_in_expressions', 'numbers_builtins',
    'object_creation_protocol', 'object_lifetimes', 'parameters_kinds', 'pdb_jump',
    'pdb_set_trace_steps',
    'pickle_old_protocols', 'pkgutil_iter_modules', 'properties_descriptors_inheritance',
    'qualname_global_declared', 'rebound_parameter_frees_argument', 'resource_warning_lines',
    'scoping_edge_cases', 'setprofile_events', 'settrace_comprehension_lines',
    'settrace_delegation', 'settrace_events', 'settrace_except_star_lines', 'settrace_generators',
    'settrace_multiline_with_except', 'settrace_protocol', 'settrace_running_frames',
    'signal_handler_frames', 'slots_descriptors', 'slots_inheritance', 'stdlib_asyncio_threads',
    'stdlib_collections_functools', 'stdlib_dataclasses_enum_typing', 'stdlib_json_re_text',
    'string_constants_interned', 'strings_bytes', 'super_edge_cases', 'super_mro',
    'syntax_warnings', 'sys_excepthook_default', 'sys_excepthook_failing',
    'sys_namespace_complete', 'sys_streams_and_excepthook', 'tb_assert_call_condition',
    'tb_attribute', 'tb_attribute_multiline', 'tb_attribute_on_none',
    'tb_augassign_attribute_missing', 'tb_augassign_key_missing', 'tb_binop', 'tb_bool_and_repr',
    'tb_call_int', 'tb_cause', 'tb_chained', 'tb_chained_compare_types', 'tb_class_body',
    'tb_custom_exception_args', 'tb_decorator_fails', 'tb_default_argument',
    'tb_dict_display_call', 'tb_exception_group', 'tb_exec_string', 'tb_exit_code',
    'tb_finally_then_raise', 'tb_for_iterator_next', 'tb_for_single_statement',
    'tb_fstring_attribute', 'tb_generator', 'tb_generator_raise_in_for', 'tb_generator_throw',
    'tb_in_methods', 'tb_init_subclass', 'tb_int_parse', 'tb_key_in_dict_comp',
    'tb_keyboard_interrupt', 'tb_kwargs_non_string', 'tb_lambda_listcomp', 'tb_len_of_int',
    'tb_match_and_genexpr', 'tb_math_domain', 'tb_missing_init_argument', 'tb_multiline_call',
    'tb_multiline_message', 'tb_name_error', 'tb_nested_functions', 'tb_notes_and_types',
    'tb_operator_tree_numbers', 'tb_operator_tree_user_types', 'tb_pop_empty', 'tb_raise_e',
    'tb_reraise', 'tb_slice_type', 'tb_str_method_missing', 'tb_subscript', 'tb_subscript_none',
    'tb_systemexit', 'tb_unpack_dict_keys', 'tb_unpack_too_many', 'tb_with_body',
    'threads_joined_at_exit', 'trace_jumps', 'trace_jumps_into_blocks',
    'trace_multiline_headers', 'trace_multiline_statements', 'trace_multiline_targets',
    'traceback_c_printer', 'traceback_crossings',
    'traceback_objects', 'traceback_reraise_in_callee', 'traceback_type_checks',
    'trampoline_parameter_names', 'try_else_control_flow', 'type_call_module_name',
    'types_coroutine_interpreted', 'unpacking', 'unraisable_and_thread_hooks',
    'unstarted_coroutine_locals', 'walrus_comprehensions', 'warnings_as_errors', 'while_try_loops',
    'with_statements', 'yield_from_frame_chain', 'yield_from_iter_once',
    'yield_from_iterator_frames', 'yield_value_suspends',
]

WRAPPER = """\
import contextlib, io, runpy, sys
program = sys.argv[1]
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_filename == program:
        events.append(f'{frame.f_code.co_name}:{event}:{frame.f_lineno}')
    return tracer
sys.argv = [program]
sink = io.StringIO()
try:
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        sys.settrace(tracer)
        try:
            runpy.run_path(program, run_name='__main__')
        finally:
            sys.settrace(None)
except BaseException:
    pass
print('\\n'.join(events))
"""


def events(command: list[str]) -> str:
    env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8')
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=300, env=env,
                               check=False)
    assert completed.returncode == 0, completed.stderr.decode()[-2000:]
    return completed.stdout.decode()


@pytest.mark.parametrize('name', TRACED)
def test_settrace_events_match_cpython(name: str, tmp_path: Path) -> None:
    wrapper = tmp_path / 'trace_program.py'
    wrapper.write_text(WRAPPER, encoding='utf-8')
    program = str(PROGRAMS / f'{name}.py')
    expected = events([sys.executable, str(wrapper), program])
    actual = events([sys.executable, '-m', 'interpreter', str(wrapper), program])
    assert expected.count('\n') > 2  # the program's frames were traced at all
    assert actual == expected
