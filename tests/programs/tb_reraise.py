# Bare raise and raise e keep the original traceback entries.
def inner():
    raise ValueError('inner problem')
def outer():
    try:
        inner()
    except ValueError as e:
        print('handling', e)
        raise
outer()
