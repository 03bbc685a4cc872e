# Uncaught error case: missing_init_argument (traceback position and message must match CPython).
class C:
    def __init__(self, a):
        pass
C()
