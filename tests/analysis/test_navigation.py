"""Go to definition, references and document highlights, in a file and across modules."""

import os
import sysconfig

import pytest
from navigation_workspace import FILES, make_workspace, position_of, source_module

from interpreter.analysis.navigation import definitions, document_highlights, references
from interpreter.analysis.node_ranges import NodeRanges

STDLIB = sysconfig.get_paths()['stdlib']


@pytest.fixture
def workspace(tmp_path):
    return make_workspace(tmp_path)


def _text_at(path, rng):
    with open(path, encoding='utf-8') as file:
        return NodeRanges(file.read()).text(rng)


def _definition(workspace, name, needle, nth=0, offset=0):
    loader, paths = workspace
    module = loader.load(paths[name])
    found = definitions(loader, module, *position_of(FILES[name], needle, nth, offset))
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize('needle, nth, file, line, text', [
    ('Engine', 1, 'pkg/core.py', 10, 'Engine'),       # through the package's re-export
    ('B', 0, 'pkg/core.py', 5, 'Base'),               # an aliased from-import
    ('run', 0, 'pkg/core.py', 17, 'run'),             # a method of an instance
    ('fuel', 0, 'pkg/core.py', 15, 'fuel'),           # an attribute set in __init__
    ('shared', 0, 'pkg/core.py', 6, 'shared'),        # inherited from a base class
    ('speed', 0, 'pkg/core.py', 12, 'speed'),         # a class attribute, dotted module path
])
def test_definition_across_workspace_modules(workspace, needle, nth, file, line, text):
    _loader, paths = workspace
    found = _definition(workspace, 'main.py', needle, nth)
    assert found.path == paths[file]
    assert found.range[0] == line
    assert _text_at(found.path, found.range) == text


def test_definition_into_the_standard_library(workspace):
    found = _definition(workspace, 'main.py', 'loads', 0)
    assert found.path == os.path.join(STDLIB, 'json', '__init__.py')
    assert _text_at(found.path, found.range) == 'loads'
    # os.path is bound at run time by os (`import posixpath as path`): followed through os.
    found = _definition(workspace, 'main.py', 'join', 0)
    assert os.path.basename(found.path) == 'posixpath.py'
    assert _text_at(found.path, found.range) == 'join'
    module = _definition(workspace, 'main.py', 'json', 0, 1)
    assert module.path.endswith(os.path.join('json', '__init__.py'))
    assert module.range == (1, 0, 1, 0)


def test_definition_of_locals_is_scope_correct(workspace):
    _loader, paths = workspace
    # `return x` in g is g's parameter, not f's.
    found = _definition(workspace, 'main.py', 'return x', 0, 7)
    assert found.path == paths['main.py'] and found.range == (17, 6, 17, 7)
    found = _definition(workspace, 'main.py', 'return y', 0, 7)
    assert found.range == (15, 4, 15, 5)


def test_definition_reads_the_value_evaluated_before_the_store():
    text = 'x = 1\nx = x + 1\n'
    module = source_module(None, text)
    from interpreter.analysis.navigation import ModuleLoader
    found = definitions(ModuleLoader([]), module, 2, 4)
    assert found[0].range == (1, 0, 1, 1)


def test_references_are_scope_correct(workspace):
    loader, paths = workspace
    module = loader.load(paths['main.py'])
    got = [place.range for place in references(loader, module, 14, 6)]
    assert got == [(14, 6, 14, 7), (15, 8, 15, 9)]  # f's x only, not g's
    without = [place.range for place in references(loader, module, 14, 6, False)]
    assert without == [(15, 8, 15, 9)]


def test_references_of_a_parameter_include_keyword_arguments():
    from interpreter.analysis.navigation import ModuleLoader
    text = 'def f(alpha, beta=1):\n    return alpha\nf(1, beta=2)\nf(alpha=3)\ng(alpha=4)\n'
    module = source_module(None, text)
    got = [p.range for p in references(ModuleLoader([]), module, 1, 6)]
    assert got == [(1, 6, 1, 11), (2, 11, 2, 16), (4, 2, 4, 7)]  # not g's keyword


def test_attribute_references(workspace):
    loader, paths = workspace
    module = loader.load(paths['pkg/core.py'])
    lineno, col = position_of(FILES['pkg/core.py'], 'fuel', 1)
    got = [place.range[0] for place in references(loader, module, lineno, col)]
    assert got == [15, 19]


def test_document_highlights_have_read_and_write_kinds(workspace):
    loader, paths = workspace
    module = loader.load(paths['main.py'])
    assert document_highlights(module, 15, 4) == [((15, 4, 15, 5), 'write'),
                                                  ((16, 11, 16, 12), 'read')]


def test_non_ascii_names(workspace):
    loader, paths = workspace
    module = loader.load(paths['ünï.py'])
    text = FILES['ünï.py']
    found = definitions(loader, module, *position_of(text, 'größe', 1))
    assert found[0].range == (1, 12, 1, 17)
    found = definitions(loader, module, *position_of(text, 'α', 1))
    assert found[0].range == (2, 10, 2, 11)
    got = [p.range for p in references(loader, module, *position_of(text, 'café'))]
    assert got == [(1, 0, 1, 4), (1, 20, 1, 24)]


def test_broken_file(workspace):
    loader, paths = workspace
    text = ('from pkg.core import Engine\n'
            'def broken(:\n'
            '    pass\n'
            'def ok(a):\n'
            '    b = a +\n'
            '    return Engine(a)\n')
    module = source_module(os.path.join(os.path.dirname(paths['main.py']), 'broken.py'), text)
    found = definitions(loader, module, *position_of(text, 'Engine', 1))
    assert found[0].path == paths['pkg/core.py'] and found[0].range[0] == 10
    found = definitions(loader, module, *position_of(text, 'a', 3))
    assert found[0].range == (4, 7, 4, 8)
    # `b = a +` is a statement the parser skipped: the `a` in it is not seen.
    assert len(references(loader, module, 4, 7)) == 2


def test_definition_of_the_parts_of_an_import_path(workspace):
    loader, paths = workspace
    text = 'import pkg.core, os.path as p\nfrom collections.abc import Mapping\n'
    module = source_module(paths['main.py'], text)
    targets = {}
    for needle, nth, offset in (('pkg', 0, 0), ('core', 0, 0), ('os', 0, 0), ('path', 0, 1),
                                ('collections', 0, 0), ('abc', 0, 0)):
        found = definitions(loader, module, *position_of(text, needle, nth, offset))
        targets[needle] = os.path.relpath(found[0].path, os.path.dirname(paths['main.py'])) \
            if found[0].path.startswith(os.path.dirname(paths['main.py'])) \
            else os.path.relpath(found[0].path, STDLIB)
    assert targets == {'pkg': os.path.join('pkg', '__init__.py'),
                       'core': os.path.join('pkg', 'core.py'), 'os': 'os.py',
                       'path': 'posixpath.py',
                       'collections': os.path.join('collections', '__init__.py'),
                       'abc': os.path.join('collections', 'abc.py')}
