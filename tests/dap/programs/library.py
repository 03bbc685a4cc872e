import json


def mine(values):
    text = json.dumps(values)
    return text


print(mine([1, 2]))
