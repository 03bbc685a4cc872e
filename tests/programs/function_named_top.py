"""A function named `top` (the name symbol tables give the module) has ordinary local variables:
werkzeug's LocalStack.top reads its `self`."""

GLOBAL = 'global value'


def top(argument, *rest, keyword=None):
    local = [argument, rest, keyword]
    return local, GLOBAL


print(top(1, 2, keyword=3))


class Stack:
    def __init__(self):
        self._items = [42]

    @property
    def top(self):
        items = self._items
        return items[-1] if items else None


print(Stack().top)


def outer():
    def top(value):
        def inner():
            return value * 2
        return inner()
    return top(21)


print(outer())


def declares_global():
    def top():
        global GLOBAL
        GLOBAL = 'changed'
    return top


def reads_unbound():
    def top():
        return undefined_name  # noqa: F821
    return top


declares_global()()
print(GLOBAL)
try:
    reads_unbound()()
except NameError as error:
    print(error)
