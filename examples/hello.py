"""A first program for Memphis."""


def greet(name: str) -> str:
    return f'Hello, {name}!'


for who in ('world', 'Memphis'):
    print(greet(who))
