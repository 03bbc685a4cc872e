# Uncaught error case: fstring_attribute (traceback position and message must match CPython).
value = None
print(f"{value.upper()}")
