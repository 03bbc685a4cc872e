# A namespace that functions were made in is garbage once nothing refers to it: a module built
# and dropped (Jinja2's ModuleLoader drops its template modules and watches a weak reference),
# and the namespaces of exec() (every render_template_string), as in CPython; so are the code
# objects of its functions, closures and generators.
import gc
import sys
import types
import weakref


class Marker:
    pass


def module_made_and_dropped(index):
    module = types.ModuleType(f'dropped_{index}')
    module.marker = Marker()
    exec('def root(context):\n'
         '    return [item for item in context if item]\n'
         'def gen():\n'
         '    yield marker\n'
         'async def coro():\n'
         '    return marker\n'
         'class Holder:\n'
         '    def method(self):\n'
         '        return marker\n'
         'square = lambda x: x * x\n'
         'closure = (lambda y: (lambda: y + 1))(2)\n', module.__dict__)
    assert module.root([0, 1, 2]) == [1, 2]
    assert next(module.gen()) is module.marker
    sys.modules[module.__name__] = module
    gone = weakref.ref(module.marker)
    codes.extend(weakref.ref(function.__code__) for function in
                 (module.root, module.gen, module.coro, module.Holder.method, module.square,
                  module.closure))
    del sys.modules[module.__name__]
    return gone


codes = []


refs = [module_made_and_dropped(index) for index in range(3)]
# twice: Memphis frees a function's code object one collection after the function (the host
# code object between them is invisible to the collector)
gc.collect()
gc.collect()
print('module namespaces collected:', [ref() is None for ref in refs])
print('their code objects collected:', sum(ref() is None for ref in codes), 'of', len(codes))


def exec_namespace(source):
    namespace = {'marker': Marker()}
    exec(source, namespace)
    return weakref.ref(namespace['marker']), len(namespace['f']())


source = 'def f():\n    return [marker] * 2\n'
results = [exec_namespace(source) for _ in range(3)]
gc.collect()
print('exec namespaces collected:', [ref() is None for ref, _ in results])
print('results:', [value for _, value in results])
