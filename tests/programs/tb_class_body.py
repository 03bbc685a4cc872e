# An exception raised while executing a class body and a method called at module level.
class Config:
    items = [1, 2, 3]
    total = sum(items)
    def check(self):
        assert self.total == 7, f'total was {self.total}'
Config().check()
