"""A comparable picture of a symbol-table tree, for parity checks against the stdlib `symtable`."""

from __future__ import annotations

__all__ = ['describe']


def describe(table, path: str = '') -> list[tuple]:
    """A flat, comparable picture of a table tree: tables in order, every symbol's predicates.

    Symbol order is compared too, except for names a table only passes through to a closure
    (CPython adds those in set order, which depends on string hashing).
    """
    here = f'{path}/{table.get_name()}'
    rows: list[tuple] = [('table', here, table.get_type(), table.get_lineno(),
                          table.is_optimized(), table.is_nested(), table.has_children(),
                          len(table.get_children()))]
    ordered = []
    for symbol in table.get_symbols():
        name = symbol.get_name()
        predicates = (symbol.is_referenced(), symbol.is_imported(), symbol.is_parameter(),
                      symbol.is_global(), symbol.is_nonlocal(), symbol.is_declared_global(),
                      symbol.is_local(), symbol.is_annotated(), symbol.is_free(),
                      symbol.is_assigned(), symbol.is_namespace(), len(symbol.get_namespaces()))
        rows.append(('symbol', here, name, predicates))
        if any(predicates[:3]) or predicates[4] or predicates[7] or predicates[9]:
            ordered.append(name)
    rows[1:] = sorted(rows[1:])
    rows.append(('order', here, tuple(ordered)))
    if table.get_type() == 'function':
        rows.append(('function', here, table.get_parameters(), sorted(table.get_locals()),
                     sorted(table.get_globals()), sorted(table.get_nonlocals()),
                     sorted(table.get_frees())))
    elif table.get_type() == 'class':
        rows.append(('class', here, table.get_methods()))
    for child in table.get_children():
        rows.extend(describe(child, here))
    return rows
