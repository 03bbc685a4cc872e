def risky(n):
    if n > 1:
        raise ValueError(f'too big: {n}')
    return n


caught = []
for n in range(3):
    try:
        risky(n)
    except ValueError as error:
        caught.append(str(error))
print(caught)
