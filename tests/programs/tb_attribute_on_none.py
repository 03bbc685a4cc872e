# AttributeError on None from a method chain, and a TypeError calling a non-callable.
class Node:
    def __init__(self, parent=None):
        self.parent = parent
root = Node()
leaf = Node(Node(root))
try:
    print(leaf.parent.parent.parent.parent)
except AttributeError as e:
    print('caught:', e)
value = 5
try:
    value()
except TypeError as e:
    print('caught:', e)
print(leaf.parent.parent.parent.parent.name)
