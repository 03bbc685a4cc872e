# Uncaught error case: math_domain (traceback position and message must match CPython).
import math
print(math.sqrt(-1))
