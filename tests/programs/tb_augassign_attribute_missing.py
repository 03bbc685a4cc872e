# Uncaught error case: augassign_attribute_missing (traceback position and message must match CPython).
class O:
    pass
o = O()
o.count += 1
