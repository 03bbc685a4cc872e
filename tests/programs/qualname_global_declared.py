# A def or class whose name the enclosing function declares `global` has its bare name as
# __qualname__ (so pickle finds it), and so do its methods' prefixes.
import pickle


def outer():
    global C, g

    class C:
        def method(self):
            pass

    def g():
        pass

    class Local:
        pass
    return C, g, Local


C, g, Local = outer()
print(C.__qualname__, C.method.__qualname__, g.__qualname__, Local.__qualname__)
print(pickle.loads(pickle.dumps(C())).__class__.__qualname__, pickle.loads(pickle.dumps(g)) is g)
