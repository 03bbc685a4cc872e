"""array.array is a MutableSequence of the collections.abc the program sees, as CPython's array
module registers it when imported, whichever of the two is imported first."""
import array
from collections.abc import MutableSequence, Sequence
print(isinstance(array.array('B'), MutableSequence), issubclass(array.array, Sequence))
import collections.abc
print(collections.abc.MutableSequence.__subclasscheck__(array.array))
