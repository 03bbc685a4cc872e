"""Comprehensions holding asynchronous comprehensions become asynchronous (Python 3.11)."""
import asyncio
import types


async def agen(n):
    for i in range(n):
        yield i


async def value(x):
    await asyncio.sleep(0)
    return x


async def nested_kinds():
    print([[x async for x in agen(i)] for i in range(4)])
    print({i: {x async for x in agen(i)} for i in range(3)})
    print(sorted({tuple([x async for x in agen(i)]) for i in range(3)}))
    print([[y async for y in agen(2)] async for x in agen(2)])
    print([[[z async for z in agen(k)] for k in range(j)] for j in range(3)])
    print([[await value(x) for x in range(i)] for i in range(3)])
    # an await in a nested comprehension's first iterable is in the outer one's scope
    print([[a for a in await value(range(i))] for i in range(3)])
    print([i for i in range(3) if [x async for x in agen(i)]])
    print([(lambda: i)() for i in range(2) if await value(True)])  # noqa: PLC3002 - a scope


async def generator_expressions():
    g = ([x async for x in agen(i)] for i in range(3))
    print(type(g).__name__, type(g) is types.AsyncGeneratorType)
    async for item in g:
        print('item', item)
    plain = ([x for x in range(i)] for i in range(2))
    print(type(plain).__name__)
    print([v async for v in ([x async for x in agen(i)] for i in range(3))])


async def failures():
    async def broken(n):
        yield n
        raise ValueError(f'broken after {n}')

    try:
        print([[x async for x in broken(i)] for i in range(3)])
    except ValueError as error:
        print('ValueError', error)
    try:
        print([[x async for x in i] for i in range(2)])
    except TypeError as error:
        print('TypeError', error)
    try:
        [[await value(1 / x) for x in range(2)] for i in range(2)]
    except ZeroDivisionError as error:
        print('ZeroDivisionError', error)


def syntax_errors():
    for source in [
        'def f():\n    return [[x async for x in y] for i in z]\n',
        'async def f():\n    return lambda: [[x async for x in y] for i in z]\n',
        'async def f():\n    class C:\n        a = [[x async for x in y] for i in z]\n',
        '[[x async for x in y] for i in z]\n',
        'def f():\n    return [[await x for x in y] for i in z]\n',
    ]:
        try:
            compile(source, 'nested.py', 'exec')
        except SyntaxError as error:
            print('SyntaxError', error.msg, error.lineno, error.offset)
        else:
            print('compiled', source)
    # a generator expression in a plain function may hold one: it is an async generator
    namespace = {'y': None, 'z': range(1)}
    exec('def f():\n    return ([x async for x in y] for i in z)\n', namespace)  # noqa: S102
    print(type(namespace['f']()).__name__)


asyncio.run(nested_kinds())
asyncio.run(generator_expressions())
asyncio.run(failures())
syntax_errors()


async def uncaught():
    return [[x async for x in agen(i)] + [1 // (i - 1)] for i in range(3)]

# driven by hand: asyncio's tasks are interpreted under Memphis (their frames would show)
uncaught().send(None)
