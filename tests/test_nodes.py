"""interpreter.nodes mirrors the host's `ast`: every class, its fields, their order, positions."""

import ast

import pytest

from interpreter import nodes

DEPRECATED = {'Num', 'Str', 'Bytes', 'NameConstant', 'Ellipsis', 'slice', 'Index', 'ExtSlice',
              'Suite', 'Param', 'AugLoad', 'AugStore'}


def host_node_classes():
    todo, seen = [ast.AST], []
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub.__module__ == 'ast' and sub.__name__ not in DEPRECATED:
                seen.append(sub)
                todo.append(sub)
    return seen


@pytest.mark.parametrize('host', host_node_classes(), ids=lambda cls: cls.__name__)
def test_class_mirrors_ast(host):
    ours = getattr(nodes, host.__name__)
    assert ours._fields == host._fields
    assert ours._attributes == host._attributes
    assert ours.__mro__[1].__name__ == host.__mro__[1].__name__


def test_to_ast_round_trip_equals_host_dump():
    tree = ast.parse('x = f(a, *b, k=1)\n')

    def from_host(value):
        if isinstance(value, ast.AST):
            cls = getattr(nodes, type(value).__name__)
            node = cls.__new__(cls)
            for name in cls._fields + cls._attributes:
                setattr(node, name, from_host(getattr(value, name, None)))
            return node
        if isinstance(value, list):
            return [from_host(item) for item in value]
        return value

    converted = nodes.to_ast(from_host(tree))
    assert ast.dump(converted, include_attributes=True) == ast.dump(tree, include_attributes=True)


def test_error_nodes_convert_to_placeholders():
    error = nodes.ErrorStmt([], 1, 0, 1, 3)
    module = nodes.Module([error, nodes.Expr(nodes.ErrorExpr([], 2, 0, 2, 1), 2, 0, 2, 1)], [])
    dumped = ast.dump(nodes.to_ast(module))
    assert dumped == ("Module(body=[Pass(), Expr(value=Name(id='<error>', ctx=Load()))], "
                      'type_ignores=[])')


def test_walk_visits_every_node_once():
    name = nodes.Name('a', nodes.LOAD, 1, 0, 1, 1)
    call = nodes.Call(name, [nodes.Constant(1, None, 1, 2, 1, 3)], [], 1, 0, 1, 4)
    visited = list(nodes.walk(nodes.Expr(call, 1, 0, 1, 4)))
    assert [type(node).__name__ for node in visited] == ['Expr', 'Call', 'Name', 'Constant', 'Load']
