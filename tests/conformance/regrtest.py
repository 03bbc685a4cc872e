"""CPython's regression tests under Memphis: pass counts against CPython's own, same machine, same run.

    python3 -m tests.conformance.regrtest [--jobs N] [--timeout S] [--output FILE] [test_x ...]
    python3 -m tests.conformance.regrtest --baseline   (rewrites regrtest_baseline.json)

Each module runs through regrtest_driver.py under `python3` and under `python3 -m interpreter`;
the report (tests/conformance/REGRTEST.md by default) has one row per module and lists every
test that passes on CPython but not on Memphis, with the cause Memphis gave.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DRIVER = Path(__file__).resolve().parent / 'regrtest_driver.py'
REPORT = Path(__file__).resolve().parent / 'REGRTEST.md'
BASELINE = Path(__file__).resolve().parent / 'regrtest_baseline.json'
# the modules test_regrtest_subset.py runs in the test suite (fast under Memphis)
SUBSET = ['test_grammar', 'test_scope', 'test_class', 'test_augassign']

# the modules issue 4 names, in its order, then others
MODULES = [
    'test_grammar', 'test_scope', 'test_class', 'test_exceptions', 'test_with', 'test_contextlib',
    'test_list', 'test_dict', 'test_set', 'test_string', 'test_int', 'test_float', 'test_bool',
    'test_tuple', 'test_keywordonlyarg', 'test_positional_only_arg', 'test_decorators',
    'test_super', 'test_property', 'test_generators', 'test_raise', 'test_augassign',
    'test_opcodes', 'test_funcattrs', 'test_dataclasses', 'test_enum', 'test_json', 'test_typing',
    'test_functools', 'test_collections', 'test_itertools', 'test_re', 'test_coroutines',
    'test_iter', 'test_builtin', 'test_descr', 'test_syntax', 'test_traceback', 'test_argparse',
    # and more of the language (issue 3): asynchronous generators and context managers,
    # exception groups and except*
    'test_asyncgen', 'test_contextlib_async', 'test_exception_group', 'test_except_star',
]


def run_module(module: str, memphis: bool, timeout: float) -> dict:
    """One module's outcomes under one interpreter (a crash or timeout is recorded as such)."""
    with tempfile.TemporaryDirectory() as folder:
        output = os.path.join(folder, 'outcomes.json')
        command = [sys.executable] + (['-m', 'interpreter'] if memphis else [])
        command += [str(DRIVER), f'test.{module}', output]
        env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8')
        try:
            completed = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=timeout,
                                       env=env, check=False)
        except subprocess.TimeoutExpired:
            return {'module': module, 'crash': f'timeout after {timeout:.0f} s', 'outcomes': {}}
        if not os.path.exists(output):
            tail = completed.stderr.decode('utf-8', 'replace').strip().splitlines()[-1:]
            return {'module': module, 'outcomes': {},
                    'crash': f'exit {completed.returncode}: {" ".join(tail)[:200]}'}
        with open(output, encoding='utf-8') as handle:
            return json.load(handle)


def compare(module: str, cpython: dict, memphis: dict) -> dict:
    passed = {test for test, (outcome, _) in cpython['outcomes'].items() if outcome == 'ok'}
    ours = memphis['outcomes']
    lost = {test: ours.get(test, ('missing', memphis.get('crash') or 'not run'))
            for test in sorted(passed) if ours.get(test, ('',))[0] != 'ok'}
    return {'module': module, 'cpython': len(passed), 'memphis': len(passed) - len(lost),
            'lost': lost, 'crash': memphis.get('crash', ''),
            'seconds': (cpython.get('seconds'), memphis.get('seconds'))}


def write_report(rows: list[dict], path: Path, command: str) -> None:
    total_cpython = sum(row['cpython'] for row in rows)
    total_memphis = sum(row['memphis'] for row in rows)
    lines = [
        '# CPython regression tests under Memphis',
        '',
        f'Regenerate: `{command}` (CPython {sys.version.split()[0]}, both run in the same session).',
        '',
        'A test counts for Memphis when it passes there and passed under CPython; tests CPython',
        'skips or fails are not counted. Causes are the first line of the error Memphis reported.',
        '',
        '| module | CPython passes | Memphis passes | % |',
        '|---|---:|---:|---:|',
    ]
    for row in rows:
        share = 100.0 * row['memphis'] / row['cpython'] if row['cpython'] else 100.0
        note = f" ({row['crash']})" if row['crash'] and not row['memphis'] else ''
        lines.append(f"| {row['module']}{note} | {row['cpython']} | {row['memphis']} | "
                     f'{share:.1f} |')
    share = 100.0 * total_memphis / total_cpython if total_cpython else 100.0
    lines.append(f'| **total** | **{total_cpython}** | **{total_memphis}** | **{share:.1f}** |')
    lines += ['', '## Tests passing on CPython and not on Memphis', '']
    for row in rows:
        if not row['lost']:
            continue
        lines.append(f"### {row['module']} ({len(row['lost'])})")
        lines.append('')
        for test, (outcome, cause) in row['lost'].items():
            short = test.split('.', 2)[-1]
            lines.append(f'- `{short}`: {outcome}: {cause}'.replace('\n', ' '))
        lines.append('')
    path.write_text('\n'.join(lines) + '\n', encoding='utf-8')


def write_baseline(jobs: int, timeout: float) -> int:
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        results = dict(zip(SUBSET, pool.map(lambda m: run_module(m, True, timeout), SUBSET)))
    baseline = {module: sorted(test for test, (outcome, _) in result['outcomes'].items()
                               if outcome == 'ok') for module, result in results.items()}
    BASELINE.write_text(json.dumps(baseline, indent=1, sort_keys=True) + '\n', encoding='utf-8')
    for module, tests in baseline.items():
        print(f'{module}: {len(tests)} passing')
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('modules', nargs='*', default=MODULES)
    parser.add_argument('--jobs', type=int, default=4)
    parser.add_argument('--timeout', type=float, default=1800)
    parser.add_argument('--output', type=Path, default=REPORT)
    parser.add_argument('--baseline', action='store_true',
                        help='record the tests of the CI subset that pass under Memphis')
    args = parser.parse_args(argv)
    if args.baseline:
        return write_baseline(args.jobs, args.timeout)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = {(module, memphis): pool.submit(run_module, module, memphis, args.timeout)
                   for module in args.modules for memphis in (False, True)}
        rows = []
        for module in args.modules:
            row = compare(module, futures[module, False].result(), futures[module, True].result())
            rows.append(row)
            print(f"{module}: CPython {row['cpython']}, Memphis {row['memphis']}"
                  f"{'  ' + row['crash'] if row['crash'] else ''}", flush=True)
    shown = ' '.join(['python3 -m tests.conformance.regrtest', *(argv or sys.argv[1:])])
    write_report(rows, args.output, shown.strip())
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
