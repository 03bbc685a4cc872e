"""Assignment and deletion targets: names, attributes, subscripts, (starred) unpacking."""

from __future__ import annotations

import types

from ..runtime.frames import UNBOUND
from ..runtime.templates import instantiate
from ..runtime.tracebacks import store_exception_traceback
from .expressions import name_error, unbound_free, unbound_local
from .operators import NOTE, operand_text
from .trace_lines import name_store_lines

__all__ = ['TargetCompiler']

_CellType = types.CellType


class TargetCompiler:
    """Mixin: `store(target) -> st(f, value)` and `delete(target) -> closure`."""

    def store(self, node):
        method = getattr(self, 'store_' + type(node).__name__, None)
        if method is None:
            raise SyntaxError(f'cannot assign to {type(node).__name__}')
        return method(node)

    def store_target(self, node):
        """`store(node)` for the target of an assignment or a loop: traced, an unpacking over
        several lines reports the lines of its stores (compiler.trace_lines)."""
        store = self.store(node)
        if self.instrument:
            lines = name_store_lines(node)
            if lines is not None and len(set(lines)) > 1:
                from ..runtime.tracing import traced_store

                store = traced_store(store, lines)
        return store

    def store_Name(self, node):
        name = self.scope.mangle(node.id)
        return self.store_name(name)

    def store_name(self, name: str):
        how = self.scope.resolve_store(name)
        if how == 'fast':
            slot = self.scope.slots[name]

            def store_fast(f, value):
                f.fast[slot] = value

            return store_fast
        if how == 'deref':
            slot = self.scope.slots[name]

            def store_deref(f, value):
                f.fast[slot].cell_contents = value

            return store_deref
        if how == 'global':
            def store_global(f, value):
                f.f_globals[name] = value

            return store_global

        def store_name(f, value):
            f.names[name] = value

        return store_name

    def store_Attribute(self, node):
        if node.attr == '__traceback__':
            return store_exception_traceback(self.expr(node.value), node)
        if node.attr == '__code__':
            return _store_code(self.expr(node.value), node)
        shape, target = self.operand(node.value)
        attr = self.scope.mangle(node.attr)
        source = (f'def make(A, node):\n'
                  f'    def store_attribute(f, value):\n'
                  f'        try:\n'
                  f'            {operand_text(shape, "A")}.{attr} = value\n'
                  f'{NOTE}'
                  f'    return store_attribute\n')
        return instantiate(source, 'make')(target, node)

    def store_Subscript(self, node):
        a = self.operand(node.value)
        b = self.operand(node.slice)
        source = (f'def make(A, B, node):\n'
                  f'    def store_subscript(f, value):\n'
                  f'        try:\n'
                  f'            {operand_text(a[0], "A")}[{operand_text(b[0], "B")}] = value\n'
                  f'{NOTE}'
                  f'    return store_subscript\n')
        return instantiate(source, 'make')(a[1], b[1], node)

    def store_Tuple(self, node):
        return self.store_sequence(node)

    def store_List(self, node):
        return self.store_sequence(node)

    def fast_slots_of(self, node):
        """[(star, slot)] if every element of a tuple/list target is a plain local, else None."""
        if self.scope.kind != 'function' or not node.elts:
            return None
        slots = []
        for element in node.elts:
            star = ''
            if type(element).__name__ == 'Starred':
                star, element = '*', element.value
            if type(element).__name__ != 'Name':
                return None
            name = self.scope.mangle(element.id)
            if self.scope.resolve_store(name) != 'fast':
                return None
            slots.append((star, self.scope.slots[name]))
        return slots

    def store_Starred(self, node):
        raise SyntaxError('starred assignment target must be in a list or tuple')

    def store_sequence(self, node):
        """Unpack with host syntax (exact messages), then store each item left to right."""
        slots = self.fast_slots_of(node)
        if slots is not None:
            # every target is a local slot: the host unpacks straight into the slot list
            targets = ', '.join(f'{star}fast[{slot}]' for star, slot in slots)
            if len(slots) == 1:
                targets += ','
            source = (f'def make(node):\n'
                      f'    def unpack_into_slots(f, value):\n'
                      f'        fast = f.fast\n'
                      f'        try:\n'
                      f'            {targets} = value\n'
                      f'{NOTE}'
                      f'    return unpack_into_slots\n')
            return instantiate(source, 'make')(node)
        stores = [self.store(e.value if type(e).__name__ == 'Starred' else e)
                  for e in node.elts]
        unpack = self.unpacker(node)
        stores = tuple(stores)
        if len(stores) == 2:
            first, second = stores

            def store_pair(f, value):
                a, b = unpack(f, value)
                first(f, a)
                second(f, b)

            return store_pair

        def store_sequence(f, value):
            for store, item in zip(stores, unpack(f, value)):
                store(f, item)

        return store_sequence

    def unpacker(self, node):
        """`unpack(f, value) -> items`, one per element of a tuple or list target (a starred
        one gets a list), with the host's own unpacking and its messages."""
        names = [f'*v{index}' if type(element).__name__ == 'Starred' else f'v{index}'
                 for index, element in enumerate(node.elts)]
        values = ', '.join(n.lstrip('*') for n in names)
        targets = ', '.join(names) + (',' if len(names) == 1 else '')
        source = (f'def make(node):\n'
                  f'    def unpack(f, value):\n'
                  f'        try:\n'
                  f'            {targets} = value\n'
                  f'{NOTE}'
                  f'        return {values}{"," if len(names) == 1 else ""}\n'
                  f'    return unpack\n')
        if not names:
            source = ('def make(node):\n'
                      '    def unpack(f, value):\n'
                      '        try:\n'
                      '            [] = value\n'
                      f'{NOTE}'
                      '        return ()\n'
                      '    return unpack\n')
        return instantiate(source, 'make')(node)

    # del

    def delete(self, node):
        method = getattr(self, 'delete_' + type(node).__name__, None)
        if method is None:
            raise SyntaxError(f'cannot delete {type(node).__name__}')
        return method(node)

    def delete_Name(self, node):
        name = self.scope.mangle(node.id)
        return self.delete_name(name, node)

    def delete_name(self, name: str, node):
        how = self.scope.resolve_store(name)
        if how == 'fast':
            slot = self.scope.slots[name]

            def delete_fast(f):
                if f.fast[slot] is UNBOUND:
                    error = unbound_local(name)
                    f.exc = error
                    f.exc_node = node
                    raise error
                f.fast[slot] = UNBOUND

            return delete_fast
        if how == 'deref':
            slot = self.scope.slots[name]
            free = name in self.scope.frees

            def delete_deref(f):
                cell = f.fast[slot]
                try:
                    del cell.cell_contents
                except ValueError:
                    error = unbound_free(name) if free else unbound_local(name)
                    f.exc = error
                    f.exc_node = node
                    raise error from None

            return delete_deref
        if how == 'global':
            def delete_global(f):
                try:
                    del f.f_globals[name]
                except KeyError:
                    error = name_error(name)
                    f.exc = error
                    f.exc_node = node
                    raise error from None

            return delete_global

        def delete_name(f):
            try:
                del f.names[name]
            except KeyError:
                error = name_error(name)
                f.exc = error
                f.exc_node = node
                raise error from None

        return delete_name

    def delete_Attribute(self, node):
        shape, target = self.operand(node.value)
        attr = self.scope.mangle(node.attr)
        source = (f'def make(A, node):\n'
                  f'    def delete_attribute(f):\n'
                  f'        try:\n'
                  f'            del {operand_text(shape, "A")}.{attr}\n'
                  f'{NOTE}'
                  f'    return delete_attribute\n')
        return instantiate(source, 'make')(target, node)

    def delete_Subscript(self, node):
        a = self.operand(node.value)
        b = self.operand(node.slice)
        source = (f'def make(A, B, node):\n'
                  f'    def delete_subscript(f):\n'
                  f'        try:\n'
                  f'            del {operand_text(a[0], "A")}[{operand_text(b[0], "B")}]\n'
                  f'{NOTE}'
                  f'    return delete_subscript\n')
        return instantiate(source, 'make')(a[1], b[1], node)

    def delete_Tuple(self, node):
        deletes = tuple(self.delete(e) for e in node.elts)

        def delete_all(f):
            for delete in deletes:
                delete(f)

        return delete_all

    delete_List = delete_Tuple


def _store_code(target, node):
    """`obj.__code__ = value` (see runtime.type_creation.store_code)."""
    from ..runtime.type_creation import store_code

    def store_code_attribute(f, value):
        try:
            store_code(target(f), value)
        except BaseException as e:
            if f.exc is not e:
                f.exc = e
                f.exc_node = node
            raise

    return store_code_attribute

