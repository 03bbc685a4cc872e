"""The import cache's pickled trees (interpreter.imports.tree_pickle): a loaded tree equals the
parsed one, function bodies stay pickled until read, and the symbol tables find their nodes."""

import ast
import os
import subprocess
import sys
import textwrap
import threading

import pytest

from interpreter import nodes
from interpreter.compiler import parse_source
from interpreter.imports import cache, tree_pickle

SOURCE = textwrap.dedent('''\
    """Module docstring."""
    import os

    def plain(a, b=1, *args, c, d=2, **kw):
        """Plain's docstring."""
        return a + b

    async def coroutine(x):
        async with x as y:
            return [await z for z in y]

    class Outer:
        def method(self, items):
            def nested(v):
                class Local:
                    def deep(self):
                        return lambda q: q + v
                return Local, [w for w in items if w], lambda: v
            return nested

        @staticmethod
        def gen(n):
            yield from range(n)

    first = lambda: (lambda: 1)
    second = [lambda: 2 for _ in range(3)]
    def same_line(): return (lambda: 3, lambda: 4)
''')


def _host_dump(tree) -> str:
    return ast.dump(nodes.to_ast(tree), include_attributes=True)


def _blocks(table):
    pending = [table._table]
    while pending:
        block = pending.pop()
        yield block
        pending.extend(block.children)


def _deferred(tree) -> list:
    """The function nodes below `tree` whose body is still pickled (reading no body)."""
    found, pending = [], [tree]
    while pending:
        node = pending.pop()
        if getattr(type(node), '__getattr__', None) is not None and \
                getattr(node, 'deferred_body', None) is not None:
            found.append(node)
            fields = [name for name in node._fields if name != 'body']
        else:
            fields = node._fields
        for name in fields:
            value = getattr(node, name, None)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, nodes.AST):
                    pending.append(item)
    return found


def _load(source: str):
    tree, table = parse_source(source, '<test>', 'exec')
    return (tree, table), tree_pickle.loads(tree_pickle.dumps(tree, table))


def test_loaded_tree_equals_the_parsed_one_after_every_body_is_read():
    (tree, _), (loaded, _) = _load(SOURCE)
    assert _host_dump(loaded) == _host_dump(tree)


def test_bodies_stay_pickled_until_read_one_level_at_a_time():
    _, (loaded, _) = _load(SOURCE)
    # the top-level defs and the method are deferred; nothing nested in a body is reachable
    names = sorted(node.name for node in _deferred(loaded))
    assert names == ['coroutine', 'gen', 'method', 'plain', 'same_line']
    outer = loaded.body[4]
    method = outer.body[0]
    assert method.deferred_body is not None
    statements = method.body  # read: loaded now, its nested def still deferred
    assert [type(node).__name__ for node in statements] == ['FunctionDef', 'Return']
    assert getattr(method, 'deferred_body', None) is None
    assert [node.name for node in _deferred(loaded)].count('nested') == 1


def test_the_docstring_is_known_without_reading_the_body():
    _, (loaded, _) = _load(SOURCE)
    plain = loaded.body[2]
    assert plain.deferred_body.docstring == "Plain's docstring."
    assert plain.deferred_body is not None  # still pickled
    assert plain.body[0].value.value == "Plain's docstring."


def test_each_block_gets_its_node_back_when_the_body_holding_it_is_read():
    (_, table), (loaded, loaded_table) = _load(SOURCE)
    original = {block.id: block for block in _blocks(table)}
    for node in nodes.walk(loaded):  # reads every body
        pass
    for block in _blocks(loaded_table):
        expected = original[block.id].node
        if expected is None:
            assert getattr(block, 'node', None) is None
            continue
        assert type(block.node) is type(expected)
        assert _host_dump(block.node) == _host_dump(expected)
    # the nodes are the tree's own objects, not copies
    tree_nodes = {id(node) for node in nodes.walk(loaded)}
    assert all(id(block.node) in tree_nodes for block in _blocks(loaded_table)
               if getattr(block, 'node', None) is not None)


def _empty_lists(tree, table) -> set[int]:
    found = {id(value) for node in nodes.walk(tree) for name in node._fields
             if isinstance(value := getattr(node, name, None), list) and not value}
    return found | {id(block.children) for block in _blocks(table) if not block.children}


def test_expression_contexts_are_the_shared_objects_and_empty_lists_are_one_per_pickle():
    (tree, table), (loaded, loaded_table) = _load(SOURCE)
    contexts = {type(node.ctx).__name__: node.ctx for node in nodes.walk(loaded)
                if hasattr(node, 'ctx')}
    assert contexts['Load'] is nodes.LOAD and contexts['Store'] is nodes.STORE
    assert len(_empty_lists(tree, table)) == 1  # the parsed tree's, shared when pickled
    # one in the main pickle and at most one in each body's (nodes.walk read every body)
    bodies = sum(isinstance(node, (nodes.FunctionDef, nodes.AsyncFunctionDef))
                 for node in nodes.walk(tree))
    assert 1 < len(_empty_lists(loaded, loaded_table)) <= 1 + bodies



def test_identifiers_and_line_numbers_are_one_object_per_value_once_loaded():
    """Short strings and ints past the small-int cache are shared by every loaded pickle (the
    main one and each body's); empty `directives` are one dict per pickle."""
    (_, table), (loaded, loaded_table) = _load(SOURCE + '\n' * 300 + SOURCE)
    by_value: dict = {}
    for node in nodes.walk(loaded):  # reads every body
        for name in (*node._fields, 'lineno', 'end_lineno'):
            value = getattr(node, name, None)
            if type(value) is int and value > 256 or type(value) is str and len(value) < 20:
                assert by_value.setdefault((type(value), value), value) is value, (name, value)
    assert any(type(value) is int for _, value in by_value) and \
        any(value == 'self' for _, value in by_value)
    for block in _blocks(loaded_table):
        for name in block.symbols:
            assert by_value.setdefault((str, name), name) is name
    empty = {id(block.directives) for block in _blocks(loaded_table) if not block.directives}
    assert 1 <= len(empty) < sum(1 for block in _blocks(table) if not block.directives)

def test_a_missing_attribute_of_a_def_is_still_an_attribute_error():
    _, (loaded, _) = _load(SOURCE)
    plain = loaded.body[2]
    with pytest.raises(AttributeError, match="'FunctionDef' object has no attribute 'nope'"):
        getattr(plain, 'nope')  # noqa: B009 - the attribute access is the test
    fresh = nodes.FunctionDef.__new__(nodes.FunctionDef)
    with pytest.raises(AttributeError, match="'FunctionDef' object has no attribute 'body'"):
        getattr(fresh, 'body')  # noqa: B009 - the attribute access is the test


def test_a_copy_of_a_def_and_the_def_read_the_same_body():
    import copy

    _, (loaded, _) = _load(SOURCE)
    plain = loaded.body[2]
    duplicate = copy.copy(plain)
    assert duplicate.body is plain.body
    assert [type(node).__name__ for node in plain.body] == ['Expr', 'Return']


def test_two_threads_reading_a_body_load_it_once():
    _, (loaded, _) = _load('def f():\n' + ''.join(f'    x{i} = {i}\n' for i in range(2000)))
    function = loaded.body[0]
    barrier = threading.Barrier(4)
    seen = []

    def read():
        barrier.wait()
        seen.append(function.body)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 4 and all(body is seen[0] for body in seen)
    assert len(seen[0]) == 2000


@pytest.mark.parametrize('module', ['argparse', 'asyncio/base_events', 'typing', 'dataclasses'])
def test_standard_library_modules_round_trip(module):
    path = os.path.join(os.path.dirname(os.__file__), module + '.py')
    with open(path, 'rb') as handle:
        source = handle.read()
    (tree, _), (loaded, _) = _load(source)
    assert _host_dump(loaded) == _host_dump(tree)


WARM_LIBRARY = textwrap.dedent('''\
    """A library whose function bodies stay pickled until called (a cache hit)."""
    import gc


    class Node:
        def __init__(self, name):
            self.name = name
            self.me = self

        def __del__(self):
            print('finalized', self.name)


    imported_cycle = Node('made during the import')


    def make_cycle(name):
        """Makes a cycle with a finalizer."""
        def named():
            return Node(name)
        return named()


    class Outer:
        def method(self, items):
            def nested(v):
                class Local:
                    def deep(self):
                        return [lambda q: q + v for _ in items], {k: v for k in items}
                return Local().deep()
            return nested(len(items))


    def fails():
        def inner():
            return {}['missing']
        return inner()


    def decorated_in_generator():
        @(yield 'decorator')
        def inner():
            """inner's docstring"""
            return 'inner ran'
        yield inner.__doc__, inner(), inner.__code__.co_firstlineno
''')

WARM_MAIN = textwrap.dedent('''\
    import gc
    import sys
    import traceback
    import warm_library as lib

    print(lib.make_cycle.__doc__, lib.Outer.method.__code__.co_firstlineno)
    lambdas, mapping = lib.Outer().method('ab')
    print([f(1) for f in lambdas], mapping)
    lib.make_cycle('made by a call')
    gc.collect()
    try:
        lib.fails()
    except KeyError:
        traceback.print_exc(file=sys.stdout)
    generator = lib.decorated_in_generator()
    print(next(generator), generator.send(lambda function: function))
    del lib.imported_cycle
    print('exiting')
''')


def test_a_warm_import_with_pickled_bodies_behaves_as_cpython(tmp_path):
    """Cold (cache miss), then warm (bodies unpickled on first call): the same output as
    CPython, finalizers of cycles included, the import's one at exit."""
    (tmp_path / 'warm_library.py').write_text(WARM_LIBRARY)
    (tmp_path / 'main.py').write_text(WARM_MAIN)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    memphis_env = {**os.environ, 'PYTHONPATH': root,
                   cache.CACHE_DIR_VARIABLE: str(tmp_path / 'memphis-cache')}
    memphis_env.pop(cache.CACHE_MODE_VARIABLE, None)
    expected = subprocess.run([sys.executable, 'main.py'], check=False, capture_output=True,
                              text=True, cwd=tmp_path, timeout=60,
                              env={**os.environ, 'PYTHONDONTWRITEBYTECODE': '1'})
    assert expected.returncode == 0, expected.stderr
    assert 'finalized made during the import' in expected.stdout
    for outcome in ('miss, written', 'hit'):
        actual = subprocess.run([sys.executable, '-m', 'interpreter', '-v', 'main.py'],
                                check=False, capture_output=True, text=True, cwd=tmp_path,
                                env=memphis_env, timeout=300)
        assert f"import 'warm_library' # interpreted from {tmp_path / 'warm_library.py'} " \
               f"(cache {outcome})" in actual.stderr.splitlines()
        assert (actual.returncode, actual.stdout) == (expected.returncode, expected.stdout)


def test_bodies_are_compressed_against_the_unit_dictionary(tmp_path, monkeypatch):
    """Each body's unit (its pickle and the template code saved with it) is zlib-compressed
    with `unit_dictionary` as preset dictionary: it cannot be read without it, and the units
    of a cache entry are much smaller than compressed alone."""
    import marshal
    import zlib

    from interpreter.imports import unit_dictionary

    assert len(unit_dictionary.dictionary()) == 32 * 1024  # the committed file
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path))
    monkeypatch.delenv(cache.CACHE_MODE_VARIABLE, raising=False)
    path = os.path.join(os.path.dirname(os.__file__), 'argparse.py')
    with open(path, 'rb') as handle:
        source = handle.read()
    _, outcome = cache.compile_cached(path, lambda: source)
    units = cache.entry_units(outcome.path)
    bodies = [tree_pickle.unpack_unit(unit) for unit in units]
    assert sum(marshal.loads(body)[1] is not None for body in bodies) > 100  # saved code
    with pytest.raises(zlib.error):
        zlib.decompress(units[0])
    alone = sum(len(zlib.compress(body, 6)) for body in bodies)
    assert sum(map(len, units)) < 0.8 * alone
