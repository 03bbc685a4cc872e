"""compile() with PyCF_ALLOW_TOP_LEVEL_AWAIT: module code that awaits is a coroutine named
<module>; a function made of module code runs its statements with its globals."""
import ast
import asyncio
import gc
import inspect
import types
import warnings
from itertools import product

FLAG = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


async def arange(n):
    for i in range(n):
        yield i


SAMPLES = [
    'a = await asyncio.sleep(0, result=1)',
    'async for i in arange(1):\n    a = 1',
    'async with asyncio.Lock() as l:\n    a = 1',
    'a = [x async for x in arange(2)][1]',
    'a = 1 in {x async for x in arange(2)}',
    'a = {x:1 async for x in arange(1)}[0]',
    'a = [x async for x in arange(2) async for x in arange(2)][1]',
    'a = [x async for x in (x async for x in arange(5))][1]',
    'a, = [1 for x in {x async for x in arange(1)}]',
    'a = [await asyncio.sleep(0, x) async for x in arange(2)][1]',
]


def awaiting_modules():
    for mode, source in product(('single', 'exec'), SAMPLES):
        try:
            compile(source, '?', mode)
        except SyntaxError as e:
            print('without the flag', mode, e.msg)
        co = compile(source, '?', mode, flags=FLAG)
        print(bool(co.co_flags & 0x80))
        g = {'asyncio': asyncio, 'a': 0, 'arange': arange}
        f = types.FunctionType(co, g)
        asyncio.run(f())
        print(g['a'])
        g = {'asyncio': asyncio, 'a': 0, 'arange': arange}
        c = eval(co, g)
        print(type(c).__name__, c.__name__, c.__qualname__, c.cr_code is co)
        asyncio.run(c)
        print(g['a'])


def not_awaiting():
    for source in ['def f():pass\n', '[x for x in l]', '(x for x in l)', '{x:x for x in l}']:
        for mode in ('single', 'exec'):
            print(bool(compile(source, '?', mode, flags=FLAG).co_flags & 0x80))


def modes_and_namespaces():
    co = compile('await asyncio.sleep(0, 42)', '<e>', 'eval', flags=FLAG)
    print(asyncio.run(eval(co, {'asyncio': asyncio})))
    co = compile('await asyncio.sleep(0, 7)', '<s>', 'single', flags=FLAG)
    asyncio.run(eval(co, {'asyncio': asyncio}))  # shown by sys.displayhook
    names = {}
    co = compile('x = await asyncio.sleep(0, 5)\ny = x + 1', '<l>', 'exec', flags=FLAG)
    g = {'asyncio': asyncio}
    asyncio.run(eval(co, g, names))
    print(sorted(names), 'x' in g)
    # a docstring and annotations are set up before the first statement
    co = compile('"""doc"""\nb: int = 2\na = await asyncio.sleep(0, __doc__ + str(b))', '<d>',
                 'exec', flags=FLAG)
    g = {'asyncio': asyncio}
    asyncio.run(eval(co, g))
    print(g['a'], g['__annotations__'])


def still_errors():
    for bad in ['class C:\n    await x', 'def f():\n    await x', 'lambda: await x',
                'def f():\n    async for a in b: pass', 'yield 1',
                'def f():\n    return [x async for x in y]']:
        try:
            compile(bad, '<b>', 'exec', flags=FLAG)
        except SyntaxError as e:
            print('SyntaxError', e.msg, e.lineno, e.offset)
    co = compile('1 / 0\nawait x', '<z>', 'exec', flags=FLAG)
    try:
        asyncio.run(eval(co, {}))
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)


def functions_of_module_code():
    g = {'n': 2}
    f = types.FunctionType(compile('m = n * 21\nprint("ran", m)', '<p>', 'exec'), g)
    print(f.__name__, f.__globals__ is g, f(), g['m'])
    named = types.FunctionType(compile('n', '<p>', 'eval'), g, 'named')
    print(named.__name__, named())
    co = compile('await asyncio.sleep(0)', '<i>', 'exec', flags=FLAG)
    fn = types.FunctionType(co, {'asyncio': asyncio})
    print(inspect.iscoroutinefunction(fn), fn.__code__ is co)
    c = fn()
    print(inspect.getcoroutinestate(c))
    c.close()
    print(inspect.getcoroutinestate(c))


def never_awaited():
    # exec() runs the code: for an awaiting module that makes the coroutine, then drops it
    co = compile('await asyncio.sleep(0)', '<w>', 'exec', flags=FLAG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        exec(co, {'asyncio': asyncio})  # noqa: S102
        gc.collect()
    print([(w.category.__name__, str(w.message)) for w in caught])


awaiting_modules()
not_awaiting()
modes_and_namespaces()
still_errors()
functions_of_module_code()
never_awaited()
# an uncaught error inside, driven by hand
co = compile('import asyncio\nawait asyncio.sleep(0)\n1/0', '<z>', 'exec', flags=FLAG)
c = eval(co, {})
c.send(None)
print(c.cr_frame.f_lineno, c.cr_frame.f_code is co)
c.send(None)
