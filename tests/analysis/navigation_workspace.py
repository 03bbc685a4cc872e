"""A small workspace of modules for the navigation tests (definition, hover, rename, ...)."""

import sys

from interpreter.analysis.navigation import ModuleLoader, SourceModule

FILES = {
    'pkg/__init__.py': '"""The package."""\nfrom .core import Engine\n',
    'pkg/core.py': '''\
"""Core module doc."""
import json


class Base:
    def shared(self):
        return 1


class Engine(Base):
    """An engine."""
    speed = 3

    def __init__(self, fuel, power=2):
        self.fuel = fuel

    def run(self, steps: int = 1) -> int:
        """Run it."""
        return self.fuel + steps
''',
    'main.py': '''\
import json
import os.path
from pkg import Engine
from pkg.core import Base as B
import pkg.core

e = Engine(1)
e.run()
e.fuel
e.shared()
json.loads
os.path.join
pkg.core.Engine.speed
def f(x):
    y = x
    return y
def g(x):
    return x
''',
    'user.py': '''\
from pkg.core import Engine
import pkg.core as pc
from os.path import join


def local():
    Engine(1)
    pc.Engine(2)
    join('a')
''',
    'ünï.py': 'café = "ß"; größe = café\ndef naïve(α, β=1):\n    return α + größe\n',
}


def make_workspace(root):
    """Write the files under `root`; return (loader, {relative name: path})."""
    paths = {}
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding='utf-8')
        paths[name] = str(path)
    return ModuleLoader([str(root), *sys.path[1:]]), paths


def source_module(path, text):
    """A module that is not on disk (an editor's unsaved text)."""
    return SourceModule(path, text)


def position_of(text, needle, nth=0, offset=0):
    """(lineno, col) of the `nth` occurrence of `needle` in `text`, plus `offset` columns."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    lineno = text.count('\n', 0, index) + 1
    col = index - (text.rfind('\n', 0, index) + 1)
    return lineno, col + offset
