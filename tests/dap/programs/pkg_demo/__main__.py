import json
import sys


def greet(name):
    message = f'hello {name}'
    return message


print(greet(sys.argv[1]), json.dumps([1]))
