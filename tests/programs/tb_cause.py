# Uncaught exception with explicit cause, raised from a method.
class Loader:
    def load(self, key):
        try:
            return {}[key]
        except KeyError as e:
            raise RuntimeError('load failed') from e
Loader().load('k')
