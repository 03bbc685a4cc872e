# An uncaught exception raised inside a with body: __exit__ runs and the traceback shows the body.
class Managed:
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, typ, value, tb):
        print('exit sees', typ.__name__)
def work(items):
    with Managed():
        for item in items:
            print(item['name'])
work([{'name': 'a'}, {}])
