# Uncaught error case: init_subclass (traceback position and message must match CPython).
class Base:
    def __init_subclass__(cls):
        raise ValueError(cls.__name__)
class Child(Base):
    pass
