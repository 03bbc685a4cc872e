"""Warnings issued when an object is freed (an unclosed file, a coroutine never awaited) are
located at the line that dropped it, in bodies of one, two and more statements, and carry their
source (the 'Enable tracemalloc' hint)."""
import asyncio
import os
import sys
import tempfile
import warnings

warnings.simplefilter('always')
sys.stderr = sys.stdout
folder = tempfile.mkdtemp()
path = os.path.join(folder, 'data.txt')
with open(path, 'w') as handle:
    handle.write('x')
os.chdir(folder)


def one_statement():
    open('data.txt').read()


def two_statements_first():
    open('data.txt').read()
    return 5


def two_statements_second():
    value = 5
    open('data.txt').read()


def three_statements():
    value = 1
    open('data.txt').read()
    return value


def dropped_coroutine():
    asyncio.sleep(0)


class Holder:
    def __init__(self):
        self.handle = open('data.txt')

    def drop(self):
        self.handle = None


for function in (one_statement, two_statements_first, two_statements_second,
                 three_statements, dropped_coroutine):
    print('--', function.__name__)
    function()
Holder().drop()
lambda_drop = (lambda: open('data.txt').read())
lambda_drop()
open('data.txt').read()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    one_statement()
print([(w.category.__name__, w.lineno, type(w.source).__name__) for w in caught])
os.chdir('/')
os.remove(path)
os.rmdir(folder)
