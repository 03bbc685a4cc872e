import copy


class Fragile:
    def __deepcopy__(self, memo):
        raise RuntimeError('cannot copy')


def attempt():
    try:
        copy.deepcopy(Fragile())
    except RuntimeError as error:
        return str(error)


def local_only():
    try:
        raise KeyError('handled here')
    except KeyError:
        return 'handled'


print(local_only(), attempt())
