"""code.replace() relabels a code object (name, qualified name, file), as jinja2 does to make
template errors point at the template: the traceback shows the new labels."""

import sys
import traceback

code = compile('\n\nraise LookupError("in the template")', 'page.html', 'exec')
relabelled = code.replace(co_name='top-level template code')
print(code.co_name, relabelled.co_name, relabelled.co_filename, relabelled is code)
try:
    exec(relabelled, {'__name__': 'page.html'})
except LookupError:
    entry = traceback.extract_tb(sys.exc_info()[2])[-1]
    print(entry.filename, entry.lineno, entry.name)

moved = code.replace(co_filename='other.html', co_name='block body', co_qualname='block body')
try:
    exec(moved, {})
except LookupError as error:
    frame = error.__traceback__.tb_next.tb_frame
    print(frame.f_code.co_filename, frame.f_code.co_name, frame.f_lineno)
print(code.co_filename, code.co_name)


def function():
    return 'result'


print(function.__code__.replace(co_name='renamed').co_name, function.__code__.co_name)
for bad in ({'co_name': 3}, {'co_nonsense': 'x'}):
    try:
        code.replace(**bad)
    except TypeError as error:
        print('TypeError:', error)
try:
    code.replace('positional')
except TypeError as error:
    print('TypeError:', error)
