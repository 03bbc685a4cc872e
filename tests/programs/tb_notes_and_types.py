# add_note() lines, exception with empty message, custom __str__, module-qualified names.
class Custom(Exception):
    def __str__(self):
        return 'custom text'
try:
    raise Custom()
except Custom as e:
    print(repr(str(e)))
err = ValueError('with notes')
err.add_note('first note')
err.add_note('second note')
def boom():
    raise err
try:
    boom()
except ValueError as e:
    print(e.__notes__)
class Empty(Exception):
    pass
try:
    raise Empty
except Empty as e:
    print(repr(e), str(e) == '')
try:
    raise ValueError from 5
except TypeError as e:
    print(e)
raise err
