def bump(value):
    return value + 1


count = 0
print('looping', flush=True)
while True:
    count = bump(count)
