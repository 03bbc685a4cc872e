# A built-in or extension module's loader answers InspectLoader's questions as CPython's
# (runpy.run_module of one: "No code object available").
import math
import runpy
import sys

for module in (sys, math):
    loader = module.__spec__.loader
    print(module.__name__, loader.get_code(module.__name__), loader.get_source(module.__name__),
          loader.is_package(module.__name__))
try:
    runpy.run_module('sys')
except ImportError as error:
    print('ImportError:', error)
