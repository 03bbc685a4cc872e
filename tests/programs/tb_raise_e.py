# raise e adds a new entry for the re-raising line.
def f():
    try:
        [1, 2][5]
    except IndexError as e:
        err = e
    raise err
f()
