import os


def greet(name):
    return "hello " + name + undefined_name


def broken(:
    pass


print(greet(os.sep))
