"""Every navigation query on damaged standard-library modules: an answer, never an exception."""

import os
import random
import sys
import sysconfig

import pytest

from interpreter.analysis.completion import completions
from interpreter.analysis.hover import hover
from interpreter.analysis.module import analyse_module
from interpreter.analysis.navigation import (
    ModuleLoader,
    SourceModule,
    definitions,
    document_highlights,
    references,
)
from interpreter.analysis.rename import RenameError, rename
from interpreter.analysis.selection import selection_ranges
from interpreter.analysis.semantic_tokens import semantic_tokens
from interpreter.analysis.signature import signature_help

STDLIB = sysconfig.get_paths()['stdlib']
CORPUS = sorted(name for name in os.listdir(STDLIB) if name.endswith('.py'))[7::15]


@pytest.mark.parametrize('name', CORPUS)
def test_queries_on_a_damaged_module(name):
    picker = random.Random(name)
    path = os.path.join(STDLIB, name)
    with open(path, encoding='utf-8') as file:
        source = file.read()
    cut = picker.randrange(len(source))
    source = source[:cut] + source[cut + picker.randrange(1, 40):]  # usually a syntax error
    loader = ModuleLoader(sys.path[1:])
    module = SourceModule.from_analysis(analyse_module(source, path), path)
    semantic_tokens(loader, module)
    for _ in range(25):
        lineno = picker.randrange(1, len(module.ranges.lines) + 1)
        col = picker.randrange(len(module.ranges.line(lineno)) + 1)
        definitions(loader, module, lineno, col)
        references(loader, module, lineno, col)
        document_highlights(module, lineno, col)
        hover(loader, module, lineno, col)
        completions(loader, module, lineno, col)
        signature_help(loader, module, lineno, col)
        assert selection_ranges(module.tree, module.ranges, lineno, col)
        try:
            rename(loader, module, lineno, col, 'renamed_name')
        except RenameError:
            pass
