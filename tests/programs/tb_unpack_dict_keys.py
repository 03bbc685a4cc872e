# Uncaught error case: unpack_dict_keys (traceback position and message must match CPython).
items = {"a": 1}
for k, v in items:
    pass
