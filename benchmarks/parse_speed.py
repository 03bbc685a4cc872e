"""Parse throughput: Memphis's parser against parso and CPython's `ast.parse`, in one run.

Parses every top-level `.py` file of the host's standard library (no subpackages) with each
parser and prints lines per second, best of `--repeat` rounds, and Memphis's ratio to each.
Usage: python benchmarks/parse_speed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import ast
import gc
import sysconfig
import time
import warnings
from pathlib import Path


def stdlib_top_level_sources() -> list[str]:
    """Text of every top-level .py file of the host's standard library."""
    root = Path(sysconfig.get_paths()['stdlib'])
    sources = []
    for path in sorted(root.glob('*.py')):
        try:
            text = path.read_text(encoding='utf-8')
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                ast.parse(text)
        except (UnicodeDecodeError, SyntaxError):
            continue
        sources.append(text)
    return sources


def best_time(parse, sources: list[str], repeat: int) -> float:
    """Smallest CPU time of `repeat` rounds parsing all `sources`.

    CPU time of this process, not wall time, so other work on the machine skews it less.
    """
    best = float('inf')
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        for text in sources:
            parse(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument('--repeat', type=int, default=3)
    repeat = options.parse_args().repeat

    import parso

    from interpreter.parser import parse as memphis_parse

    sources = stdlib_top_level_sources()
    lines = sum(text.count('\n') for text in sources)
    grammar = parso.load_grammar(version='3.11')

    def parse_with_ast(text: str) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            ast.parse(text)

    timings = {
        'memphis': best_time(memphis_parse, sources, repeat),
        'parso': best_time(grammar.parse, sources, repeat),
        'ast.parse': best_time(parse_with_ast, sources, repeat),
    }
    print(f'{len(sources)} files, {lines} lines, best of {repeat} (CPU seconds)')
    print(f'{"parser":<10} {"seconds":>8} {"lines/s":>10} {"memphis speed vs this":>22}')
    for name, seconds in timings.items():
        ratio = seconds / timings['memphis']
        print(f'{name:<10} {seconds:8.2f} {lines / seconds:10.0f} {ratio:21.2f}x')


if __name__ == '__main__':
    main()
