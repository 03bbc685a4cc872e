# Uncaught NameError with a "Did you mean" suggestion from the frame's locals.
def compute():
    counter = 1
    return countr + 1
compute()
