# Uncaught error case: augassign_key_missing (traceback position and message must match CPython).
d = {}
d["missing"] += 1
