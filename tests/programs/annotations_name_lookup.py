"""x: int at module and class level stores into __annotations__ found as LOAD_NAME finds it:
the namespace, then the globals, then the builtins; never created again once deleted."""
import builtins
import traceback

del __annotations__
try:
    x: int = 1
except NameError as error:
    print('module:', error, x)

__annotations__ = {}


class FromGlobals:
    del __annotations__
    y: str


print(__annotations__, 'y' in FromGlobals.__dict__)
del __annotations__
builtins.__annotations__ = {}


class FromBuiltins:
    del __annotations__
    z: float


print(builtins.__annotations__)
del builtins.__annotations__


class Missing:
    del __annotations__
    try:
        w: int
    except NameError as error:
        print('class:', error)


class NotAMapping:
    __annotations__ = 5
    try:
        v: int
    except TypeError as error:
        print('class:', error)
        traceback.print_exc()


class Fine:
    a: int
    b: 'str' = 'value'


print(Fine.__annotations__, Fine.b)
